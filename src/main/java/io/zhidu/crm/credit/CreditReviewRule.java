package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The proposal rule of the credit review (6.2.4-5(3), scored as 6.2.4-3(3)): the credit standard
 * scores the customer's payment history (the oldest overdue receivable today; a customer paid up
 * now but late during the window counts as late up to the first step), years of cooperation since
 * the first signed contract, the debt ratio and the field grade into a rating; then one step up when
 * the customer pays on time and either grew the contract amount by the policy's percent against
 * the window before or uses the limit up to the policy's percent, and one step down when the
 * exposure is over the limit or the contract amount shrank by the policy's percent. The net move
 * on top of the score is at most one step; the result stays on the scale. A customer whose result
 * equals the rating in force is not proposed.
 */
public final class CreditReviewRule {

    private CreditReviewRule() {
    }

    /** Why a rating is proposed; the figures are the proposal's. */
    public enum Reason {
        SCORE, OVERDUE, LATE_IN_PERIOD, ON_TIME, GROWTH, SHRINK, HIGH_USE, OVER_LIMIT;

        public String labelKey() {
            return "creditreview.reason." + name();
        }
    }

    /** A proposed rating against the rating in force. */
    public enum Direction {
        UP, DOWN, SAME;

        public String labelKey() {
            return "creditreview.direction." + name();
        }

        static Direction of(String current, String proposed) {
            int from = rank(current);
            int to = rank(proposed);
            return to < from ? UP : to > from ? DOWN : SAME;
        }

        private static int rank(String rating) {
            int i = CreditStandard.RATINGS.indexOf(rating);
            return i < 0 ? CreditStandard.RATINGS.size() : i;
        }
    }

    /** What the review knows of a customer with credit. */
    record Inputs(String currentRating, BigDecimal currentLimit, int oldestOverdueDays, boolean lateInPeriod, LocalDate firstSignedOn,
                  BigDecimal debtRatio, Integer fieldGrade, BigDecimal exposure, BigDecimal amountNow, BigDecimal amountBefore) {
    }

    /**
     * The outcome: the figures as scored, the rating and its direction, the reasons in order.
     *
     * @param limitUse exposure / limit in percent, null with a zero limit
     * @param growth   contract amount now against before in percent, null when there was none before
     */
    record Outcome(int paymentDays, int years, Integer limitUse, Integer growth, CreditStandard.Score score, String rating,
                   Direction direction, List<Reason> reasons) {

        boolean proposed() {
            return direction != Direction.SAME;
        }
    }

    static Outcome apply(CreditStandard standard, CreditReviewPolicy policy, Inputs in, LocalDate asOf) {
        List<Reason> reasons = new ArrayList<>();
        int paymentDays = in.oldestOverdueDays() > 0 ? in.oldestOverdueDays()
                : in.lateInPeriod() ? standard.scoring().lateDays1() : 0;
        boolean onTime = paymentDays == 0;
        int years = in.firstSignedOn() == null || in.firstSignedOn().isAfter(asOf) ? 0 : Period.between(in.firstSignedOn(), asOf).getYears();
        CreditStandard.Score score = standard.score(paymentDays, years, in.debtRatio(), in.fieldGrade());
        reasons.add(Reason.SCORE);
        reasons.add(in.oldestOverdueDays() > 0 ? Reason.OVERDUE : in.lateInPeriod() ? Reason.LATE_IN_PERIOD : Reason.ON_TIME);

        Integer limitUse = in.currentLimit().signum() > 0 ? percent(in.exposure(), in.currentLimit()) : null;
        Integer growth = in.amountBefore().signum() > 0 ? percent(in.amountNow().subtract(in.amountBefore()), in.amountBefore()) : null;
        int up = 0;
        int down = 0;
        if (in.exposure().compareTo(in.currentLimit()) > 0) {
            down++;
            reasons.add(Reason.OVER_LIMIT);
        }
        if (growth != null && growth <= -policy.shrinkDown()) {
            down++;
            reasons.add(Reason.SHRINK);
        }
        if (onTime && growth != null && growth >= policy.growthUp()) {
            up++;
            reasons.add(Reason.GROWTH);
        }
        if (onTime && limitUse != null && limitUse >= policy.highUse() && in.exposure().compareTo(in.currentLimit()) <= 0) {
            up++;
            reasons.add(Reason.HIGH_USE);
        }
        List<String> scale = standard.scale();
        int step = Integer.signum(down - up);
        int index = Math.max(0, Math.min(scale.size() - 1, scale.indexOf(score.rating()) + step));
        String rating = scale.get(index);
        return new Outcome(paymentDays, years, limitUse, growth, score, rating, Direction.of(in.currentRating(), rating),
                List.copyOf(reasons));
    }

    private static int percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP)
                .max(BigDecimal.valueOf(-1_000_000)).min(BigDecimal.valueOf(1_000_000)).intValue();
    }
}
