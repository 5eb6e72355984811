package io.zhidu.crm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Whether the request's handler answers a body (a {@code @RestController} or a {@code @ResponseBody}
 * method) rather than a screen. {@code @ControllerAdvice(annotations = Controller.class)} also
 * applies to REST controllers, and Spring MVC runs every {@code @ModelAttribute} method before any
 * handler, views or not; the screen-only model attributes (the bell's unread count, the
 * navigation) ask this to skip their work on API calls (issue #8: one extra query per API call).
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
