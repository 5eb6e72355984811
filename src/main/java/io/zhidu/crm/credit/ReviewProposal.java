package io.zhidu.crm.credit;

import io.zhidu.crm.credit.CreditReviewRule.Direction;
import io.zhidu.crm.credit.CreditReviewRule.Reason;
import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a review round (客户升(降)级评审表, form 11): the credit in force, the figures the rule
 * used, the score, the reasons, the computed rating and what the reviewer puts to the approver
 * ({@code final*}: the computed rating with its default limit and terms, or the reviewer's change).
 */
public record ReviewProposal(long id, long reviewId, long customerId, String customerName, Long officeId, String officeName,
                             CreditTerms current, int overdueDays, boolean lateInPeriod, int years, BigDecimal debtRatio,
                             Integer fieldGrade, BigDecimal exposure, Integer limitUse, BigDecimal amountNow, BigDecimal amountBefore,
                             Integer growth, CreditStandard.Score score, List<Reason> reasons, String computedRating,
                             CreditTerms proposed, Direction direction, Review review, String note, String reviewedBy,
                             Status status, Long changeId) {

    public ReviewProposal {
        reasons = List.copyOf(reasons);
    }

    /** How the reviewer treated the proposal. */
    public enum Review {
        PENDING, ACCEPTED, CHANGED, DROPPED;

        public String labelKey() {
            return "creditreview.review." + name();
        }
    }

    /** OPEN until the round is decided; then APPLIED, REJECTED, or SKIPPED (dropped ones). */
    public enum Status {
        OPEN, APPLIED, REJECTED, SKIPPED;

        public String labelKey() {
            return "creditreview.proposalStatus." + name();
        }
    }

    /** The arguments of a reason's text. */
    public Object[] reasonArgs(Reason reason) {
        return switch (reason) {
            case SCORE -> new Object[]{score.total(), score.payment(), score.cooperation(), score.financial(), score.field(),
                    score.rating(), years, debtRatio == null ? "—" : debtRatio.toPlainString() + "%", fieldGrade == null ? "—" : fieldGrade};
            case OVERDUE, LATE_IN_PERIOD, ON_TIME -> new Object[]{overdueDays};
            case GROWTH, SHRINK -> new Object[]{growth, amountNow.toPlainString(), amountBefore.toPlainString()};
            case HIGH_USE, OVER_LIMIT -> new Object[]{limitUse == null ? "—" : limitUse, exposure.toPlainString(),
                    current.limit().toPlainString()};
        };
    }
}
