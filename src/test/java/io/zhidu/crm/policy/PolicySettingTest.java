package io.zhidu.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every value a policy version stores passes {@link PolicySetting#normalise}: the one check of policy input. */
class PolicySettingTest {

    final PolicySetting months = PolicySetting.integer("period-months", "O-21", "label", "unit", 2, 1, 24);
    final PolicySetting rate = PolicySetting.decimal("rate", "6.2.4-3(1)", "label", "unit", "0.5", "0", "1");
    final PolicySetting flag = PolicySetting.flag("on", "O-21", "label", true);
    final PolicySetting roles = PolicySetting.choices("approvers", "6.1.2-3", "label", List.of("VP", "GM"), List.of("GM"));
    final PolicySetting scope = PolicySetting.choice("pool-scope", "O-21", "label", List.of("COMPANY", "OFFICE"), "COMPANY");

    @Test
    void integersAreWholeAndWithinTheirRange() {
        assertThat(months.normalise("protection", " 3 ")).isEqualTo("3");
        assertThat(months.normalise("protection", "3.0")).isEqualTo("3");
        assertRefused(() -> months.normalise("protection", "2.5"), "protection.period-months", "policy.error.integer");
        assertRefused(() -> months.normalise("protection", "两个月"), "protection.period-months", "policy.error.integer");
        assertRefused(() -> months.normalise("protection", "0"), "protection.period-months", "policy.error.range");
        assertRefused(() -> months.normalise("protection", "25"), "protection.period-months", "policy.error.range");
        assertRefused(() -> months.normalise("protection", null), "protection.period-months", "policy.error.integer");
    }

    @Test
    void decimalsAreStoredWithoutTrailingZeros() {
        assertThat(rate.normalise("credit", "0.250")).isEqualTo("0.25");
        assertRefused(() -> rate.normalise("credit", "1.01"), "credit.rate", "policy.error.range");
        assertRefused(() -> rate.normalise("credit", "1,0"), "credit.rate", "policy.error.decimal");
    }

    @Test
    void flagsAreTrueOrFalse() {
        assertThat(flag.normalise("x", "TRUE")).isEqualTo("true");
        assertRefused(() -> flag.normalise("x", "yes"), "x.on", "policy.error.boolean");
    }

    @Test
    void choicesAreKnownCodesInTheListsOrder() {
        assertThat(roles.normalise("governance", "GM, VP,GM")).isEqualTo("VP,GM");
        assertThat(roles.normalise("governance", ",")).isEmpty();
        assertRefused(() -> roles.normalise("governance", "CEO"), "governance.approvers", "policy.error.choice");
        assertThat(scope.normalise("protection", "OFFICE")).isEqualTo("OFFICE");
        assertRefused(() -> scope.normalise("protection", "OFFICE,COMPANY"), "protection.pool-scope", "policy.error.choice");
    }

    private static void assertRefused(Runnable act, String field, String messageKey) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }
}
