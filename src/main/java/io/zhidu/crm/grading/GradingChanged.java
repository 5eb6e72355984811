package io.zhidu.crm.grading;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act of grading, for the audit log: INFLUENCE_RATED, GRADE_CHANGE_PROPOSED, GRADE_CHANGE_APPROVED,
 * GRADE_CHANGE_REJECTED (subject the customer); GRADING_RUN_STARTED, GRADING_RUN_COMPUTED,
 * GRADING_RUN_REVIEWED, GRADING_RUN_SUBMITTED, GRADING_RUN_APPROVED, GRADING_RUN_REJECTED (subject the run).
 */
public record GradingChanged(String actor, String action, String subjectType, long id, String detail) implements Audited {

    static GradingChanged customer(String actor, String action, long customerId, String detail) {
        return new GradingChanged(actor, action, "CUSTOMER_GRADE", customerId, detail);
    }

    static GradingChanged run(String actor, String action, long runId, String detail) {
        return new GradingChanged(actor, action, "GRADING_RUN", runId, detail);
    }

    @Override
    public String subjectId() {
        return Long.toString(id);
    }
}
