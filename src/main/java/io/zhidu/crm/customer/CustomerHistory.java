package io.zhidu.crm.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The change log of the archive (O-1: record every change): who, when, and old → new per
 * field; the timeline of a customer; and its archive as of a past moment.
 */
@Component
public class CustomerHistory {

    /** What happened to the record. */
    public enum Kind {
        CREATED, UPDATED, DELETED, RESTORED, CONTACT_ADDED, CONTACT_UPDATED, CONTACT_REMOVED
    }

    public record Change(long id, Instant changedAt, String actor, Kind kind, String field, String oldValue, String newValue) {
    }

    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate batchJdbc;

    CustomerHistory(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /** Records the fields that differ between two snapshots; returns how many. */
    int recordDifferences(long customerId, Instant at, String actor, Kind kind, Map<String, String> before,
                          Map<String, String> after) {
        int n = 0;
        for (var e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                record(customerId, at, actor, kind, e.getKey(), old, e.getValue());
                n++;
            }
        }
        return n;
    }

    void record(long customerId, Instant at, String actor, Kind kind, String field, String oldValue, String newValue) {
        jdbc.sql("""
                INSERT INTO customer_change (customer_id, changed_at, actor, kind, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, kind.name(), field,
                        cut(oldValue), cut(newValue))
                .update();
    }

    /** One field's change for {@link #recordAll}. */
    record Entry(long customerId, String field, String oldValue, String newValue) {
    }

    /** Records many changes made at one moment by one actor, in one JDBC batch. */
    void recordAll(Instant at, String actor, Kind kind, List<Entry> entries) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        batchJdbc.batchUpdate("""
                INSERT INTO customer_change (customer_id, changed_at, actor, kind, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", entries.stream()
                .map(e -> new Object[]{e.customerId(), when, actor, kind.name(), e.field(), cut(e.oldValue()), cut(e.newValue())})
                .toList());
    }

    /** The newest changes first. */
    public List<Change> timeline(long customerId, int limit) {
        return jdbc.sql("""
                        SELECT id, changed_at, actor, kind, field, old_value, new_value FROM customer_change
                        WHERE customer_id = ? ORDER BY changed_at DESC, id DESC LIMIT ?""")
                .param(customerId).param(limit)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), Kind.valueOf(rs.getString("kind")), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    /**
     * The archive's fields as they stood at {@code moment}: the current values with every later
     * field change undone, newest first. Empty when the customer did not exist yet.
     */
    public Map<String, String> asOf(long customerId, Map<String, String> current, Instant moment) {
        boolean existed = jdbc.sql("SELECT COUNT(*) FROM customer_change WHERE customer_id = ? AND kind = 'CREATED' AND changed_at <= ?")
                .param(customerId).param(OffsetDateTime.ofInstant(moment, ZoneOffset.UTC)).query(Long.class).single() > 0;
        if (!existed) {
            return Map.of();
        }
        Map<String, String> state = new LinkedHashMap<>(current);
        List<Change> later = new ArrayList<>(jdbc.sql("""
                        SELECT id, changed_at, actor, kind, field, old_value, new_value FROM customer_change
                        WHERE customer_id = ? AND changed_at > ? AND kind = 'UPDATED' ORDER BY changed_at DESC, id DESC""")
                .param(customerId).param(OffsetDateTime.ofInstant(moment, ZoneOffset.UTC))
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), Kind.UPDATED, rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value")))
                .list());
        for (Change c : later) {
            state.put(c.field(), c.oldValue());
        }
        return state;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
