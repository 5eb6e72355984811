package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.credit.CreditRules.Finding;
import io.zhidu.crm.credit.CreditRules.Owed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credit check at each boundary (6.2.4-4(2), 6.2.3-1). */
class CreditRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final int GRACE = 5;

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    static CreditTerms credit(String limit, LocalDate validUntil, boolean onHold) {
        return new CreditTerms("A", yuan(limit), TermsForm.MONTHLY, 30, validUntil, onHold);
    }

    static CreditTerms credit(String limit) {
        return credit(limit, TODAY.plusMonths(6), false);
    }

    static Owed owed(String exposure) {
        return new Owed(yuan(exposure), BigDecimal.ZERO, 0);
    }

    static List<BlockReason> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void overLimitIsExposurePlusAmountAboveTheLimitAndReachingItExactlyPasses() {
        assertThat(CreditRules.check(credit("1000.00"), owed("600.00"), yuan("400.00"), GRACE, TODAY)).isEmpty();
        List<Finding> over = CreditRules.check(credit("1000.00"), owed("600.00"), yuan("400.01"), GRACE, TODAY);
        assertThat(codes(over)).containsExactly(BlockReason.OVER_LIMIT);
        assertThat(over.get(0).amount()).isEqualByComparingTo("0.01");
        assertThat(over.get(0).args()).containsExactly(yuan("600.00"), yuan("400.01"), yuan("1000.00"), yuan("0.01"));
    }

    @Test
    void anExposureAlreadyOverTheLimitBlocksEvenAZeroAmount() {
        assertThat(codes(CreditRules.check(credit("1000.00"), owed("1000.01"), BigDecimal.ZERO, GRACE, TODAY)))
                .containsExactly(BlockReason.OVER_LIMIT);
    }

    @Test
    void overdueBlocksOnlyBeyondTheGraceDays() {
        Owed atGrace = new Owed(yuan("100.00"), yuan("100.00"), GRACE);
        assertThat(CreditRules.check(credit("1000.00"), atGrace, yuan("10.00"), GRACE, TODAY)).isEmpty();
        Owed beyond = new Owed(yuan("100.00"), yuan("80.00"), GRACE + 1);
        List<Finding> found = CreditRules.check(credit("1000.00"), beyond, yuan("10.00"), GRACE, TODAY);
        assertThat(codes(found)).containsExactly(BlockReason.OVERDUE);
        assertThat(found.get(0).amount()).isEqualByComparingTo("80.00");
        assertThat(found.get(0).args()).containsExactly(GRACE + 1, GRACE, yuan("80.00"));
    }

    @Test
    void withZeroGraceAnyOverdueDayBlocks() {
        assertThat(codes(CreditRules.check(credit("1000.00"), new Owed(yuan("1.00"), yuan("1.00"), 1), yuan("1.00"), 0, TODAY)))
                .containsExactly(BlockReason.OVERDUE);
    }

    @Test
    void aCreditValidUntilTodayPassesAndOneEndedYesterdayIsExpired() {
        assertThat(CreditRules.check(credit("1000.00", TODAY, false), owed("0"), yuan("1.00"), GRACE, TODAY)).isEmpty();
        List<Finding> found = CreditRules.check(credit("1000.00", TODAY.minusDays(1), false), owed("0"), yuan("1.00"), GRACE, TODAY);
        assertThat(codes(found)).containsExactly(BlockReason.EXPIRED);
        assertThat(found.get(0).args()).containsExactly(TODAY.minusDays(1), yuan("1.00"));
    }

    @Test
    void aHoldBlocksWhateverTheLimit() {
        List<Finding> found = CreditRules.check(credit("1000.00", TODAY, true), owed("0"), yuan("1.00"), GRACE, TODAY);
        assertThat(codes(found)).containsExactly(BlockReason.ON_HOLD);
        assertThat(found.get(0).amount()).isEqualByComparingTo("1.00");
    }

    @Test
    void noCreditIsALimitOfZeroReportedAsNoCredit() {
        assertThat(CreditRules.check(null, owed("0"), BigDecimal.ZERO, GRACE, TODAY)).isEmpty();
        List<Finding> found = CreditRules.check(null, owed("50.00"), yuan("0.01"), GRACE, TODAY);
        assertThat(codes(found)).containsExactly(BlockReason.NO_CREDIT);
        assertThat(found.get(0).amount()).isEqualByComparingTo("50.01");
    }

    @Test
    void everyReasonIsListedInOrder() {
        Owed owed = new Owed(yuan("900.00"), yuan("300.00"), 40);
        assertThat(codes(CreditRules.check(credit("1000.00", TODAY.minusDays(1), true), owed, yuan("200.00"), GRACE, TODAY)))
                .containsExactly(BlockReason.ON_HOLD, BlockReason.EXPIRED, BlockReason.OVERDUE, BlockReason.OVER_LIMIT);
        assertThat(codes(CreditRules.check(null, owed, yuan("200.00"), GRACE, TODAY)))
                .containsExactly(BlockReason.NO_CREDIT, BlockReason.OVERDUE);
    }

    @Test
    void aNegativeAmountIsACallersMistake() {
        assertThatThrownBy(() -> CreditRules.check(credit("1.00"), owed("0"), yuan("-0.01"), GRACE, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
