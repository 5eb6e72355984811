package io.zhidu.crm.credit;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on a credit review round, for the audit log: CREDIT_REVIEW_STARTED, CREDIT_REVIEW_COMPUTED,
 * CREDIT_REVIEW_REVIEWED, CREDIT_REVIEW_SUBMITTED, CREDIT_REVIEW_APPROVED, CREDIT_REVIEW_REJECTED,
 * CREDIT_REVIEW_EXPORTED.
 */
public record CreditReviewChanged(String actor, String action, long reviewId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return CreditReviews.SUBJECT;
    }

    @Override
    public String subjectId() {
        return Long.toString(reviewId);
    }
}
