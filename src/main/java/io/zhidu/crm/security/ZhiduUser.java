package io.zhidu.crm.security;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffAccount;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it (also in the JDBC session, hence serializable).
 * Authorities are {@code ROLE_<role>} plus the roles' permission strings.
 */
public final class ZhiduUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String fullName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final Set<Role> roles;
    private final List<GrantedAuthority> authorities;

    ZhiduUser(StaffAccount account, boolean locked) {
        this.id = account.id();
        this.username = account.username();
        this.fullName = account.fullName();
        this.passwordHash = account.passwordHash();
        this.enabled = account.active();
        this.locked = locked;
        this.mustChangePassword = account.mustChangePassword();
        this.roles = Set.copyOf(account.roles());
        List<GrantedAuthority> list = new ArrayList<>();
        roles.stream().sorted().forEach(r -> list.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        Permissions.of(roles).forEach(p -> list.add(new SimpleGrantedAuthority(p)));
        this.authorities = List.copyOf(list);
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean can(String permission) {
        return authorities.stream().anyMatch(a -> a.getAuthority().equals(permission));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
