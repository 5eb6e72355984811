package io.zhidu.crm.approval;

import io.zhidu.crm.security.CurrentStaff;
import jakarta.servlet.http.HttpServletRequest;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every screen {@code approvalPendingCount}, the number of requests waiting for the
 * signed-in user (the inbox icon in the top bar): one query bounded at {@value #CAP}; null for
 * the API (whose controllers this advice also reaches) and when nobody is signed in.
 */
@ControllerAdvice(annotations = ScreenController.class)
class ApprovalInboxAdvice {

    /** Counted up to here; the top bar shows "99+" beyond 99. */
    static final int CAP = 100;

    private final ApprovalInbox inbox;
    private final CurrentStaff current;

    ApprovalInboxAdvice(ApprovalInbox inbox, CurrentStaff current) {
        this.inbox = inbox;
        this.current = current;
    }

    @ModelAttribute("approvalPendingCount")
    Integer approvalPendingCount(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return current.account().map(me -> inbox.pendingCount(me.id(), me.roles(), CAP)).orElse(null);
    }
}
