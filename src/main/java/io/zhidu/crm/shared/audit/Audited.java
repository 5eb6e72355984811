package io.zhidu.crm.shared.audit;

/**
 * An application event that belongs in the audit log. Any module's event may implement it; the
 * audit module appends one chained entry per published instance, inside the publisher's
 * transaction (no change without its entry), or in its own when there is none (e.g. logins);
 * a {@link #read()} is chained moments later (see there).
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

    /**
     * True for the record of a read (an archive opened), not of a change: it is written durably
     * before the publisher goes on, but chained shortly after, outside the reader's request, so
     * that reads do not queue on the chain's single head row (issue #8, ADR 0008). A change's
     * entry (false, the default) is chained in the change's own transaction.
     */
    default boolean read() {
        return false;
    }
}
