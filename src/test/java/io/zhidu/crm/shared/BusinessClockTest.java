package io.zhidu.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.time.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void todayIsTheDateInTheCompanysZone() {
        // 2026-11-29 17:30 UTC is already 2026-11-30 in Shanghai
        Clock base = Clock.fixed(Instant.parse("2026-11-29T17:30:00Z"), ZoneOffset.UTC);
        assertThat(new BusinessClock(base, SHANGHAI, false).today()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void anAdjustableClockMovesByWholeDaysAndKeepsTheTimeOfDay() {
        Clock base = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);
        BusinessClock clock = new BusinessClock(base, SHANGHAI, true);
        clock.setToday(LocalDate.of(2027, 1, 31));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(clock.offsetDays()).isEqualTo(63);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-31T02:00:00Z"));
        clock.setToday(LocalDate.of(2026, 11, 1));
        assertThat(clock.offsetDays()).isEqualTo(-28);
    }

    @Test
    void aProductionClockCannotBeMoved() {
        BusinessClock clock = new BusinessClock(Clock.systemUTC(), SHANGHAI, false);
        assertThatThrownBy(() -> clock.setToday(LocalDate.of(2030, 1, 1))).isInstanceOf(IllegalStateException.class);
        clock.restoreOffset(100);
        assertThat(clock.offsetDays()).isZero();
    }
}
