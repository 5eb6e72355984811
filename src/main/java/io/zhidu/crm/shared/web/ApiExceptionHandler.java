package io.zhidu.crm.shared.web;

import io.zhidu.crm.shared.DomainException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error of a REST controller into RFC 9457 problem details in the caller's
 * language: validation errors list {@code errors: [{field, message}]}; unexpected failures are
 * logged and answered with a generic 500 that reveals nothing of the internals.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    record FieldError(String field, String message) {
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        String message = text(e.messageKey(), e.args());
        ProblemDetail problem = problem(HttpStatus.valueOf(e.kind().status()), message);
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(e.field(), message)));
        }
        e.details().forEach(problem::setProperty);
        return ResponseEntity.status(e.kind().status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(403).body(problem(HttpStatus.FORBIDDEN, text("error.forbidden")));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(ObjectOptimisticLockingFailureException e) {
        return ResponseEntity.status(412).body(problem(HttpStatus.PRECONDITION_FAILED, text("error.stale")));
    }

    /** Two requests raced for the same unique value: the loser is told, nothing was saved. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> duplicate(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(409).body(problem(HttpStatus.CONFLICT, text("error.duplicate")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = text("error.badValue", e.getName());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(new FieldError(e.getName(), message)));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error in API call", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.internal")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        ex.getBindingResult().getFieldErrors().forEach(fe ->
                errors.add(new FieldError(fe.getField(), messages.getMessage(fe, locale))));
        ex.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new FieldError(null, messages.getMessage(ge, locale))));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.validation"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        String message = field == null ? text("error.malformedJson") : text("error.badValue", field);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own 4xx (unsupported media type, missing parameter, ...) keep their status,
        // with a localized, internals-free detail.
        ProblemDetail problem = problem(statusCode, text(statusCode.is4xxClientError() ? "error.badRequest" : "error.internal"));
        if (statusCode.is5xxServerError()) {
            log.error("Server error in API call", ex);
        }
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private static String fieldOf(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    private ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

}
