package io.zhidu.crm.shared.web;

import io.zhidu.crm.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors on screens end on the friendly error page in the user's language, with the right
 * status and never a stack trace. Form validation errors do not come here: controllers show
 * them on the form with the input kept.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, Model model, HttpServletResponse response) {
        return page(model, response, e.kind().status(), e.messageKey(), e.args());
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(Model model, HttpServletResponse response) {
        return page(model, response, 403, "error.forbidden");
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    String stale(Model model, HttpServletResponse response) {
        return page(model, response, 409, "error.stale");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    String duplicate(Model model, HttpServletResponse response) {
        return page(model, response, 409, "error.duplicate");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            org.springframework.validation.BindException.class})
    String badParameter(Model model, HttpServletResponse response) {
        return page(model, response, 400, "error.badRequest");
    }

    private static String page(Model model, HttpServletResponse response, int status, String messageKey, Object... args) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", messageKey);
        model.addAttribute("messageArgs", args);
        return "error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on a page", e);
        return page(model, response, 500, "error.internal");
    }
}
