package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.jdbc.Cursors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only receivable figures for customer grading (seed 6.1.1-3(1), (2)), for a range of
 * customers at once in one grouped query (a map for a small range, a stream for a whole run): the
 * open amount at the period's end (as the aging computes it as of a date) and whether any receivable was more than the grace days past due
 * during the period — paid late (settled more than the grace days after its due date, the
 * settlement falling in the period) or still open past the grace days at the period's end. A
 * written-off receivable counts as settled late on its write-off day.
 */
@Component
public class ReceivableGradingFigures {

    /** @param open open receivables at the period's end; @param arrears more than the grace days past due in the period */
    public record Figures(BigDecimal open, boolean arrears) {
    }

    /** One customer's figures. */
    public record Row(long customerId, Figures figures) {
    }

    // Grouped per customer, in customer order. The allocations carry their receivable's customer
    // (V30), so on PostgreSQL both sides are index-only scans in (customer, receivable) order
    // (V32_1) merged and grouped as they stream: a whole run's rows flow from the first one on, and
    // a small range reads only its customers' entries.
    private static final String SQL = """
            SELECT x.customer_id, SUM(x.open_amount) AS open_sum,
                   MAX(CASE WHEN x.due_on + CAST(? AS INTEGER) < COALESCE(x.settled_on, CAST(? AS DATE))
                             AND COALESCE(x.settled_on, CAST(? AS DATE)) >= ? THEN 1 ELSE 0 END) AS arrears
            FROM (SELECT r.customer_id, r.due_on,
                         CASE WHEN r.written_off_on IS NOT NULL AND r.written_off_on <= ? THEN 0
                              ELSE r.amount - COALESCE(a.paid, 0) END AS open_amount,
                         CASE WHEN r.written_off_on IS NOT NULL AND r.written_off_on <= ? THEN r.written_off_on
                              WHEN r.amount - COALESCE(a.paid, 0) <= 0 THEN a.last_paid END AS settled_on
                  FROM receivable r
                  LEFT JOIN (SELECT pa.customer_id, pa.receivable_id, SUM(pa.amount) AS paid, MAX(pa.allocated_on) AS last_paid
                             FROM payment_allocation pa
                             WHERE pa.customer_id > ? AND pa.customer_id <= ?
                               AND pa.allocated_on <= ? AND (pa.reversed_on IS NULL OR pa.reversed_on > ?)
                             GROUP BY pa.customer_id, pa.receivable_id) a ON a.customer_id = r.customer_id AND a.receivable_id = r.id
                  WHERE r.customer_id > ? AND r.customer_id <= ? AND r.created_on <= ?) x
            GROUP BY x.customer_id
            ORDER BY x.customer_id""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("customer_id"),
            new Figures(rs.getBigDecimal("open_sum"), rs.getInt("arrears") == 1));

    private final JdbcClient jdbc;
    private final JdbcClient cursor;

    ReceivableGradingFigures(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.cursor = Cursors.client(dataSource);
    }

    /** The figures of each customer with id in {@code (afterId, upToId]} that had a receivable by {@code to}. */
    @Transactional(readOnly = true)
    public Map<Long, Figures> of(long afterId, long upToId, LocalDate from, LocalDate to, int graceDays) {
        Map<Long, Figures> out = new HashMap<>();
        jdbc.sql(SQL).params(params(afterId, upToId, from, to, graceDays)).query(ROW).list()
                .forEach(r -> out.put(r.customerId(), r.figures()));
        return out;
    }

    /**
     * The same figures as {@link #of} for a large id range (a whole grading run), as a stream in
     * customer id order, fetched in slices. Read and close it inside the caller's transaction.
     */
    public Stream<Row> stream(long afterId, long upToId, LocalDate from, LocalDate to, int graceDays) {
        return cursor.sql(SQL).params(params(afterId, upToId, from, to, graceDays)).query(ROW).stream();
    }

    private static Object[] params(long afterId, long upToId, LocalDate from, LocalDate to, int graceDays) {
        return new Object[]{graceDays, to, to, from, to, to, afterId, upToId, to, to, afterId, upToId, to};
    }
}
