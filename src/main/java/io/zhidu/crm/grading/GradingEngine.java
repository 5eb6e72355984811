package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.GradeResult.Code;
import io.zhidu.crm.grading.GradeResult.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The scoring of seed 6.1.1-3 as a pure function of the policy, a customer's inputs and the date:
 * no database, no clock. Amount bands are inclusive lower bounds (≥), receivable bands inclusive
 * upper bounds (≤), premium bands inclusive lower bounds (≥); arrears make indicator 1 worth 1
 * whatever the amount; no contract in the period makes the premium 1; influence not rated counts
 * 2 and is flagged; a customer whose first signed contract is less than the policy's months old
 * is C whatever its total.
 */
final class GradingEngine {

    static final int UNRATED_INFLUENCE = 2;

    private GradingEngine() {
    }

    /** The first day of the rating period ending on {@code asOf}. */
    static LocalDate periodFrom(GradingPolicy p, LocalDate asOf) {
        return asOf.minusMonths(p.periodMonths()).plusDays(1);
    }

    static GradeResult grade(GradingPolicy p, GradingInputs in, LocalDate asOf) {
        Indicator amount = contractAmount(p, in);
        Indicator receivables = receivables(p, in.openReceivables());
        Indicator premium = premium(p, in);
        Indicator strategic = strategic(in.influence());
        int total = amount.points() + receivables.points() + premium.points() + strategic.points();
        Grade byScore = total >= p.totals().get(0) ? Grade.A : total >= p.totals().get(1) ? Grade.B
                : total >= p.totals().get(2) ? Grade.C : Grade.D;
        boolean isNew = in.firstSignedOn() != null && in.firstSignedOn().isAfter(asOf.minusMonths(p.newCustomerMonths()));
        BigDecimal keyAmount = p.keyAccountAmount().multiply(GradingPolicy.WAN);
        Category category = in.contractAmount().compareTo(keyAmount) >= 0 ? Category.KEY_ACCOUNT : Category.REGULAR;
        return new GradeResult(asOf, periodFrom(p, asOf), List.of(amount, receivables, premium, strategic), total, byScore, isNew,
                isNew ? Grade.C : byScore, category, p.keyAccountAmount(), p.versionId(), GradingPolicy.CLAUSES);
    }

    private static Indicator contractAmount(GradingPolicy p, GradingInputs in) {
        if (in.arrears()) {
            return new Indicator(Code.CONTRACT_AMOUNT, in.contractAmount(), 1, "grading.rule.arrears",
                    List.of(Integer.toString(p.graceDays())), GradingPolicy.C1, false);
        }
        for (int i = 0; i < 3; i++) {
            BigDecimal band = p.amounts().get(i);
            if (in.contractAmount().compareTo(band.multiply(GradingPolicy.WAN)) >= 0) {
                return new Indicator(Code.CONTRACT_AMOUNT, in.contractAmount(), 4 - i, "grading.rule.atLeastWan",
                        List.of(plain(band)), GradingPolicy.C1, false);
            }
        }
        return new Indicator(Code.CONTRACT_AMOUNT, in.contractAmount(), 1, "grading.rule.belowWan",
                List.of(plain(p.amounts().get(2))), GradingPolicy.C1, false);
    }

    private static Indicator receivables(GradingPolicy p, BigDecimal open) {
        for (int i = 0; i < 3; i++) {
            BigDecimal band = p.receivables().get(i);
            if (open.compareTo(band.multiply(GradingPolicy.WAN)) <= 0) {
                return new Indicator(Code.RECEIVABLES, open, 4 - i, "grading.rule.atMostWan", List.of(plain(band)),
                        GradingPolicy.C2, false);
            }
        }
        return new Indicator(Code.RECEIVABLES, open, 1, "grading.rule.aboveWan", List.of(plain(p.receivables().get(2))),
                GradingPolicy.C2, false);
    }

    private static Indicator premium(GradingPolicy p, GradingInputs in) {
        if (in.listAmount() == null || in.listAmount().signum() == 0) {
            return new Indicator(Code.PREMIUM, null, 1, "grading.rule.noContract", List.of(), GradingPolicy.C3, false);
        }
        BigDecimal percent = in.contractAmount().subtract(in.listAmount()).multiply(BigDecimal.valueOf(100))
                .divide(in.listAmount(), 2, RoundingMode.HALF_UP);
        for (int i = 0; i < 3; i++) {
            BigDecimal band = p.premiums().get(i);
            if (percent.compareTo(band) >= 0) {
                return new Indicator(Code.PREMIUM, percent, 4 - i, "grading.rule.atLeastPercent", List.of(plain(band)),
                        GradingPolicy.C3, false);
            }
        }
        return new Indicator(Code.PREMIUM, percent, 1, "grading.rule.belowPercent", List.of(plain(p.premiums().get(2))),
                GradingPolicy.C3, false);
    }

    private static Indicator strategic(Integer influence) {
        if (influence == null) {
            return new Indicator(Code.STRATEGIC, null, UNRATED_INFLUENCE, "grading.rule.unrated", List.of(), GradingPolicy.C4, true);
        }
        return new Indicator(Code.STRATEGIC, BigDecimal.valueOf(influence), influence, "grading.rule.rated", List.of(),
                GradingPolicy.C4, false);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
