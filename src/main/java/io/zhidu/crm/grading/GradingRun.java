package io.zhidu.crm.grading;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A grading run over every active customer as of a date (6.1.2-3): computed in batches by
 * customer id ({@code lastCustomerId} the last one done, up to {@code maxCustomerId} fixed at the
 * start), then reviewed, submitted to the approver and decided.
 */
public record GradingRun(long id, LocalDate asOf, Status status, long policyVersionId, long lastCustomerId, long maxCustomerId,
                         int processed, String startedBy, Instant startedAt, Instant computedAt, Long approvalId,
                         Instant decidedAt) {

    public enum Status {
        RUNNING, REVIEW, SUBMITTED, APPROVED, REJECTED;

        public String labelKey() {
            return "grading.run.status." + name();
        }
    }

    /** How far the computation is, 0–100, by customer id (ids are spread evenly enough for a progress bar). */
    public int percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        return maxCustomerId <= 0 ? 100 : (int) Math.min(99, lastCustomerId * 100 / maxCustomerId);
    }
}
