package io.zhidu.crm.receivable;

import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractShipped;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables: raised from the contract events inside the signing / shipping transaction
 * (synchronously, idempotent per contract and installment), listed inside the caller's data scope.
 */
@Component
public class Receivables {

    public static final int MAX_PAGE = 200;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("r.owner_id", "r.office_id", "r.department_id", "r.company_id");

    /** One receivable as lists and the API show it. */
    public record Row(long id, long customerId, String customerName, long contractId, String contractNumber,
                      int installmentNumber, BigDecimal amount, BigDecimal openAmount, LocalDate dueOn, LocalDate createdOn,
                      ReceivableStatus status, Long ownerId, String ownerName, Long officeId, String officeName,
                      LocalDate writtenOffOn, BigDecimal writtenOffAmount, Long writeOffApprovalId) {

        /** Days past due as of a date (0 or less: not yet due). */
        public long daysPastDue(LocalDate asOf) {
            return java.time.temporal.ChronoUnit.DAYS.between(dueOn, asOf);
        }
    }

    /** What a list asks for; null fields do not filter. */
    /**
     * The list's filter. With {@code asOf} (the aging's drill-down for a past date) the list holds the
     * receivables open on that date — created by then, not written off by then, not fully paid by
     * allocations counting then — and their open amounts as of that date, as {@link Aging} counts them.
     */
    public record Filter(Long customerId, ReceivableStatus status, Long ownerId, Long officeId, Long companyId, LocalDate asOf) {

        public Filter(Long customerId, ReceivableStatus status, Long ownerId, Long officeId, Long companyId) {
            this(customerId, status, ownerId, officeId, companyId, null);
        }
    }

    /** The part of a receivable paid by allocations counting on a date (two date parameters). */
    private static final String PAID_AS_OF = "COALESCE((SELECT SUM(pa.amount) FROM payment_allocation pa WHERE pa.receivable_id = r.id"
            + " AND pa.allocated_on <= ? AND (pa.reversed_on IS NULL OR pa.reversed_on > ?)), 0)";

    public record Page(List<Row> rows, String nextCursor) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("customer_name"), rs.getLong("contract_id"), rs.getString("contract_number"),
            rs.getInt("installment_number"), rs.getBigDecimal("amount"), rs.getBigDecimal("open_amount"),
            rs.getObject("due_on", LocalDate.class), rs.getObject("created_on", LocalDate.class),
            ReceivableStatus.valueOf(rs.getString("status")), rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
            rs.getObject("office_id", Long.class), rs.getString("office_name"), rs.getObject("written_off_on", LocalDate.class),
            rs.getBigDecimal("written_off_amount"), rs.getObject("write_off_approval_id", Long.class));

    private static final String SELECT = """
            SELECT r.id, r.customer_id, c.name AS customer_name, r.contract_id, r.contract_number, r.installment_number,
                   r.amount, r.open_amount, r.due_on, r.created_on, r.status, r.owner_id, e.full_name AS owner_name,
                   r.office_id, o.name AS office_name, r.written_off_on, r.written_off_amount, r.write_off_approval_id
            FROM receivable r
            JOIN customer c ON c.id = r.customer_id
            LEFT JOIN employee e ON e.id = r.owner_id
            LEFT JOIN office o ON o.id = r.office_id
            WHERE\s""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Receivables(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    @Transactional
    void on(ContractSigned signed) {
        for (Installment i : signed.installments()) {
            if (i.anchor() == PaymentAnchor.SIGNING) {
                raise(signed.contractId(), signed.number(), signed.customerId(), signed.placement(), signed.signedOn(), i, 0L);
            }
        }
    }

    @EventListener
    @Transactional
    void on(ContractShipped shipped) {
        for (Installment i : shipped.installments()) {
            if (i.anchor() == PaymentAnchor.SHIPMENT) {
                raise(shipped.contractId(), shipped.number(), shipped.customerId(), shipped.placement(), shipped.shippedOn(), i,
                        shipped.shipmentId());
            }
        }
    }

    /**
     * Raises the receivable of one installment, due {@code days} after the anchor date, unless it
     * exists already (re-delivery); the customer's prepayments settle it at once, oldest first. A
     * partial shipment ({@code shipmentId} not 0) raises its own share of a SHIPMENT installment.
     */
    private void raise(long contractId, String number, long customerId, ContractPlacement placement, LocalDate anchoredOn,
                       Installment installment, long shipmentId) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM receivable WHERE contract_id = ? AND installment_number = ? AND shipment_id = ?")
                .params(contractId, installment.number(), shipmentId).query(Long.class).single() > 0;
        if (exists || installment.amount() == null || installment.amount().signum() <= 0) {
            return;
        }
        LocalDate dueOn = anchoredOn.plusDays(installment.days());
        BigDecimal amount = installment.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        jdbc.sql("""
                        INSERT INTO receivable (customer_id, contract_id, contract_number, installment_number, amount, open_amount,
                                                due_on, created_on, status, owner_id, office_id, department_id, company_id, shipment_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)""")
                .params(customerId, contractId, number, installment.number(), amount, amount, dueOn, anchoredOn,
                        placement.ownerId(), placement.officeId(), placement.departmentId(), placement.companyId(), shipmentId)
                .update();
        long id = jdbc.sql("SELECT id FROM receivable WHERE contract_id = ? AND installment_number = ? AND shipment_id = ?")
                .params(contractId, installment.number(), shipmentId).query(Long.class).single();
        events.publishEvent(new ReceivableChanged(CurrentActor.username(), "RECEIVABLE_RAISED", "RECEIVABLE", id,
                number + " #" + installment.number() + " " + amount.toPlainString() + " due " + dueOn));
        applyPrepayments(customerId, id, amount, anchoredOn);
    }

    private record Prepaid(long id, BigDecimal unallocated, LocalDate receivedOn) {
    }

    private void applyPrepayments(long customerId, long receivableId, BigDecimal open, LocalDate createdOn) {
        List<Prepaid> prepaid = jdbc.sql("""
                        SELECT id, unallocated, received_on FROM payment
                        WHERE customer_id = ? AND status = 'RECORDED' AND unallocated > 0 AND allocation = 'AUTO'
                        ORDER BY received_on, id FOR UPDATE""")
                .param(customerId)
                .query((rs, n) -> new Prepaid(rs.getLong("id"), rs.getBigDecimal("unallocated"), rs.getObject("received_on", LocalDate.class)))
                .list();
        BigDecimal left = open;
        for (Prepaid p : prepaid) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = p.unallocated().min(left);
            LocalDate on = p.receivedOn().isAfter(createdOn) ? p.receivedOn() : createdOn;
            allocate(p.id(), receivableId, take, on);
            jdbc.sql("UPDATE payment SET unallocated = unallocated - ?, version = version + 1 WHERE id = ?")
                    .params(take, p.id()).update();
            left = left.subtract(take);
        }
    }

    /**
     * Records one allocation, with copies of the receivable's due date, creation date, customer and
     * placement (what {@link Aging} sums past dates by, V30), and lowers the receivable's open amount
     * (PAID when nothing is left).
     */
    void allocate(long paymentId, long receivableId, BigDecimal amount, LocalDate allocatedOn) {
        jdbc.sql("""
                        INSERT INTO payment_allocation (payment_id, receivable_id, amount, allocated_on, due_on, created_on,
                                                        customer_id, owner_id, office_id, department_id, company_id)
                        SELECT ?, r.id, ?, ?, r.due_on, r.created_on, r.customer_id, r.owner_id, r.office_id, r.department_id,
                               r.company_id
                        FROM receivable r WHERE r.id = ?""")
                .params(paymentId, amount, allocatedOn, receivableId).update();
        jdbc.sql("""
                        UPDATE receivable SET open_amount = open_amount - ?,
                               status = CASE WHEN open_amount - ? = 0 THEN 'PAID' ELSE status END, version = version + 1
                        WHERE id = ?""")
                .params(amount, amount, receivableId).update();
    }

    public Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(id);
        return jdbc.sql(SELECT + p.sql() + " AND r.id = ?").params(params).query(ROW).optional();
    }

    public Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        List<Object> params = new ArrayList<>();
        StringBuilder sql;
        if (f.asOf() == null) {
            sql = new StringBuilder(SELECT);
        } else {
            sql = new StringBuilder(SELECT.replace("r.open_amount,", "r.amount - " + PAID_AS_OF + " AS open_amount,"));
            params.add(f.asOf());
            params.add(f.asOf());
        }
        DataScope.Predicate p = scope.predicate(COLUMNS);
        sql.append(p.sql());
        params.addAll(p.params());
        if (f.asOf() != null) {
            sql.append(" AND r.created_on <= ? AND (r.written_off_on IS NULL OR r.written_off_on > ?) AND r.amount - ")
                    .append(PAID_AS_OF).append(" > 0");
            params.addAll(List.of(f.asOf(), f.asOf(), f.asOf(), f.asOf()));
        }
        eq(sql, params, "r.customer_id", f.customerId());
        eq(sql, params, "r.status", f.status() == null ? null : f.status().name());
        eq(sql, params, "r.owner_id", f.ownerId());
        eq(sql, params, "r.office_id", f.officeId());
        eq(sql, params, "r.company_id", f.companyId());
        if (after != null) {
            sql.append(" AND r.id < ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY r.id DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(ROW).list());
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = new KeysetCursor(null, rows.get(limit - 1).id()).encode();
        }
        return new Page(List.copyOf(rows), next);
    }

    /** A customer's open receivables in the scope, oldest due first, at most {@code limit} (allocation by hand). */
    public List<Row> openOf(DataScope scope, long customerId, int limit) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(customerId);
        return jdbc.sql(SELECT + p.sql() + " AND r.customer_id = ? AND r.status = 'OPEN' ORDER BY r.due_on, r.id FETCH FIRST "
                + Math.max(1, Math.min(limit, MAX_PAGE)) + " ROWS ONLY").params(params).query(ROW).list();
    }

    /** Receivables in the scope whose write-off awaits its decision, the latest proposed first, at most {@code limit}. */
    public List<Row> awaitingWriteOff(DataScope scope, int limit) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        return jdbc.sql(SELECT + p.sql() + " AND r.write_off_approval_id IS NOT NULL ORDER BY r.write_off_approval_id DESC FETCH FIRST "
                + Math.max(1, Math.min(limit, MAX_PAGE)) + " ROWS ONLY").params(p.params()).query(ROW).list();
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
