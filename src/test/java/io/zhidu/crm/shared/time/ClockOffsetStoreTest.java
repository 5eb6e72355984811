package io.zhidu.crm.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ClockOffsetStoreTest {

    static final LocalDate REAL = LocalDate.of(2026, 11, 30);

    JdbcClient jdbc;
    BusinessClock clock;
    ClockOffsetStore store;

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:clock-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
        jdbc.sql("CREATE TABLE app_setting (name VARCHAR(100) NOT NULL PRIMARY KEY, setting_value VARCHAR(4000) NOT NULL)").update();
        clock = new BusinessClock(Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"), true);
        store = new ClockOffsetStore(clock, jdbc);
    }

    @Test
    void aStoredOffsetIsTakenOverAtStartAndWhenAnotherNodeChangesIt() {
        jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES ('business_clock.offset_days', '10')").update();
        store.refresh();
        assertThat(clock.today()).isEqualTo(REAL.plusDays(10));

        jdbc.sql("UPDATE app_setting SET setting_value = '-3' WHERE name = 'business_clock.offset_days'").update();
        store.refresh();
        assertThat(clock.today()).isEqualTo(REAL.minusDays(3));
    }

    @Test
    void aClockMovedInThisNodeAloneIsNotPutBackByAnUnchangedStoredValue() {
        store.setToday(REAL.plusDays(5));
        store.refresh();
        assertThat(clock.today()).isEqualTo(REAL.plusDays(5));

        clock.setToday(REAL.plusMonths(7));
        store.refresh();
        assertThat(clock.today()).as("the stored value did not change").isEqualTo(REAL.plusMonths(7));

        jdbc.sql("UPDATE app_setting SET setting_value = '0' WHERE name = 'business_clock.offset_days'").update();
        store.refresh();
        assertThat(clock.today()).as("another node moved it").isEqualTo(REAL);
    }
}
