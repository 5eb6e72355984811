package io.zhidu.crm.segment;

import io.zhidu.crm.shared.audit.Audited;

/**
 * A change of segments, for the audit log: SEGMENT_SET_SAVED (subject the set, by its code),
 * CUSTOMER_SEGMENT_ASSIGNED (subject the customer: a manual assignment or removal),
 * SEGMENTS_REFRESHED (a refresh of the rule sets, with its counts).
 */
public record SegmentChanged(String actor, String action, String subjectType, String subjectId, String detail) implements Audited {

    static SegmentChanged set(String actor, String code, String detail) {
        return new SegmentChanged(actor, "SEGMENT_SET_SAVED", "SEGMENT_SET", code, detail);
    }

    static SegmentChanged assigned(String actor, long customerId, String detail) {
        return new SegmentChanged(actor, "CUSTOMER_SEGMENT_ASSIGNED", "CUSTOMER", Long.toString(customerId), detail);
    }

    static SegmentChanged refreshed(String actor, String detail) {
        return new SegmentChanged(actor, "SEGMENTS_REFRESHED", null, null, detail);
    }
}
