package io.zhidu.crm.security;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.shared.scope.DataScope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in user's current account and data scope, read fresh from the database once per
 * request (cached in the request), so that a role change or deactivation applies at once.
 */
@Component
public class CurrentStaff {

    private static final String ACCOUNT = CurrentStaff.class.getName() + ".account";
    private static final String SCOPE = CurrentStaff.class.getName() + ".scope";

    private final Staff staff;
    private final DataScopes scopes;

    CurrentStaff(Staff staff, DataScopes scopes) {
        this.staff = staff;
        this.scopes = scopes;
    }

    /** The account behind the current authentication, or empty when anonymous. */
    public Optional<StaffAccount> account() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhiduUser user)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ACCOUNT, RequestAttributes.SCOPE_REQUEST) instanceof StaffAccount cached
                && cached.id() == user.id()) {
            return Optional.of(cached);
        }
        Optional<StaffAccount> account = staff.signedIn(user.id());
        if (request != null) {
            account.ifPresent(a -> request.setAttribute(ACCOUNT, a, RequestAttributes.SCOPE_REQUEST));
        }
        return account;
    }

    /** The current user's data scope; an anonymous caller's scope matches nothing. */
    public DataScope scope() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST) instanceof DataScope cached) {
            return cached;
        }
        DataScope scope = account().map(scopes::of)
                .orElseGet(() -> new DataScope(0, false, java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
        if (request != null) {
            request.setAttribute(SCOPE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    /**
     * Keeps an account the caller has just read fresh (the bearer-token filter) and its scope as
     * this request's, so that neither is read again later in the same request (issue #8).
     */
    static void remember(HttpServletRequest request, StaffAccount account, DataScope scope) {
        request.setAttribute(ACCOUNT, account);
        request.setAttribute(SCOPE, scope);
    }

    static void forget(HttpServletRequest request) {
        request.removeAttribute(ACCOUNT);
        request.removeAttribute(SCOPE);
    }
}
