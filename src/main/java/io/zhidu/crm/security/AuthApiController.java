package io.zhidu.crm.security;

import io.zhidu.crm.shared.web.AnySignedInUser;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token issue for integrations ({@code POST /api/v1/auth/token}), the caller's own identity and
 * scope ({@code GET /api/v1/me}) and their tokens.
 */
@RestController
@RequestMapping("/api/v1")
@AnySignedInUser
class AuthApiController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final CurrentStaff current;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens, CurrentStaff current) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.current = current;
    }

    record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 128) String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    record Me(long id, String username, String fullName, Set<Role> roles, List<String> permissions,
              long companyId, long departmentId, Long officeId, Long supervisorId, DataScope scope) {
    }

    @PostMapping("/auth/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
        ZhiduUser user;
        try {
            user = (ZhiduUser) authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username().trim(), request.password()))
                    .getPrincipal();
        } catch (AuthenticationException e) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "login.failed", null);
        }
        if (user.mustChangePassword()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "password.mustChangeFirst", null);
        }
        ApiTokens.Issued issued = tokens.issue(user.id(), user.getUsername(), "API");
        return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    @GetMapping("/me")
    Me me() {
        StaffAccount a = current.account().orElseThrow(DomainException::notFound);
        return new Me(a.id(), a.username(), a.fullName(), a.roles(), Permissions.of(a.roles()).stream().toList(),
                a.companyId(), a.departmentId(), a.officeId(), a.supervisorId(), current.scope());
    }

    @GetMapping("/me/tokens")
    List<ApiTokens.TokenInfo> myTokens(@AuthenticationPrincipal ZhiduUser user) {
        return tokens.of(user.id());
    }

    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal ZhiduUser user, @PathVariable long id) {
        if (!tokens.revoke(user.id(), user.getUsername(), id)) {
            throw DomainException.notFound();
        }
        return ResponseEntity.noContent().build();
    }
}
