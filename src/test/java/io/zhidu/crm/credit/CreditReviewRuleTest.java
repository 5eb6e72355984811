package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.credit.CreditReviewRule.Direction;
import io.zhidu.crm.credit.CreditReviewRule.Inputs;
import io.zhidu.crm.credit.CreditReviewRule.Outcome;
import io.zhidu.crm.credit.CreditReviewRule.Reason;
import io.zhidu.crm.organization.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The credit review's proposal rule (6.2.4-5(3)) on the shipped standard (scale AAA 90, AA 80, A 70,
 * B 40, C 20 points) and the shipped review policy (growth +30 %, shrinkage −30 %, limit use 90 %).
 */
class CreditReviewRuleTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final CreditStandard STANDARD = CreditStandardTest.standard();
    static final CreditReviewPolicy POLICY = new CreditReviewPolicy(List.of(6, 12), 6, 30, 30, 90, Role.VP);
    /** Five years of cooperation and a 50 % debt ratio: 20 + 20 points besides the payment's. */
    static final LocalDate FIVE_YEARS = AS_OF.minusYears(5);

    static Inputs in(String rating, String limit, int overdueDays, boolean late, String exposure, String now, String before) {
        return new Inputs(rating, new BigDecimal(limit), overdueDays, late, FIVE_YEARS, new BigDecimal("50"), null,
                new BigDecimal(exposure), new BigDecimal(now), new BigDecimal(before));
    }

    static Outcome apply(Inputs in) {
        return CreditReviewRule.apply(STANDARD, POLICY, in, AS_OF);
    }

    @Test
    void aCustomerPayingOnTimeIsScoredAndProposedUpWhenTheScoreEarnsMore() {
        // 40 + 20 + 20 = 80 → AA; the customer holds A
        Outcome o = apply(in("A", "1000000", 0, false, "100000", "0", "0"));
        assertThat(o.score().total()).isEqualTo(80);
        assertThat(o.years()).isEqualTo(5);
        assertThat(o.rating()).isEqualTo("AA");
        assertThat(o.direction()).isEqualTo(Direction.UP);
        assertThat(o.proposed()).isTrue();
        assertThat(o.limitUse()).isEqualTo(10);
        assertThat(o.growth()).isNull();
        assertThat(o.reasons()).containsExactly(Reason.SCORE, Reason.ON_TIME);
    }

    @Test
    void aCustomerWhoseResultIsItsRatingIsNotProposed() {
        Outcome o = apply(in("AA", "2000000", 0, false, "0", "100", "100"));
        assertThat(o.rating()).isEqualTo("AA");
        assertThat(o.direction()).isEqualTo(Direction.SAME);
        assertThat(o.proposed()).isFalse();
    }

    @Test
    void overdueReceivablesCostPointsAndGrowthDoesNotHelpALatePayer() {
        // 45 days late → 10 points: 10 + 20 + 20 = 50 → B; growth of 100 % does not lift a late payer
        Outcome o = apply(in("A", "1000000", 45, true, "300000", "200", "100"));
        assertThat(o.paymentDays()).isEqualTo(45);
        assertThat(o.rating()).isEqualTo("B");
        assertThat(o.direction()).isEqualTo(Direction.DOWN);
        assertThat(o.growth()).isEqualTo(100);
        assertThat(o.reasons()).containsExactly(Reason.SCORE, Reason.OVERDUE);
    }

    @Test
    void aCustomerLateDuringThePeriodButPaidUpNowCountsAsLateUpToTheFirstStep() {
        // late in the period → as 30 days late: 25 + 20 + 20 = 65 → B
        Outcome o = apply(in("A", "1000000", 0, true, "0", "0", "0"));
        assertThat(o.paymentDays()).isEqualTo(30);
        assertThat(o.score().payment()).isEqualTo(25);
        assertThat(o.rating()).isEqualTo("B");
        assertThat(o.reasons()).containsExactly(Reason.SCORE, Reason.LATE_IN_PERIOD);
    }

    @Test
    void growthOrHighLimitUseOfAnOnTimePayerEarnOneStepUpAtMost() {
        // score AA; growth 40 % → AAA
        Outcome growth = apply(in("AA", "2000000", 0, false, "0", "140", "100"));
        assertThat(growth.rating()).isEqualTo("AAA");
        assertThat(growth.direction()).isEqualTo(Direction.UP);
        assertThat(growth.reasons()).containsExactly(Reason.SCORE, Reason.ON_TIME, Reason.GROWTH);
        // growth just below the policy's 30 %: nothing
        assertThat(apply(in("AA", "2000000", 0, false, "0", "129", "100")).direction()).isEqualTo(Direction.SAME);
        // growth and 95 % limit use together still one step: A → AAA is score AA + 1
        Outcome both = apply(in("A", "1000000", 0, false, "950000", "200", "100"));
        assertThat(both.limitUse()).isEqualTo(95);
        assertThat(both.rating()).isEqualTo("AAA");
        assertThat(both.reasons()).containsExactly(Reason.SCORE, Reason.ON_TIME, Reason.GROWTH, Reason.HIGH_USE);
        // at the top of the scale it stays there
        Outcome top = CreditReviewRule.apply(STANDARD, POLICY, new Inputs("AAA", new BigDecimal("5000000"), 0, false, FIVE_YEARS,
                new BigDecimal("50"), 4, BigDecimal.ZERO, new BigDecimal("200"), new BigDecimal("100")), AS_OF);
        assertThat(top.rating()).isEqualTo("AAA");
        assertThat(top.proposed()).isFalse();
    }

    @Test
    void exposureOverTheLimitOrShrinkingContractsCostOneStep() {
        // score AA, exposure over the limit → A
        Outcome over = apply(in("AA", "2000000", 0, false, "2000000.01", "100", "100"));
        assertThat(over.rating()).isEqualTo("A");
        assertThat(over.direction()).isEqualTo(Direction.DOWN);
        assertThat(over.reasons()).containsExactly(Reason.SCORE, Reason.ON_TIME, Reason.OVER_LIMIT);
        // contracts down 30 % → A
        Outcome shrink = apply(in("AA", "2000000", 0, false, "0", "70", "100"));
        assertThat(shrink.growth()).isEqualTo(-30);
        assertThat(shrink.rating()).isEqualTo("A");
        assertThat(shrink.reasons()).containsExactly(Reason.SCORE, Reason.ON_TIME, Reason.SHRINK);
        // over the limit and grown: they cancel out
        Outcome both = apply(in("AA", "2000000", 0, false, "2100000", "200", "100"));
        assertThat(both.rating()).isEqualTo("AA");
        assertThat(both.proposed()).isFalse();
        // at the bottom of the scale it stays there: 91 days late, no cooperation, no financials → C, over its zero limit
        Outcome bottom = CreditReviewRule.apply(STANDARD, POLICY, new Inputs("C", BigDecimal.ZERO, 91, true, null, null, null,
                new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO), AS_OF);
        assertThat(bottom.rating()).isEqualTo("C");
        assertThat(bottom.limitUse()).isNull();
        assertThat(bottom.proposed()).isFalse();
    }

    @Test
    void theDirectionComparesRatingsOnTheFullListSoARatingOffTheScaleStillCompares() {
        assertThat(Direction.of("BBB", "A")).isEqualTo(Direction.UP);
        assertThat(Direction.of("BBB", "B")).isEqualTo(Direction.DOWN);
        assertThat(Direction.of("A", "A")).isEqualTo(Direction.SAME);
    }
}
