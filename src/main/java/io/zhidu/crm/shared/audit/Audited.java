package io.zhidu.crm.shared.audit;

/**
 * An application event that belongs in the audit log. Any module's event may implement it; the
 * audit module stages one entry per published instance, inside the publisher's read-write
 * transaction (no change without its entry), or on its own when there is none (e.g. logins),
 * and chains it into the tamper-evident log moments later, outside the publisher's request, so
 * that no request queues on the chain's single head row (issue #8, ADR 0008).
 */
public interface Audited {

    /** Who did it: a username, or {@code system} for scheduled work. */
    String actor();

    /** What was done, an UPPER_SNAKE code such as {@code LOGIN_FAILED} or {@code USER_UPDATED}. */
    String action();

    /** The kind of record acted on, e.g. {@code USER}; null when none. */
    String subjectType();

    /** The record's id; null when none. */
    String subjectId();

    /** Human-readable detail (old → new values, reasons); null when none. */
    String detail();
}
