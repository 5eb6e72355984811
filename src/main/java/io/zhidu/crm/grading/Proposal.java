package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A proposed grade and category: a run's (one per customer) or an ad-hoc change's ({@code runId}
 * null). {@code computed*} is what the rules give, {@code final*} what the reviewer (or the ad-hoc
 * proposer) puts to the approver.
 */
public record Proposal(long id, Long runId, long customerId, String customerName, Long ownerId, Long officeId,
                       String officeName, LocalDate asOf, long policyVersionId, GradingInputs inputs, int total,
                       Grade computedGrade, Category computedCategory, Grade currentGrade, Category currentCategory,
                       Grade finalGrade, Category finalCategory, Direction direction, Review review, String reason,
                       Status status, Long approvalId, String proposedBy, Instant proposedAt) {

    /** The proposed grade against the one in force. */
    public enum Direction {
        UP, DOWN, SAME;

        public String labelKey() {
            return "grading.direction." + name();
        }

        static Direction of(Grade current, Grade proposed) {
            int from = rank(current);
            int to = rank(proposed);
            return to > from ? UP : to < from ? DOWN : SAME;
        }

        private static int rank(Grade g) {
            return g == null ? 0 : Grade.values().length - g.ordinal();
        }
    }

    /** How the reviewer treated a run's proposal. */
    public enum Review {
        PENDING, ACCEPTED, CHANGED;

        public String labelKey() {
            return "grading.review." + name();
        }
    }

    public enum Status {
        OPEN, APPROVED, REJECTED;

        public String labelKey() {
            return "grading.status." + name();
        }
    }
}
