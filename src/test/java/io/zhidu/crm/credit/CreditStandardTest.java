package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credit standard's rules: who approves (6.2.3-1), the score (6.2.4-3(3)), a proposal checked against the scale. */
class CreditStandardTest {

    static CreditStandard standard() {
        Map<String, CreditStandard.RatingDefaults> d = new LinkedHashMap<>();
        Map<String, Object[]> shipped = CreditStandard.Section.SHIPPED;
        for (String r : CreditStandard.RATINGS) {
            Object[] v = shipped.get(r);
            d.put(r, new CreditStandard.RatingDefaults(new BigDecimal((String) v[0]), (TermsForm) v[1], (int) v[2], (int) v[3]));
        }
        return new CreditStandard(1, CreditStandard.DEFAULT_SCALE, d, 0, new BigDecimal("1000000"), 12,
                new CreditStandard.Scoring(40, 30, 25, 90, 10, 5, 20, 2, 10, new BigDecimal("50"), 20, new BigDecimal("70"), 10, 5));
    }

    @Test
    void aLimitUpToThePolicyAmountIsTheVpsAboveItTheGms() {
        assertThat(standard().approver(new BigDecimal("1000000.00"))).isEqualTo(Role.VP);
        assertThat(standard().approver(new BigDecimal("1000000.01"))).isEqualTo(Role.GM);
    }

    @Test
    void theScoreAddsTheFourFactorsAndPicksTheBestRatingReached() {
        CreditStandard s = standard();
        // 40 + 20 + 20 + 4 × 5 = 100
        assertThat(s.score(0, 5, new BigDecimal("50"), 4)).isEqualTo(new CreditStandard.Score(40, 20, 20, 20, 100, "AAA"));
        // band edges: 30 days late → 25, 2 years → 10, 70 % → 10, no field visit → 0: 45 → B (A needs 70)
        assertThat(s.score(30, 2, new BigDecimal("70"), null)).isEqualTo(new CreditStandard.Score(25, 10, 10, 0, 45, "B"));
        // just past every band: 0 + 0 + 0 + 0 → below C's 20: the scale's last rating
        assertThat(s.score(91, 1, new BigDecimal("70.01"), 0).rating()).isEqualTo("C");
        assertThat(s.score(31, 0, null, 2)).isEqualTo(new CreditStandard.Score(10, 0, 0, 10, 20, "C"));
    }

    @Test
    void aProposalTakesTheRatingsDefaultsForWhatItLeavesOut() {
        CreditTerms t = CustomerCredits.terms(standard(), new CustomerCredits.Proposal("AA", null, null, null, null));
        assertThat(t.limit()).isEqualByComparingTo("2000000");
        assertThat(t.form()).isEqualTo(TermsForm.MONTHLY);
        assertThat(t.days()).isEqualTo(60);
        t = CustomerCredits.terms(standard(), new CustomerCredits.Proposal("B", new BigDecimal("0"), TermsForm.CASH, 0, null));
        assertThat(t.limit()).isEqualByComparingTo("0");
        assertThat(t.days()).isZero();
    }

    @Test
    void aProposalOffTheScaleOrWithANegativeLimitOrDaysIsRefusedOnItsField() {
        for (var bad : List.of(new CustomerCredits.Proposal("BBB", null, null, null, null),
                new CustomerCredits.Proposal(null, null, null, null, null))) {
            assertThatThrownBy(() -> CustomerCredits.terms(standard(), bad)).isInstanceOf(DomainException.class)
                    .extracting("field").isEqualTo("rating");
        }
        assertThatThrownBy(() -> CustomerCredits.terms(standard(), new CustomerCredits.Proposal("A", new BigDecimal("-0.01"), null, null, null)))
                .extracting("field", "messageKey").containsExactly("limit", "credit.error.limitNegative");
        assertThatThrownBy(() -> CustomerCredits.terms(standard(), new CustomerCredits.Proposal("A", new BigDecimal("1.001"), null, null, null)))
                .extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> CustomerCredits.terms(standard(), new CustomerCredits.Proposal("A", null, null, -1, null)))
                .extracting("field").isEqualTo("termsDays");
    }
}
