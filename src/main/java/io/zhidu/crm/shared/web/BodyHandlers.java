package io.zhidu.crm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Whether the request's handler answers a body (a {@code @RestController} or a {@code @ResponseBody}
 * method) rather than a screen. The screen-only model attributes (the bell's unread count, the
 * navigation) are advised to {@link ScreenController}s, and Spring MVC runs every
 * {@code @ModelAttribute} method before any of their handlers, views or not; they ask this to skip
 * their work for a screen controller's {@code @ResponseBody} methods (issue #8).
 */
public final class BodyHandlers {

    private BodyHandlers() {
    }

    public static boolean answersBody(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod m
                && (AnnotatedElementUtils.hasAnnotation(m.getBeanType(), ResponseBody.class)
                    || m.hasMethodAnnotation(ResponseBody.class));
    }
}
