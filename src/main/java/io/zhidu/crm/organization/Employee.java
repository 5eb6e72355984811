package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member of staff and their login account. Belongs to one company and department, and to an
 * office when in the field; reports to a supervisor. Someone who leaves is deactivated, never
 * deleted: their history stays and they can no longer sign in.
 */
@Entity
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String fullName;
    private String email;
    private String phone;
    private Long companyId;
    private Long departmentId;
    private Long officeId;
    private Long supervisorId;
    private String passwordHash;
    private boolean mustChangePassword;
    private boolean active = true;
    private Instant createdAt;
    private Instant deactivatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "employee_role", joinColumns = @JoinColumn(name = "employee_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Employee() {
    }

    /**
     * A new account. {@code mustChangePassword} makes the user choose their own password at the
     * first sign-in (every account an admin creates; the demo logins excepted).
     */
    public static Employee register(String username, String fullName, Placement placement, Set<Role> roles,
                                    String passwordHash, boolean mustChangePassword, Instant now) {
        Employee e = new Employee();
        e.username = username;
        e.fullName = fullName;
        e.placeIn(placement);
        e.assignRoles(roles);
        e.passwordHash = passwordHash;
        e.mustChangePassword = mustChangePassword;
        e.createdAt = now;
        return e;
    }

    /** Where someone sits: company, department and (for field staff) office. */
    public record Placement(Long companyId, Long departmentId, Long officeId) {
        public Placement {
            Objects.requireNonNull(companyId);
            Objects.requireNonNull(departmentId);
        }
    }

    public void describe(String fullName, String email, String phone) {
        this.fullName = fullName;
        this.email = email;
        this.phone = phone;
    }

    public void placeIn(Placement placement) {
        this.companyId = placement.companyId();
        this.departmentId = placement.departmentId();
        this.officeId = placement.officeId();
    }

    public void assignRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw DomainException.invalid("roles", "user.roles.required");
        }
        if (!this.roles.equals(roles)) { // an unchanged set must not dirty the entity (no version bump)
            this.roles.clear();
            this.roles.addAll(roles);
        }
    }

    /**
     * Sets the supervisor. The caller has checked the reporting line for a cycle (which needs
     * the whole chain); this refuses the trivial one of reporting to oneself.
     */
    public void reportTo(Long supervisorId) {
        if (supervisorId != null && supervisorId.equals(id)) {
            throw DomainException.invalid("supervisorId", "user.supervisor.cycle");
        }
        this.supervisorId = supervisorId;
    }

    /** The user leaves: cannot sign in any more, keeps their history. */
    public void deactivate(Instant now) {
        if (!active) {
            throw DomainException.conflict("user.alreadyInactive");
        }
        this.active = false;
        this.deactivatedAt = now;
    }

    public void reactivate() {
        if (active) {
            throw DomainException.conflict("user.alreadyActive");
        }
        this.active = true;
        this.deactivatedAt = null;
    }

    /** The user chose a new password. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
    }

    /** An admin set a temporary password: the user must choose their own at the next sign-in. */
    public void resetPassword(String temporaryHash) {
        this.passwordHash = temporaryHash;
        this.mustChangePassword = true;
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public Long getOfficeId() {
        return officeId;
    }

    public Long getSupervisorId() {
        return supervisorId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public long getVersion() {
        return version;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
