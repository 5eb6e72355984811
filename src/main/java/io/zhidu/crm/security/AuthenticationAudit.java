package io.zhidu.crm.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's sign-in outcomes into lockout counting and audit entries. Only
 * password checks count here (username/password sign-in); bearer tokens are not logins.
 */
@Component
class AuthenticationAudit {

    private final LoginAttempts attempts;
    private final ApplicationEventPublisher events;

    AuthenticationAudit(LoginAttempts attempts, ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.events = events;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ZhiduUser user) {
            attempts.succeeded(user.getUsername());
            events.publishEvent(new SecurityAudit(user.getUsername(), "LOGIN_SUCCEEDED", Long.toString(user.id()), null));
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        if (username.length() > 100) {
            username = username.substring(0, 100);
        }
        Exception cause = event.getException();
        if (cause instanceof LockedException) {
            events.publishEvent(new SecurityAudit(username, "LOGIN_REFUSED", null, "account locked"));
        } else if (cause instanceof DisabledException) {
            events.publishEvent(new SecurityAudit(username, "LOGIN_REFUSED", null, "account inactive"));
        } else if (cause instanceof BadCredentialsException) {
            events.publishEvent(new SecurityAudit(username, "LOGIN_FAILED", null, null));
            attempts.failed(username);
        }
    }
}
