package io.zhidu.crm.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.DomainException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmployeeTest {

    static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    Employee someone() {
        return Employee.register("u1", "张三", new Employee.Placement(1L, 2L, 3L), EnumSet.of(Role.SALES), "hash", true, NOW);
    }

    @Test
    void anAccountNeedsARole() {
        assertThatThrownBy(() -> Employee.register("u1", "张三", new Employee.Placement(1L, 2L, null), Set.of(), "h", true, NOW))
                .isInstanceOf(DomainException.class).extracting("field").isEqualTo("roles");
        Employee e = someone();
        assertThatThrownBy(() -> e.assignRoles(Set.of())).isInstanceOf(DomainException.class);
        assertThat(e.getRoles()).containsExactly(Role.SALES);
    }

    @Test
    void deactivationKeepsTheRecordAndCannotBeRepeated() {
        Employee e = someone();
        e.deactivate(NOW);
        assertThat(e.isActive()).isFalse();
        assertThat(e.getDeactivatedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> e.deactivate(NOW)).isInstanceOf(DomainException.class)
                .extracting("kind").isEqualTo(DomainException.Kind.CONFLICT);
        e.reactivate();
        assertThat(e.isActive()).isTrue();
        assertThatThrownBy(e::reactivate).isInstanceOf(DomainException.class);
    }

    @Test
    void aChosenPasswordClearsTheMustChangeFlagAndAResetSetsIt() {
        Employee e = someone();
        assertThat(e.isMustChangePassword()).isTrue();
        e.changePassword("new");
        assertThat(e.isMustChangePassword()).isFalse();
        e.resetPassword("temp");
        assertThat(e.isMustChangePassword()).isTrue();
        assertThat(e.getPasswordHash()).isEqualTo("temp");
    }

    @Test
    void thePasswordRuleNamesTheFieldAndTheReason() {
        PasswordRule rule = new PasswordRule(8, true);
        assertThatThrownBy(() -> rule.check("newPassword", "abc123")).extracting("messageKey").isEqualTo("password.tooShort");
        assertThatThrownBy(() -> rule.check("newPassword", "abcdefgh")).extracting("messageKey").isEqualTo("password.letterAndDigit");
        assertThatThrownBy(() -> rule.check("newPassword", "12345678")).extracting("field").isEqualTo("newPassword");
        rule.check("newPassword", "abcd1234");
        new PasswordRule(4, false).check("p", "abcd");
    }
}
