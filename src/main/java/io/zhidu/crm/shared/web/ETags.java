package io.zhidu.crm.shared.web;

import io.zhidu.crm.shared.DomainException;

/**
 * Optimistic concurrency over HTTP: the ETag of a resource is its aggregate version in quotes;
 * an update must send it back in If-Match (missing → 428, stale → 412 from the aggregate).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version in an If-Match header. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(DomainException.Kind.PRECONDITION_REQUIRED, "error.ifMatchRequired", null);
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
        }
    }
}
