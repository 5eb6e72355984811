package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.Proposal.Direction;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A what-if run (issue #7 item 3): the grading rules of a policy version not yet in force run over
 * every active customer as of a date, never applied. Each customer is graded by the rules in force
 * on that date ({@code baseVersionId}) and by the draft, on the same inputs; a mover is a customer
 * whose draft grade differs from its base grade. {@code STALE}: the draft's grading rules were
 * edited since it started ({@code rulesDigest}), so the figures no longer describe the draft.
 */
public record GradingPreview(long id, long policyVersionId, long baseVersionId, String rulesDigest, LocalDate asOf, Status status,
                             long lastCustomerId, long maxCustomerId, int processed, String startedBy, Instant startedAt,
                             Instant computedAt) {

    public enum Status {
        RUNNING, DONE, STALE;

        public String labelKey() {
            return "grading.preview.status." + name();
        }
    }

    /** How far the computation is, 0–100, by customer id. */
    public int percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        return maxCustomerId <= 0 ? 100 : (int) Math.min(99, lastCustomerId * 100 / maxCustomerId);
    }

    /** Per office (null: customers without one) how many customers the draft moves up, down or leaves. */
    public record OfficeCounts(Long officeId, String officeName, long up, long down, long same) {

        public long total() {
            return up + down + same;
        }
    }

    /** One customer the draft grades differently from the rules in force. */
    public record Mover(long customerId, String customerName, String officeName, Grade currentGrade, Grade baseGrade, int baseTotal,
                       Grade draftGrade, int draftTotal, Direction direction) {
    }
}
