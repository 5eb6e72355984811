package io.zhidu.crm.notification;

import io.zhidu.crm.security.ZhiduUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every screen {@code noticeBadge}, the signed-in user's unread count for the bell in the top bar (null when anonymous). */
@ControllerAdvice(annotations = ScreenController.class)
class NoticeBadgeAdvice {

    /** The bell's count: exact up to {@value Inbox#BADGE_CAP}, then shown as "99+". */
    public record NoticeBadge(int count) {
        public boolean capped() {
            return count > Inbox.BADGE_CAP;
        }

        public String label() {
            return capped() ? Inbox.BADGE_CAP + "+" : Integer.toString(count);
        }
    }

    private final Inbox inbox;

    NoticeBadgeAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Null as well for API calls (they render no bell). */
    @ModelAttribute("noticeBadge")
    NoticeBadge noticeBadge(jakarta.servlet.http.HttpServletRequest request) {
        if (io.zhidu.crm.shared.web.BodyHandlers.answersBody(request)) {
            return null;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ZhiduUser user ? badge(user.id()) : null;
    }

    NoticeBadge badge(long userId) {
        return new NoticeBadge(inbox.unread(userId, Inbox.BADGE_CAP));
    }
}
