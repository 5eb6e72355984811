package io.zhidu.crm.security;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffChanged;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends what a changed credential must end. A password reset by an admin or a deactivation
 * revokes every API token of the account and ends all its web sessions; a user's own password
 * change ends their other sessions (the one they are using stays), while tokens, which they manage
 * on their profile, stay.
 */
@Component
class CredentialGuard {

    private static final Set<String> END_EVERYTHING = Set.of("USER_PASSWORD_RESET", "USER_DEACTIVATED");

    private final JdbcClient jdbc;
    private final Staff staff;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    CredentialGuard(JdbcClient jdbc, Staff staff, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.sessions = sessions;
    }

    @EventListener
    void on(StaffChanged event) {
        boolean everything = END_EVERYTHING.contains(event.action());
        if (!everything && !event.action().equals("USER_PASSWORD_CHANGED")) {
            return;
        }
        staff.byId(event.employeeId()).ifPresent(account -> {
            if (everything) {
                jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE employee_id = ? AND revoked_at IS NULL")
                        .param(account.id()).update();
            }
            String keep = everything ? null : currentSessionId();
            sessions.findByPrincipalName(account.username()).keySet().stream()
                    .filter(id -> !id.equals(keep))
                    .forEach(sessions::deleteById);
        });
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpSession session = attrs.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
