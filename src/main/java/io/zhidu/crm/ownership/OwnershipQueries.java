package io.zhidu.crm.ownership;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists of open protections: a salesperson's own declarations, and the director's "expiring
 * soon" (ending within the warning days, or expired and waiting for reassignment) within their
 * data scope. Keyset-paged by end date then id, each backed by an index on protection.
 */
@Component
class OwnershipQueries {

    static final int MAX_PAGE = 200;

    record Row(long protectionId, long customerId, String customerName, long ownerId, String ownerName, String officeName,
               Protection.Source source, Protection.Status status, LocalDate startsOn, LocalDate endsOn, LocalDate expiredOn,
               long daysLeft) {

        public boolean expiringBy(LocalDate day) {
            return !endsOn.isAfter(day);
        }
    }

    record Page(List<Row> rows, String nextCursor) {
    }

    private static final DataScope.Columns COLUMNS = new DataScope.Columns("p.owner_id", "p.office_id", "p.department_id",
            "p.company_id");

    private final JdbcClient jdbc;

    OwnershipQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page mine(long ownerId, LocalDate today, KeysetCursor after, int size) {
        return page("p.owner_id = ? AND p.open_customer_id IS NOT NULL", List.of(ownerId), today, after, size);
    }

    Page expiring(DataScope scope, LocalDate today, int warningDays, KeysetCursor after, int size) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(today.plusDays(warningDays));
        return page(p.sql() + " AND (p.status = 'EXPIRED' OR (p.status = 'ACTIVE' AND p.ends_on <= ?))", params, today, after, size);
    }

    private Page page(String where, List<Object> whereParams, LocalDate today, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        List<Object> params = new ArrayList<>(whereParams);
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.customer_id, c.name AS customer_name, p.owner_id, e.full_name AS owner_name, o.name AS office_name,
                       p.source, p.status, p.starts_on, p.ends_on, p.expired_on
                FROM protection p
                JOIN customer c ON c.id = p.customer_id
                JOIN employee e ON e.id = p.owner_id
                LEFT JOIN office o ON o.id = p.office_id
                WHERE c.deleted_at IS NULL AND\s""").append(where);
        if (after != null) {
            sql.append(" AND (p.ends_on > ? OR (p.ends_on = ? AND p.id > ?))");
            LocalDate end = LocalDate.parse(after.sortValue());
            params.add(end);
            params.add(end);
            params.add(after.id());
        }
        sql.append(" ORDER BY p.ends_on, p.id LIMIT ?");
        params.add(limit + 1);
        RowMapper<Row> mapper = (rs, n) -> {
            LocalDate ends = rs.getObject("ends_on", LocalDate.class);
            return new Row(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"), rs.getLong("owner_id"),
                    rs.getString("owner_name"), rs.getString("office_name"), Protection.Source.valueOf(rs.getString("source")),
                    Protection.Status.valueOf(rs.getString("status")), rs.getObject("starts_on", LocalDate.class), ends,
                    rs.getObject("expired_on", LocalDate.class), java.time.temporal.ChronoUnit.DAYS.between(today, ends));
        };
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(mapper).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = new KeysetCursor(last.endsOn().toString(), last.protectionId()).encode();
        }
        return new Page(rows, next);
    }

    /** A customer's protections (newest first) for its page: few per customer. */
    List<Row> ofCustomer(long customerId, LocalDate today) {
        return page("p.customer_id = ?", List.of(customerId), today, null, MAX_PAGE).rows().stream()
                .sorted(java.util.Comparator.comparingLong(Row::protectionId).reversed()).toList();
    }

    record Progress(long id, ProgressKind kind, LocalDate happenedOn, String note, String recordedBy) {
    }

    /** The progress recorded on a customer, newest first (the latest 100). */
    List<Progress> progress(long customerId) {
        return jdbc.sql("""
                SELECT g.id, g.kind, g.happened_on, g.note, e.full_name FROM customer_progress g
                JOIN employee e ON e.id = g.recorded_by
                WHERE g.customer_id = ? ORDER BY g.happened_on DESC, g.id DESC LIMIT 100""")
                .param(customerId)
                .query((rs, n) -> new Progress(rs.getLong("id"), ProgressKind.valueOf(rs.getString("kind")),
                        rs.getObject("happened_on", LocalDate.class), rs.getString("note"), rs.getString("full_name")))
                .list();
    }
}
