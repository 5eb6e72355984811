package io.zhidu.crm.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only access to receivables for collections (催收): the open receivables past due on a day,
 * walked in batches in (due date, id) order on an index, and the live state of given receivables.
 * Scope is not applied here: the collections module applies it to its own cases.
 */
@Component
public class PastDue {

    /** The most rows one call reads. */
    public static final int MAX_BATCH = 1000;

    /**
     * An open receivable past due, with its placement at creation and the customer's salesperson
     * today ({@code customerOwnerId}, null for a customer in the public pool).
     */
    public record Overdue(long id, long customerId, String customerName, Long customerOwnerId, String contractNumber,
                          int installmentNumber, BigDecimal openAmount, LocalDate dueOn, Long ownerId, Long officeId,
                          long departmentId, long companyId) {

        /** Whole days past due on {@code today} (1 on the day after the due date). */
        public int daysPastDue(LocalDate today) {
            return (int) (today.toEpochDay() - dueOn.toEpochDay());
        }
    }

    /** Where the next batch starts: after this due date and id. */
    public record After(LocalDate dueOn, long id) {
    }

    /** A receivable as a collection case shows it, with its open amount as of now. */
    public record Line(long id, long customerId, String contractNumber, int installmentNumber, BigDecimal amount,
                       BigDecimal openAmount, LocalDate dueOn, ReceivableStatus status) {

        public boolean open() {
            return status == ReceivableStatus.OPEN;
        }
    }

    private final JdbcClient jdbc;

    PastDue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next at most {@code size} open receivables due before {@code today}, after {@code after} (null: from the start). */
    public List<Overdue> batch(LocalDate today, After after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_BATCH));
        List<Object> params = new ArrayList<>(List.of(today));
        String keyset = "";
        if (after != null) {
            keyset = " AND (r.due_on > ? OR (r.due_on = ? AND r.id > ?))";
            params.addAll(List.of(after.dueOn(), after.dueOn(), after.id()));
        }
        return jdbc.sql("""
                        SELECT r.id, r.customer_id, c.name AS customer_name, c.owner_id AS customer_owner_id, r.contract_number,
                               r.installment_number, r.open_amount, r.due_on, r.owner_id, r.office_id, r.department_id, r.company_id
                        FROM receivable r JOIN customer c ON c.id = r.customer_id
                        WHERE r.status = 'OPEN' AND r.due_on < ?""" + keyset
                        + " ORDER BY r.due_on, r.id FETCH FIRST " + limit + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Overdue(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                        rs.getObject("customer_owner_id", Long.class), rs.getString("contract_number"),
                        rs.getInt("installment_number"), rs.getBigDecimal("open_amount"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("owner_id", Long.class), rs.getObject("office_id", Long.class), rs.getLong("department_id"),
                        rs.getLong("company_id")))
                .list();
    }

    /** The receivables a payment was allocated to. */
    public List<Long> settledBy(long paymentId) {
        return jdbc.sql("SELECT DISTINCT receivable_id FROM payment_allocation WHERE payment_id = ?").param(paymentId)
                .query(Long.class).list();
    }

    /** The given receivables as they stand now, oldest due first; at most {@link #MAX_BATCH} ids a call. */
    public List<Line> lines(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " receivables a call");
        }
        return jdbc.sql("SELECT id, customer_id, contract_number, installment_number, amount, open_amount, due_on, status "
                        + "FROM receivable WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") "
                        + "ORDER BY due_on, id")
                .params(new ArrayList<>(ids))
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("contract_number"),
                        rs.getInt("installment_number"), rs.getBigDecimal("amount"), rs.getBigDecimal("open_amount"),
                        rs.getObject("due_on", LocalDate.class), ReceivableStatus.valueOf(rs.getString("status"))))
                .list();
    }
}
