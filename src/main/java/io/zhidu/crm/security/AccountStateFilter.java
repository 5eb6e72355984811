package io.zhidu.crm.security;

import io.zhidu.crm.organization.StaffAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For signed-in screen users, on every request: a deactivated account is signed out at once;
 * changed roles take effect at once; an account that must change its password can reach only
 * the password page (and sign-out) until it has.
 */
class AccountStateFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/profile/password";
    private static final Set<String> ALWAYS_ALLOWED = Set.of(PASSWORD_PAGE, "/logout", "/error");

    private final CurrentStaff current;

    AccountStateFilter(CurrentStaff current) {
        this.current = current;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/") || path.equals("/favicon.ico");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhiduUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffAccount> account = current.account();
        if (account.isEmpty() || !account.get().active()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            CurrentStaff.forget(request);
            response.sendRedirect(request.getContextPath() + "/login?inactive");
            return;
        }
        StaffAccount a = account.get();
        if (!a.roles().equals(user.roles()) || a.mustChangePassword() != user.mustChangePassword()) {
            ZhiduUser fresh = new ZhiduUser(a, false);
            fresh.eraseCredentials();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
            SecurityContextHolder.setContext(context);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        if (a.mustChangePassword() && !ALWAYS_ALLOWED.contains(path(request))) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
