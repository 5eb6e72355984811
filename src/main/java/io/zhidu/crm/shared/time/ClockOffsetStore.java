package io.zhidu.crm.shared.time;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the adjustable clock's offset in {@code app_setting}, so that a restart and every other
 * node see the same business date; nodes re-read it every few seconds and take it over only when the
 * stored value changed since they last saw or wrote it (a clock moved in this JVM alone, as tests do,
 * is not put back by an old stored value).
 */
@Component
public class ClockOffsetStore {

    static final String OFFSET_SETTING = "business_clock.offset_days";

    private final BusinessClock clock;
    private final JdbcClient jdbc;
    /** The stored value last taken over or written by this node; null before the first read. */
    private volatile String seen;

    ClockOffsetStore(BusinessClock clock, JdbcClient jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelay = 0, fixedDelay = 5000)
    public void refresh() {
        if (!clock.isAdjustable()) {
            return;
        }
        jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?").param(OFFSET_SETTING)
                .query(String.class).optional()
                .filter(v -> !v.equals(seen))
                .ifPresent(v -> {
                    clock.restoreOffset(Long.parseLong(v));
                    seen = v;
                });
    }

    /** Moves the business date and stores the new offset for restarts and other nodes. */
    @Transactional
    public void setToday(LocalDate today) {
        clock.setToday(today);
        String value = Long.toString(clock.offsetDays());
        int updated = jdbc.sql("UPDATE app_setting SET setting_value = ? WHERE name = ?").param(value).param(OFFSET_SETTING).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)").param(OFFSET_SETTING).param(value).update();
        }
        seen = value;
    }
}
