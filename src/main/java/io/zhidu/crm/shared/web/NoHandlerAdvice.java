package io.zhidu.crm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no handler (unknown path, wrong method, wrong content type, an upload
 * over the size limit): problem
 * details under {@code /api/}, the error page elsewhere — never the framework's default body.
 */
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice
class NoHandlerAdvice {

    private final MessageSource messages;

    NoHandlerAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    Object unsupported(Exception e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = e instanceof HttpRequestMethodNotSupportedException
                ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        return answer(request, response, status, "error.badRequest");
    }

    /** Raised while the multipart body is read, before any handler is chosen. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "customers.import.tooLarge");
    }

    private Object answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) {
        String text = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
            problem.setType(URI.create("about:blank"));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("messageKey", key);
        page.setStatus(status);
        return page;
    }
}
