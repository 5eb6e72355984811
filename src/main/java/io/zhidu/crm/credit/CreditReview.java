package io.zhidu.crm.credit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A credit review round (6.2.4-5(3)) of one period (YYYY-MM) over every customer with credit:
 * computed in batches by customer id ({@code lastCustomerId} the last one done, up to
 * {@code maxCustomerId} fixed at the start), then reviewed by the business dept, submitted to the
 * approver and decided.
 */
public record CreditReview(long id, String period, LocalDate asOf, Status status, long policyVersionId, long lastCustomerId,
                           long maxCustomerId, int processed, String startedBy, Instant startedAt, Instant computedAt,
                           Long submittedBy, Long approvalId, Instant decidedAt) {

    public enum Status {
        RUNNING, REVIEW, SUBMITTED, APPROVED, REJECTED;

        public String labelKey() {
            return "creditreview.status." + name();
        }
    }

    /** How far the computation is, 0–100, by customer id. */
    public int percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        return maxCustomerId <= 0 ? 100 : (int) Math.min(99, lastCustomerId * 100 / maxCustomerId);
    }
}
