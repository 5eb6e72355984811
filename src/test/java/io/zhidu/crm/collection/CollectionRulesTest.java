package io.zhidu.crm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reminder marks, the hand-over, who may act at which stage, and the checks of an action (clauses 6.2.3-4, 6.2.3-6, 6.2.4-7). */
class CollectionRulesTest {

    static final CollectionRules SHIPPED = new CollectionRules(1, List.of(1, 15, 30), 90);

    @Test
    void eachReminderMarkIsDueOnceOnItsDay() {
        assertThat(SHIPPED.reminderDue(0, 0)).isEmpty();
        assertThat(SHIPPED.reminderDue(1, 0)).isEqualTo(OptionalInt.of(1));
        assertThat(SHIPPED.reminderDue(1, 1)).isEmpty(); // the same day again
        assertThat(SHIPPED.reminderDue(14, 1)).isEmpty();
        assertThat(SHIPPED.reminderDue(15, 1)).isEqualTo(OptionalInt.of(15));
        assertThat(SHIPPED.reminderDue(29, 15)).isEmpty();
        assertThat(SHIPPED.reminderDue(30, 15)).isEqualTo(OptionalInt.of(30));
        assertThat(SHIPPED.reminderDue(200, 30)).isEmpty(); // no mark after the last
    }

    @Test
    void afterSkippedDaysOnlyTheHighestPassedMarkIsSent() {
        assertThat(SHIPPED.reminderDue(20, 0)).isEqualTo(OptionalInt.of(15));
        assertThat(SHIPPED.reminderDue(45, 0)).isEqualTo(OptionalInt.of(30));
        assertThat(SHIPPED.reminderDue(45, 1)).isEqualTo(OptionalInt.of(30));
    }

    @Test
    void marksSetToZeroAreOffAndDuplicatesCountOnce() {
        CollectionRules rules = new CollectionRules(2, List.of(30, 0, 30), 60);
        assertThat(rules.reminderDays()).containsExactly(30);
        assertThat(rules.reminderDue(1, 0)).isEmpty();
        assertThat(rules.reminderDue(30, 0)).isEqualTo(OptionalInt.of(30));
    }

    @Test
    void theCasePassesToPlanningTheDayAfterTheNormalPeriod() {
        assertThat(SHIPPED.handOverDue(89)).isFalse();
        assertThat(SHIPPED.handOverDue(90)).isFalse();
        assertThat(SHIPPED.handOverDue(91)).isTrue();
    }

    @Test
    void theOfficeLineActsWhileTheOfficeCollectsPlanningAfterFinanceAlways() {
        assertThat(CaseStage.OFFICE.actionableBy(Set.of(Role.SALES))).isTrue();
        assertThat(CaseStage.OFFICE.actionableBy(Set.of(Role.OFFICE_DIRECTOR))).isTrue();
        assertThat(CaseStage.OFFICE.actionableBy(Set.of(Role.PLANNING))).isFalse();
        assertThat(CaseStage.OFFICE.actionableBy(Set.of(Role.FINANCE))).isTrue();
        assertThat(CaseStage.PLANNING.actionableBy(Set.of(Role.SALES, Role.OFFICE_DIRECTOR))).isFalse();
        assertThat(CaseStage.PLANNING.actionableBy(Set.of(Role.PLANNING))).isTrue();
        assertThat(CaseStage.PLANNING.actionableBy(Set.of(Role.FINANCE))).isTrue();
        assertThat(CaseStage.CLOSED.actionableBy(Set.of(Role.FINANCE, Role.PLANNING))).isFalse();
    }

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static String refusal(CollectionCases.ActionForm form) {
        try {
            form.checked(TODAY);
            return null;
        } catch (DomainException e) {
            return e.field() + ":" + e.messageKey();
        }
    }

    @Test
    void anActionNeedsKindDateNotInTheFutureAndText() {
        assertThat(refusal(new CollectionCases.ActionForm(null, TODAY, "x", null, null))).isEqualTo("kind:collection.error.kindRequired");
        assertThat(refusal(new CollectionCases.ActionForm(ActionKind.PHONE, null, "x", null, null)))
                .isEqualTo("on:collection.error.dateRequired");
        assertThat(refusal(new CollectionCases.ActionForm(ActionKind.PHONE, TODAY.plusDays(1), "x", null, null)))
                .isEqualTo("on:collection.error.dateFuture");
        assertThat(refusal(new CollectionCases.ActionForm(ActionKind.PHONE, TODAY, "  ", null, null)))
                .isEqualTo("text:collection.error.textRequired");
        assertThat(refusal(new CollectionCases.ActionForm(ActionKind.PHONE, TODAY, "x".repeat(2001), null, null)))
                .isEqualTo("text:collection.error.textLong");
        // promise fields are dropped from other kinds
        assertThat(new CollectionCases.ActionForm(ActionKind.VISIT, TODAY, " met ", TODAY, BigDecimal.TEN).checked(TODAY))
                .isEqualTo(new CollectionCases.ActionForm(ActionKind.VISIT, TODAY, "met", null, null));
    }

    @Test
    void aPromiseToPayNeedsADateNotBeforeTheActionAndAPositiveAmount() {
        ActionKind p = ActionKind.PROMISE_TO_PAY;
        assertThat(refusal(new CollectionCases.ActionForm(p, TODAY, "x", null, BigDecimal.TEN)))
                .isEqualTo("promisedOn:collection.error.promisedOnRequired");
        assertThat(refusal(new CollectionCases.ActionForm(p, TODAY, "x", TODAY.minusDays(1), BigDecimal.TEN)))
                .isEqualTo("promisedOn:collection.error.promisedOnBefore");
        assertThat(refusal(new CollectionCases.ActionForm(p, TODAY, "x", TODAY, null)))
                .isEqualTo("promisedAmount:collection.error.amountPositive");
        assertThat(refusal(new CollectionCases.ActionForm(p, TODAY, "x", TODAY, BigDecimal.ZERO)))
                .isEqualTo("promisedAmount:collection.error.amountPositive");
        assertThat(refusal(new CollectionCases.ActionForm(p, TODAY, "x", TODAY, new BigDecimal("1.005"))))
                .isEqualTo("promisedAmount:collection.error.amountCents");
        assertThat(new CollectionCases.ActionForm(p, TODAY.minusDays(2), "x", TODAY.minusDays(2), new BigDecimal("5000"))
                .checked(TODAY).promisedAmount()).isEqualTo(new BigDecimal("5000.00"));
        assertThatThrownBy(() -> new CollectionCases.ActionForm(p, TODAY, "x", TODAY, new BigDecimal("-1")).checked(TODAY))
                .isInstanceOf(DomainException.class);
    }
}
