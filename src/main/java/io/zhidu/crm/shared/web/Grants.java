package io.zhidu.crm.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whether the signed-in user holds a permission, for the few acts whose reach depends on it. */
public final class Grants {

    private Grants() {
    }

    public static boolean can(String permission) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission));
    }
}
