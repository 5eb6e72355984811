package io.zhidu.crm.ownership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The events of each protection (declared, renewed, warned, expired, ...), shown on the customer's page. */
@Component
class ProtectionLog {

    enum Kind {
        DECLARED, RENEWED, WARNED, EXPIRED, RELEASED, TRANSFERRED, RETURNED_TO_POOL;

        public String labelKey() {
            return "ownership.event." + name();
        }
    }

    record Entry(long id, long protectionId, Kind kind, Instant at, String actor, LocalDate endsOn, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ProtectionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long protectionId, Kind kind, String actor, LocalDate endsOn, String detail) {
        jdbc.sql("""
                INSERT INTO protection_event (protection_id, kind, happened_at, actor, ends_on, detail)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(protectionId, kind.name(), OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), actor,
                        endsOn, detail)
                .update();
    }

    /** The events of a customer's protections, newest first (bounded: a customer has few). */
    List<Entry> of(long customerId) {
        return jdbc.sql("""
                SELECT ev.id, ev.protection_id, ev.kind, ev.happened_at, ev.actor, ev.ends_on, ev.detail
                FROM protection_event ev JOIN protection p ON p.id = ev.protection_id
                WHERE p.customer_id = ? ORDER BY ev.id DESC LIMIT 200""")
                .param(customerId)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("protection_id"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("happened_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getObject("ends_on", LocalDate.class), rs.getString("detail")))
                .list();
    }
}
