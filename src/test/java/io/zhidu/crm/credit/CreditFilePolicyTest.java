package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.DomainException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The credit-file rules: the work list's reasons at their boundaries (6.2.4-5(3) expiry notice,
 * 6.2.4-3(3) investigation interval) and the refusals of the two forms of 6.2.4-2(1).
 */
class CreditFilePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    final CreditFilePolicy policy = new CreditFilePolicy(30, 12);

    @Test
    void expiry_6_2_4_5_3_validUntilTodayIsExpiringNotExpired() {
        LocalDate recent = TODAY.minusMonths(1);
        assertThat(policy.reasons(TODAY, TODAY.minusDays(1), false, recent, 0)).containsExactly(FileReason.EXPIRED);
        assertThat(policy.reasons(TODAY, TODAY, false, recent, 0)).containsExactly(FileReason.EXPIRING);
        assertThat(policy.reasons(TODAY, TODAY.plusDays(30), false, recent, 0)).containsExactly(FileReason.EXPIRING);
        assertThat(policy.reasons(TODAY, TODAY.plusDays(31), false, recent, 0)).isEmpty();
    }

    @Test
    void investigation_6_2_4_3_3_exactlyTheIntervalAgoStillCounts() {
        LocalDate valid = TODAY.plusYears(1);
        assertThat(policy.reasons(TODAY, valid, false, TODAY.minusMonths(12), 0)).isEmpty();
        assertThat(policy.reasons(TODAY, valid, false, TODAY.minusMonths(12).minusDays(1), 0))
                .containsExactly(FileReason.NO_INVESTIGATION);
        assertThat(policy.reasons(TODAY, valid, false, null, 0)).containsExactly(FileReason.NO_INVESTIGATION);
    }

    @Test
    void customersWithoutCreditAreFlaggedOnlyForOpenSlips() {
        assertThat(policy.reasons(TODAY, null, false, null, 0)).isEmpty();
        assertThat(policy.reasons(TODAY, null, false, null, 2)).containsExactly(FileReason.OPEN_SLIP);
        assertThat(policy.reasons(TODAY, TODAY.minusDays(3), true, null, 1)).isEqualTo(
                Set.of(FileReason.EXPIRED, FileReason.NO_INVESTIGATION, FileReason.OPEN_SLIP, FileReason.ON_HOLD));
    }

    static FieldInvestigations.Form investigation(LocalDate on, String investigators, String findings, Integer grade) {
        return new FieldInvestigations.Form(on, investigators, null, "  门店三处  ", null, null, null, null, findings, grade);
    }

    static String refusedField(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            return e.field() + ":" + e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anInvestigationIsRefusedOnItsField_6_2_4_2_1() {
        assertThat(refusedField(() -> investigation(null, "王", "好", 3).checked(TODAY))).isEqualTo("investigatedOn:creditfile.error.dateRequired");
        assertThat(refusedField(() -> investigation(TODAY.plusDays(1), "王", "好", 3).checked(TODAY)))
                .isEqualTo("investigatedOn:creditfile.error.dateFuture");
        assertThat(refusedField(() -> investigation(TODAY, "  ", "好", 3).checked(TODAY))).isEqualTo("investigators:creditfile.error.required");
        assertThat(refusedField(() -> investigation(TODAY, "王", null, 3).checked(TODAY))).isEqualTo("findings:creditfile.error.required");
        assertThat(refusedField(() -> investigation(TODAY, "王", "好", null).checked(TODAY))).isEqualTo("grade:creditfile.error.gradeRequired");
        assertThat(refusedField(() -> investigation(TODAY, "王", "好", 5).checked(TODAY))).isEqualTo("grade:creditfile.error.grade");
        assertThat(refusedField(() -> investigation(TODAY, "王", "好", -1).checked(TODAY))).isEqualTo("grade:creditfile.error.grade");
        assertThat(refusedField(() -> investigation(TODAY, "王", "好".repeat(2001), 2).checked(TODAY)))
                .isEqualTo("findings:creditfile.error.tooLong");
        FieldInvestigations.Form ok = investigation(TODAY, " 王磊 ", " 经营正常 ", 0).checked(TODAY);
        assertThat(ok.investigators()).isEqualTo("王磊");
        assertThat(ok.businessStatus()).isEqualTo("门店三处");
        assertThat(ok.management()).isNull();
        assertThat(investigation(TODAY, "王", "好", 4).checked(TODAY).grade()).isEqualTo(4);
    }

    @Test
    void aSlipIsRefusedOnItsField() {
        assertThat(refusedField(() -> new InformationSlips.Form(TODAY.plusDays(1), SlipSource.BANK, "x").checked(TODAY)))
                .isEqualTo("receivedOn:creditfile.error.dateFuture");
        assertThat(refusedField(() -> new InformationSlips.Form(TODAY, null, "x").checked(TODAY)))
                .isEqualTo("source:creditfile.error.sourceRequired");
        assertThat(refusedField(() -> new InformationSlips.Form(TODAY, SlipSource.BANK, " ").checked(TODAY)))
                .isEqualTo("content:creditfile.error.required");
        assertThatThrownBy(() -> new InformationSlips.Form(null, SlipSource.BANK, "x").checked(TODAY)).isInstanceOf(DomainException.class);
        assertThat(new InformationSlips.Form(TODAY, SlipSource.BANK, " 银行报告：贷款逾期 ").checked(TODAY).content()).isEqualTo("银行报告：贷款逾期");
    }
}
