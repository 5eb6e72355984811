package io.zhidu.crm.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every screen {@code currentUser}: the signed-in {@link ZhiduUser}, or null. */
@ControllerAdvice(annotations = ScreenController.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    ZhiduUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ZhiduUser user ? user : null;
    }
}
