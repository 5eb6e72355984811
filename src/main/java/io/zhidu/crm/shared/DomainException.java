package io.zhidu.crm.shared;

/**
 * A refusal by a business rule or a lookup, carrying a message key (resolved in the user's
 * language) and the field it concerns, if any. The API turns it into RFC 9457 problem details
 * with the status of its {@link Kind}; screens show the message on the field or the page.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** 400: the input breaks a rule. */
        INVALID(400),
        /** 401: the credentials were not accepted. */
        UNAUTHORIZED(401),
        /** 403: the user may not do this. */
        FORBIDDEN(403),
        /** 404: absent, or outside the user's scope (the two are not told apart). */
        NOT_FOUND(404),
        /** 409: conflicts with the current state (duplicate, illegal transition). */
        CONFLICT(409),
        /** 412: the If-Match version is stale. */
        STALE(412),
        /** 428: an update without If-Match. */
        PRECONDITION_REQUIRED(428);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final String field;
    private final transient Object[] args;
    private final java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();

    public DomainException(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public static DomainException invalid(String field, String messageKey, Object... args) {
        return new DomainException(Kind.INVALID, messageKey, field, args);
    }

    public static DomainException notFound() {
        return new DomainException(Kind.NOT_FOUND, "error.notFound", null);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, messageKey, null, args);
    }

    public static DomainException forbidden() {
        return new DomainException(Kind.FORBIDDEN, "error.forbidden", null);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form/JSON field the refusal concerns, or null for the whole request. */
    public String field() {
        return field;
    }

    /** Adds a machine-readable detail, returned as a property of the API's problem details. */
    public DomainException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
