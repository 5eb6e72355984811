package io.zhidu.crm.security;

import io.zhidu.crm.organization.StaffAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>}. A present but unusable token
 * (unknown, expired, revoked, owner inactive) answers 401 at once; no header leaves the request
 * anonymous for the entry point to answer.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final DataScopes scopes;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, DataScopes scopes, ProblemResponses problems) {
        this.tokens = tokens;
        this.scopes = scopes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Bearer> bearer = tokens.ownerOf(header.substring(7).trim());
        Optional<StaffAccount> account = bearer.map(ApiTokens.Bearer::owner).filter(StaffAccount::active);
        if (account.isEmpty()) {
            problems.write(request, response, 401, "Unauthorized", "error.tokenInvalid");
            return;
        }
        if (account.get().mustChangePassword()) {
            problems.write(request, response, 403, "Forbidden", "password.mustChangeFirst");
            return;
        }
        // read fresh just now with the token, grants too: once per request is enough
        CurrentStaff.remember(request, account.get(), scopes.of(account.get(), bearer.get()::grants));
        ZhiduUser user = new ZhiduUser(account.get(), false);
        user.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
