package io.zhidu.crm.grading;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.GradeResult.Code;
import io.zhidu.crm.grading.GradeResult.Indicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 6.1.1-3 at every boundary of the shipped policy. */
class GradingEngineTest {

    static final GradingPolicy POLICY = GradingPolicy.shipped(7);
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    static final LocalDate OLD_CUSTOMER = LocalDate.of(2020, 1, 1);

    static BigDecimal wan(String w) {
        return new BigDecimal(w).multiply(BigDecimal.valueOf(10_000));
    }

    /** Inputs with the amount (万元) sold at list price plus the premium (%), open receivables (万元), influence. */
    static GradingInputs inputs(String amountWan, String premiumPercent, String openWan, Integer influence) {
        BigDecimal amount = wan(amountWan);
        BigDecimal list = amount.signum() == 0 ? BigDecimal.ZERO
                : amount.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(100).add(new BigDecimal(premiumPercent)),
                2, java.math.RoundingMode.HALF_UP);
        return new GradingInputs(amount, list, OLD_CUSTOMER, false, wan(openWan), influence);
    }

    static Indicator indicator(GradeResult r, Code code) {
        return r.indicators().stream().filter(i -> i.code() == code).findFirst().orElseThrow();
    }

    static int points(GradingInputs in, Code code) {
        return indicator(GradingEngine.grade(POLICY, in, AS_OF), code).points();
    }

    @Nested
    class ContractAmount_6_1_1_3_1 {

        @ParameterizedTest
        @CsvSource({"500, 4", "499.9999, 3", "200, 3", "199.9999, 2", "50, 2", "49.9999, 1", "0, 1"})
        void bandsAreInclusiveLowerBoundsIn万元(String wan, int points) {
            assertThat(points(inputs(wan, "0", "0", 2), Code.CONTRACT_AMOUNT)).isEqualTo(points);
        }

        @Test
        void arrearsMakeItOneWhateverTheAmount() {
            GradingInputs in = new GradingInputs(wan("900"), wan("900"), OLD_CUSTOMER, true, BigDecimal.ZERO, 4);
            Indicator i = indicator(GradingEngine.grade(POLICY, in, AS_OF), Code.CONTRACT_AMOUNT);
            assertThat(i.points()).isEqualTo(1);
            assertThat(i.ruleKey()).isEqualTo("grading.rule.arrears");
            assertThat(i.ruleArgs()).containsExactly("30");
        }
    }

    @ParameterizedTest
    @CsvSource({"20, 4", "20.0001, 3", "50, 3", "50.0001, 2", "100, 2", "100.0001, 1", "0, 4"})
    void receivablesAtPeriodEndAreInclusiveUpperBounds_6_1_1_3_2(String wan, int points) {
        assertThat(points(inputs("100", "0", wan, 2), Code.RECEIVABLES)).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"10, 4", "9.99, 3", "5, 3", "4.99, 2", "0, 2", "-0.01, 1", "-20, 1"})
    void premiumBandsAreInclusiveLowerBounds_6_1_1_3_3(String percent, int points) {
        GradingInputs in = inputs("100", percent, "0", 2);
        Indicator i = indicator(GradingEngine.grade(POLICY, in, AS_OF), Code.PREMIUM);
        assertThat(i.points()).isEqualTo(points);
        assertThat(i.value()).isEqualByComparingTo(percent);
    }

    @Test
    void noContractInThePeriodMakesThePremiumOne_6_1_1_3_3() {
        Indicator i = indicator(GradingEngine.grade(POLICY, inputs("0", "0", "0", 2), AS_OF), Code.PREMIUM);
        assertThat(i.points()).isEqualTo(1);
        assertThat(i.value()).isNull();
        assertThat(i.ruleKey()).isEqualTo("grading.rule.noContract");
    }

    @Test
    void influenceNotRatedCountsTwoAndIsFlagged_6_1_1_3_4() {
        Indicator unrated = indicator(GradingEngine.grade(POLICY, inputs("0", "0", "0", null), AS_OF), Code.STRATEGIC);
        assertThat(unrated.points()).isEqualTo(2);
        assertThat(unrated.flagged()).isTrue();
        Indicator rated = indicator(GradingEngine.grade(POLICY, inputs("0", "0", "0", 3), AS_OF), Code.STRATEGIC);
        assertThat(rated.points()).isEqualTo(3);
        assertThat(rated.flagged()).isFalse();
    }

    /** Totals by amount points (500/200/50 → 4/3/2), receivables 4, premium 4, influence as given. */
    @ParameterizedTest
    @CsvSource({
            "500, 2, 14, A", "200, 3, 14, A", "200, 2, 13, B", "50, 4, 14, A",
            "50, 2, 12, B", "49, 3, 12, B", "49, 2, 11, C", "50, 1, 11, C",
            "49, 1, 10, C"})
    void totalsMapToGrades_6_1_1_3_5(String amountWan, int influence, int total, Grade grade) {
        GradeResult r = GradingEngine.grade(POLICY, inputs(amountWan, "10", "0", influence), AS_OF);
        assertThat(r.total()).isEqualTo(total);
        assertThat(r.grade()).isEqualTo(grade);
    }

    @Test
    void belowTenIsD_6_1_1_3_5() {
        GradeResult r = GradingEngine.grade(POLICY, inputs("49", "10", "200", 3), AS_OF);
        assertThat(r.total()).isEqualTo(1 + 1 + 4 + 3);
        assertThat(r.grade()).isEqualTo(Grade.D);
    }

    @Test
    void aNewCustomerIsCWhateverItsScoreUntilTwelveMonths_6_1_1_3_6() {
        GradingInputs top = inputs("900", "20", "0", 4);
        GradingInputs elevenMonths = new GradingInputs(top.contractAmount(), top.listAmount(), AS_OF.minusMonths(11), false,
                BigDecimal.ZERO, 4);
        GradeResult young = GradingEngine.grade(POLICY, elevenMonths, AS_OF);
        assertThat(young.scoreGrade()).isEqualTo(Grade.A);
        assertThat(young.newCustomerRule()).isTrue();
        assertThat(young.grade()).isEqualTo(Grade.C);

        GradingInputs twelveMonths = new GradingInputs(top.contractAmount(), top.listAmount(), AS_OF.minusMonths(12), false,
                BigDecimal.ZERO, 4);
        GradeResult grown = GradingEngine.grade(POLICY, twelveMonths, AS_OF);
        assertThat(grown.newCustomerRule()).isFalse();
        assertThat(grown.grade()).isEqualTo(Grade.A);

        GradingInputs dayBefore = new GradingInputs(top.contractAmount(), top.listAmount(), AS_OF.minusMonths(12).plusDays(1),
                false, BigDecimal.ZERO, 4);
        assertThat(GradingEngine.grade(POLICY, dayBefore, AS_OF).newCustomerRule()).isTrue();
    }

    @Test
    void aCustomerWithoutAnyContractIsNotNew() {
        GradeResult r = GradingEngine.grade(POLICY, GradingInputs.NOTHING, AS_OF);
        assertThat(r.newCustomerRule()).isFalse();
        assertThat(r.total()).isEqualTo(1 + 4 + 1 + 2);
        assertThat(r.grade()).isEqualTo(Grade.D);
    }

    @ParameterizedTest
    @CsvSource({"200, KEY_ACCOUNT", "199.99, REGULAR", "0, REGULAR"})
    void keyAccountIsSuggestedFrom200万元_6_1_1_3(String wan, Category category) {
        assertThat(GradingEngine.grade(POLICY, inputs(wan, "0", "0", 2), AS_OF).category()).isEqualTo(category);
    }

    @Test
    void theResultExplainsItself() {
        GradeResult r = GradingEngine.grade(POLICY, inputs("200", "5", "30", 3), AS_OF);
        assertThat(r.policyVersion()).isEqualTo(7);
        assertThat(r.clauses()).contains("6.1.1-3(1)", "6.1.1-3(5)", "6.1.1-3(6)");
        assertThat(r.periodFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(r.indicators()).extracting(Indicator::code)
                .containsExactly(Code.CONTRACT_AMOUNT, Code.RECEIVABLES, Code.PREMIUM, Code.STRATEGIC);
        assertThat(r.indicators()).extracting(Indicator::points).containsExactly(3, 3, 3, 3);
        assertThat(indicator(r, Code.CONTRACT_AMOUNT).ruleArgs()).containsExactly("200");
        assertThat(indicator(r, Code.RECEIVABLES).ruleArgs()).containsExactly("50");
        assertThat(indicator(r, Code.PREMIUM).ruleArgs()).containsExactly("5");
        assertThat(r.total()).isEqualTo(12);
        assertThat(r.grade()).isEqualTo(Grade.B);
    }

    @Test
    void aSixMonthPeriodStartsSixMonthsBack() {
        GradingPolicy six = new GradingPolicy(1, 6, 30, POLICY.amounts(), POLICY.receivables(), POLICY.premiums(),
                POLICY.totals(), 12, POLICY.keyAccountAmount(), 12, POLICY.reviewer(), POLICY.approver());
        assertThat(GradingEngine.periodFrom(six, AS_OF)).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aWhatIfIsStaleOnlyWhenTheGradingRulesChangeNotTheVersionId() {
        GradingPolicy other = GradingPolicy.shipped(99);
        assertThat(GradingPreviews.digest(other)).isEqualTo(GradingPreviews.digest(GradingPolicy.shipped(1)));
        GradingPolicy looser = new GradingPolicy(99, 12, 30, List.of(new BigDecimal("250"), new BigDecimal("200"), new BigDecimal("50")),
                other.receivables(), other.premiums(), other.totals(), 12, other.keyAccountAmount(), 12, other.reviewer(), other.approver());
        assertThat(GradingPreviews.digest(looser)).isNotEqualTo(GradingPreviews.digest(other));
    }

    @Test
    void theApiRuleCodeNamesTheRuleAndItsThresholds() {
        GradeResult.Indicator i = new GradeResult.Indicator(GradeResult.Code.RECEIVABLES, new BigDecimal("300000"), 3,
                "grading.rule.atMostWan", List.of("50"), GradingPolicy.C2, false);
        assertThat(i.ruleCode()).isEqualTo("atMostWan 50 → 3");
    }
}
