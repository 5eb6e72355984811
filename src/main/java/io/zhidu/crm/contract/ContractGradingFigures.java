package io.zhidu.crm.contract;

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
 * Read-only contract figures for customer grading (seed 6.1.1-3(1), (3), (6)), for a range of
 * customers at once: one grouped query, as a map for a small range or a stream for a whole run.
 */
@Component
public class ContractGradingFigures {

    /**
     * @param amount        contract amount signed in the period
     * @param listAmount    the same contracts at list price
     * @param firstSignedOn the first signed contract up to the period's end
     */
    public record Figures(BigDecimal amount, BigDecimal listAmount, LocalDate firstSignedOn) {
    }

    /** One customer's figures. */
    public record Row(long customerId, Figures figures) {
    }

    // grouped per customer in customer order, over contract_customer (customer_id, signed_on), which
    // on PostgreSQL also carries the amounts (V32_1): index-only, streamed from the first row
    private static final String SQL = """
            SELECT customer_id,
                   SUM(CASE WHEN signed_on >= ? THEN amount ELSE 0 END) AS amount_sum,
                   SUM(CASE WHEN signed_on >= ? THEN list_amount ELSE 0 END) AS list_sum,
                   MIN(signed_on) AS first_signed
            FROM contract
            WHERE customer_id > ? AND customer_id <= ? AND signed_on IS NOT NULL AND signed_on <= ?
            GROUP BY customer_id
            ORDER BY customer_id""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("customer_id"),
            new Figures(rs.getBigDecimal("amount_sum"), rs.getBigDecimal("list_sum"), rs.getObject("first_signed", LocalDate.class)));

    private final JdbcClient jdbc;
    private final JdbcClient cursor;

    ContractGradingFigures(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.cursor = Cursors.client(dataSource);
    }

    /** The figures of each customer with id in {@code (afterId, upToId]} that signed a contract by {@code to}. */
    @Transactional(readOnly = true)
    public Map<Long, Figures> of(long afterId, long upToId, LocalDate from, LocalDate to) {
        Map<Long, Figures> out = new HashMap<>();
        jdbc.sql(SQL).params(from, from, afterId, upToId, to).query(ROW).list().forEach(r -> out.put(r.customerId(), r.figures()));
        return out;
    }

    /**
     * The same figures as {@link #of} for a large id range (a whole grading run), as a stream in
     * customer id order, fetched in slices. Read and close it inside the caller's transaction.
     */
    public Stream<Row> stream(long afterId, long upToId, LocalDate from, LocalDate to) {
        return cursor.sql(SQL).params(from, from, afterId, upToId, to).query(ROW).stream();
    }
}
