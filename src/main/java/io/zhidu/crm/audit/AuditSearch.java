package io.zhidu.crm.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Searches the audit log, newest first, keyset-paginated by sequence number. */
@Component
public class AuditSearch {

    public static final int MAX_PAGE = 200;

    public record Filter(String actor, String action, String subjectType, String subjectId, LocalDate from, LocalDate to) {
    }

    public record Entry(long seq, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                        String detail, String clientIp) {
    }

    public record Page(List<Entry> entries, Long nextBefore) {
    }

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final ZoneId zone;

    AuditSearch(JdbcClient jdbc, AuditLog log, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.zone = clock.getZone();
    }

    /**
     * A page of entries older than {@code before}, newest first. The first page ({@code before}
     * null) chains what is staged first, so it shows every act acknowledged before the search, not
     * only those the chainer has reached (ADR 0008).
     */
    public Page page(Filter f, Long before, int size) {
        if (before == null) {
            log.chainStaged();
        }
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        StringBuilder sql = new StringBuilder(
                "SELECT seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip FROM audit_entry WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (before != null) {
            sql.append(" AND seq < ?");
            params.add(before);
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" AND actor = ?");
            params.add(f.actor().trim());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" AND action = ?");
            params.add(f.action().trim());
        }
        if (f.subjectType() != null && !f.subjectType().isBlank()) {
            sql.append(" AND subject_type = ?");
            params.add(f.subjectType().trim());
        }
        if (f.subjectId() != null && !f.subjectId().isBlank()) {
            sql.append(" AND subject_id = ?");
            params.add(f.subjectId().trim());
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(limit + 1);
        List<Entry> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(
                rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
                rs.getString("client_ip"))).list();
        Long next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = rows.get(limit - 1).seq();
        }
        return new Page(rows, next);
    }
}
