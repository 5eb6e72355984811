package io.zhidu.crm.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.DomainException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protection's own rules (seed O-21): its period, renewal by progress, expiry, closing and the cool-off. */
class ProtectionTest {

    static final LocalDate DECLARED = LocalDate.of(2026, 11, 30);
    final ProtectionRules rules = new ProtectionRules(1, 2, 7, 3, 30, List.of(ProgressKind.CONTRACT_SIGNED),
            ProtectionRules.PoolScope.COMPANY);
    final Protection.Owner owner = new Protection.Owner(8, 3L, 2, 1);

    Protection declared() {
        return Protection.start(42, owner, Protection.Source.DECLARED, DECLARED, rules, null);
    }

    @Test
    void aDeclarationProtectsForThePolicysPeriodAndRecordsTheVersion() {
        Protection p = declared();
        assertThat(p.getEndsOn()).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(p.getStatus()).isEqualTo(Protection.Status.ACTIVE);
        assertThat(p.getPolicyVersionId()).isEqualTo(1);
    }

    @Test
    void progressRenewsForAFullPeriodFromItsDateButNeverShortens() {
        Protection p = declared();
        assertThat(p.renew(DECLARED, rules)).isFalse();
        assertThat(p.renew(DECLARED.plusMonths(1), rules)).isTrue();
        assertThat(p.getEndsOn()).isEqualTo(DECLARED.plusMonths(3));
        assertThat(p.renew(DECLARED.plusDays(3), rules)).isFalse();
        assertThat(p.getEndsOn()).isEqualTo(DECLARED.plusMonths(3));
    }

    @Test
    void aRenewedProtectionIsWarnedAgainBeforeItsNewEnd() {
        Protection p = declared();
        p.warned(DECLARED.plusDays(55));
        p.renew(DECLARED.plusDays(58), rules);
        assertThat(p.getWarnedOn()).isNull();
    }

    @Test
    void anExpiredProtectionIsStillOpenUntilClosedAndThenCoolsItsOwnerOff() {
        Protection p = declared();
        p.expire(LocalDate.of(2027, 1, 31));
        assertThat(p.getStatus()).isEqualTo(Protection.Status.EXPIRED);
        assertThatThrownBy(() -> p.renew(LocalDate.of(2027, 1, 31), rules)).isInstanceOf(DomainException.class);
        p.close(Protection.Status.LAPSED, LocalDate.of(2027, 2, 3), "system");
        assertThat(p.coolingOff(LocalDate.of(2027, 3, 4), rules)).isTrue();
        assertThat(p.coolingOff(LocalDate.of(2027, 3, 5), rules)).isFalse();
        assertThatThrownBy(() -> p.close(Protection.Status.RELEASED, LocalDate.of(2027, 2, 4), "x"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void givingUpDoesNotCoolOff() {
        Protection p = declared();
        p.close(Protection.Status.RELEASED, DECLARED.plusDays(1), "sales1");
        assertThat(p.coolingOff(DECLARED.plusDays(2), rules)).isFalse();
    }
}
