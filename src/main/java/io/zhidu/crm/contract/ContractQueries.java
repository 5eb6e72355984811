package io.zhidu.crm.contract;

import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contract list and look-ups, always inside the caller's data scope (in the SQL, over the
 * contract's owner, office, department and company), newest first with a keyset on id; and the
 * premium of a customer's signed contracts over a period.
 */
@Component
public class ContractQueries {

    public static final int MAX_PAGE = 200;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    /** One row of a list. */
    public record Row(long id, String number, long customerId, String customerName, ContractStatus status,
                      LocalDate contractDate, BigDecimal amount, BigDecimal listAmount, LocalDate signedOn,
                      LocalDate shippedOn, Long ownerId, String ownerName) {

        public Premium premium() {
            return Premium.of(listAmount, amount);
        }
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    private static final String SELECT = """
            SELECT c.id, c.number, c.customer_id, cu.name AS customer_name, c.status, c.contract_date, c.amount,
                   c.list_amount, c.signed_on, c.shipped_on, c.owner_id, e.full_name AS owner_name
            FROM contract c
            JOIN customer cu ON cu.id = c.customer_id
            LEFT JOIN employee e ON e.id = c.owner_id
            WHERE\s""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("number"),
            rs.getLong("customer_id"), rs.getString("customer_name"), ContractStatus.valueOf(rs.getString("status")),
            rs.getObject("contract_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getBigDecimal("list_amount"),
            rs.getObject("signed_on", LocalDate.class), rs.getObject("shipped_on", LocalDate.class),
            rs.getObject("owner_id", Long.class), rs.getString("owner_name"));

    private final JdbcClient jdbc;

    ContractQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the contracts in the scope, optionally of one customer and/or in one status. */
    public Page page(DataScope scope, Long customerId, ContractStatus status, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        DataScope.Predicate p = scope.predicate(COLUMNS);
        StringBuilder sql = new StringBuilder(SELECT).append(p.sql());
        List<Object> params = new ArrayList<>(p.params());
        if (customerId != null) {
            sql.append(" AND c.customer_id = ?");
            params.add(customerId);
        }
        if (status != null) {
            sql.append(" AND c.status = ?");
            params.add(status.name());
        }
        if (after != null) {
            sql.append(" AND c.id < ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY c.id DESC LIMIT ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new KeysetCursor("", rows.get(limit - 1).id()).encode();
        }
        return new Page(List.copyOf(rows), next);
    }

    /** The contract, if it is inside the scope. */
    public java.util.Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        return jdbc.sql(SELECT + "c.id = ? AND " + p.sql()).param(id).params(p.params()).query(ROW).optional();
    }

    /**
     * The premium over list price of the customer's contracts signed in {@code [from, to]}
     * (signed, completed, or terminated after signing), amount-weighted over all their lines:
     * what the grading reads. No scope: the caller decides who may see it.
     */
    public Premium customerPremium(long customerId, LocalDate from, LocalDate to) {
        record Sums(BigDecimal list, BigDecimal amount) {
        }
        Sums s = jdbc.sql("""
                        SELECT COALESCE(SUM(list_amount), 0) AS list_sum, COALESCE(SUM(amount), 0) AS amount_sum FROM contract
                        WHERE customer_id = ? AND signed_on IS NOT NULL AND signed_on >= ? AND signed_on <= ?""")
                .params(customerId, from, to)
                .query((rs, n) -> new Sums(rs.getBigDecimal("list_sum"), rs.getBigDecimal("amount_sum"))).single();
        return Premium.of(s.list(), s.amount());
    }
}
