package io.zhidu.crm.receivable;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments (回款): entered once per reference, allocated oldest-due-first to the customer's open
 * receivables, the surplus kept as prepayment for the next receivable; reversed (never deleted) by
 * finance with a reason, which reopens what they settled.
 */
@Component
public class Payments {

    static final DataScope.Columns CUSTOMER_COLUMNS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    /**
     * A payment to enter, as the form or the API sends it; {@code allocation} null means
     * {@link AllocationMode#AUTO}.
     */
    public record Entry(Long customerId, BigDecimal amount, LocalDate receivedOn, PaymentMethod method, String reference,
                        AllocationMode allocation) {

        public Entry(Long customerId, BigDecimal amount, LocalDate receivedOn, PaymentMethod method, String reference) {
            this(customerId, amount, receivedOn, method, reference, null);
        }

        AllocationMode mode() {
            return allocation == null ? AllocationMode.AUTO : allocation;
        }
    }

    public record Row(long id, long customerId, String customerName, BigDecimal amount, BigDecimal unallocated,
                      LocalDate receivedOn, PaymentMethod method, String reference, PaymentStatus status, String enteredBy,
                      LocalDate reversedOn, String reverseReason, AllocationMode allocation) {
    }

    /** What a list asks for; null fields (and {@code unallocated} false) do not filter. */
    public record Filter(Long customerId, PaymentStatus status, boolean unallocated) {
    }

    public record Page(List<Row> rows, String nextCursor) {
    }

    /** A part of a payment allocated by hand to one receivable. */
    public record Share(Long receivableId, BigDecimal amount) {
    }

    /** One allocation of a payment, as its page shows it. */
    public record Allocated(long receivableId, String contractNumber, int installmentNumber, LocalDate dueOn, BigDecimal amount,
                            LocalDate allocatedOn, LocalDate reversedOn) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("customer_name"), rs.getBigDecimal("amount"), rs.getBigDecimal("unallocated"),
            rs.getObject("received_on", LocalDate.class), PaymentMethod.valueOf(rs.getString("method")),
            rs.getString("reference"), PaymentStatus.valueOf(rs.getString("status")), rs.getString("entered_by"),
            rs.getObject("reversed_on", LocalDate.class), rs.getString("reverse_reason"),
            AllocationMode.valueOf(rs.getString("allocation")));

    private static final String SELECT = """
            SELECT p.id, p.customer_id, c.name AS customer_name, p.amount, p.unallocated, p.received_on, p.method,
                   p.reference, p.status, p.entered_by, p.reversed_on, p.reverse_reason, p.allocation
            FROM payment p JOIN customer c ON c.id = p.customer_id
            WHERE\s""";

    private final JdbcClient jdbc;
    private final CustomerSearch customers;
    private final Receivables receivables;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    Payments(JdbcClient jdbc, CustomerSearch customers, Receivables receivables, BusinessClock clock,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.receivables = receivables;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Enters a payment for a customer in the caller's scope and, unless it is to be allocated by
     * hand, allocates it oldest due first; answers its id.
     */
    @Transactional
    public long record(DataScope scope, Entry e) {
        if (e.customerId() == null) {
            throw DomainException.invalid("customerId", "receivable.payment.customerRequired");
        }
        customers.find(scope, e.customerId(), false).orElseThrow(DomainException::notFound);
        if (e.amount() == null || e.amount().signum() <= 0) {
            throw DomainException.invalid("amount", "receivable.payment.amountPositive");
        }
        if (e.amount().stripTrailingZeros().scale() > 2 || e.amount().precision() - e.amount().scale() > 16) {
            throw DomainException.invalid("amount", "receivable.payment.amountCents");
        }
        if (e.receivedOn() == null) {
            throw DomainException.invalid("receivedOn", "receivable.payment.dateRequired");
        }
        if (e.receivedOn().isAfter(clock.today())) {
            throw DomainException.invalid("receivedOn", "receivable.payment.dateFuture");
        }
        if (e.method() == null) {
            throw DomainException.invalid("method", "receivable.payment.methodRequired");
        }
        String reference = e.reference() == null || e.reference().isBlank() ? null : e.reference().trim();
        if (reference != null && reference.length() > 100) {
            throw DomainException.invalid("reference", "receivable.payment.referenceLong");
        }
        if (reference != null && jdbc.sql("SELECT COUNT(*) FROM payment WHERE reference = ?").param(reference)
                .query(Long.class).single() > 0) {
            throw DomainException.conflict("receivable.payment.duplicateReference", reference);
        }
        BigDecimal amount = e.amount().setScale(2);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO payment (customer_id, amount, unallocated, received_on, method, reference, status,
                                                 entered_by, entered_at, allocation)
                            VALUES (?, ?, ?, ?, ?, ?, 'RECORDED', ?, ?, ?)""")
                    .params(e.customerId(), amount, amount, e.receivedOn(), e.method().name(), reference,
                            CurrentActor.username(), OffsetDateTime.now(clock), e.mode().name())
                    .update(keys, "id");
        } catch (DuplicateKeyException race) {
            throw DomainException.conflict("receivable.payment.duplicateReference", reference);
        }
        long id = keys.getKeyAs(Number.class).longValue();
        if (e.mode() == AllocationMode.AUTO) {
            allocateOldestFirst(id, e.customerId(), amount, e.receivedOn());
        }
        // its audit entry is staged in this transaction; the collection duty hears of it after commit
        events.publishEvent(new ReceivableChanged(CurrentActor.username(), "PAYMENT_RECORDED", "PAYMENT", id,
                "customer " + e.customerId() + " " + amount.toPlainString() + " " + e.method() + " " + e.receivedOn()
                        + (reference == null ? "" : " ref " + reference) + " " + e.mode()));
        return id;
    }

    private void allocateOldestFirst(long id, long customerId, BigDecimal amount, LocalDate receivedOn) {
        List<Allocation.Open> open = new ArrayList<>();
        List<LocalDate> created = new ArrayList<>();
        jdbc.sql("""
                        SELECT id, open_amount, created_on FROM receivable
                        WHERE customer_id = ? AND status = 'OPEN' ORDER BY due_on, id FOR UPDATE""")
                .param(customerId)
                .query(rs -> {
                    open.add(new Allocation.Open(rs.getLong("id"), rs.getBigDecimal("open_amount")));
                    created.add(rs.getObject("created_on", LocalDate.class));
                });
        Allocation.Result result = Allocation.inOrder(amount, open);
        for (Allocation.Share share : result.shares()) {
            LocalDate createdOn = created.get(indexOf(open, share.id()));
            receivables.allocate(id, share.id(), share.amount(), later(createdOn, receivedOn));
        }
        jdbc.sql("UPDATE payment SET unallocated = ? WHERE id = ?").params(result.surplus(), id).update();
    }

    /** An allocation counts from the later of the payment's and the receivable's dates. */
    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private record Target(long id, BigDecimal open, LocalDate createdOn, String label) {
    }

    /**
     * Allocates part of a recorded payment's unallocated amount by hand to open receivables of its
     * customer: each amount above zero and at most the receivable's open amount, their sum at most
     * the unallocated amount. All or nothing: one bad share refuses the whole request. Each
     * allocation counts from the later of the payment's and the receivable's dates, as the
     * automatic one does.
     */
    @Transactional
    public void allocateByHand(DataScope scope, long paymentId, List<Share> shares) {
        Row p = find(scope, paymentId).orElseThrow(DomainException::notFound);
        if (shares == null || shares.isEmpty()) {
            throw DomainException.invalid("allocations", "receivable.allocation.empty");
        }
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Share s : shares) {
            if (s == null || s.receivableId() == null) {
                throw DomainException.invalid("allocations", "receivable.allocation.receivableRequired");
            }
            if (!ids.add(s.receivableId())) {
                throw DomainException.invalid("allocations", "receivable.allocation.duplicate");
            }
            if (s.amount() == null || s.amount().signum() <= 0) {
                throw DomainException.invalid("allocations", "receivable.allocation.amountPositive");
            }
            if (s.amount().stripTrailingZeros().scale() > 2 || s.amount().precision() - s.amount().scale() > 16) {
                throw DomainException.invalid("allocations", "receivable.allocation.amountCents");
            }
            sum = sum.add(s.amount());
        }
        BigDecimal unallocated = jdbc.sql("SELECT unallocated FROM payment WHERE id = ? AND status = 'RECORDED' FOR UPDATE")
                .param(paymentId).query(BigDecimal.class).optional()
                .orElseThrow(() -> DomainException.conflict("receivable.allocation.reversed"));
        if (sum.compareTo(unallocated) > 0) {
            throw DomainException.invalid("allocations", "receivable.allocation.overUnallocated", sum.setScale(2).toPlainString(),
                    unallocated.toPlainString());
        }
        Map<Long, Target> targets = new java.util.HashMap<>();
        List<Object> params = new ArrayList<>(ids);
        params.add(p.customerId());
        jdbc.sql("SELECT id, open_amount, created_on, contract_number, installment_number FROM receivable WHERE id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                        + ") AND customer_id = ? AND status = 'OPEN' ORDER BY id FOR UPDATE")
                .params(params)
                .query(rs -> {
                    targets.put(rs.getLong("id"), new Target(rs.getLong("id"), rs.getBigDecimal("open_amount"),
                            rs.getObject("created_on", LocalDate.class),
                            rs.getString("contract_number") + " #" + rs.getInt("installment_number")));
                });
        for (Share s : shares) {
            Target t = targets.get(s.receivableId());
            if (t == null) {
                throw DomainException.invalid("allocations", "receivable.allocation.notOpen", s.receivableId());
            }
            if (s.amount().compareTo(t.open()) > 0) {
                throw DomainException.invalid("allocations", "receivable.allocation.overOpen", t.label(),
                        s.amount().setScale(2).toPlainString(), t.open().toPlainString());
            }
        }
        for (Share s : shares) {
            Target t = targets.get(s.receivableId());
            receivables.allocate(paymentId, t.id(), s.amount().setScale(2), later(t.createdOn(), p.receivedOn()));
        }
        jdbc.sql("UPDATE payment SET unallocated = unallocated - ?, version = version + 1 WHERE id = ?")
                .params(sum, paymentId).update();
        events.publishEvent(new ReceivableChanged(CurrentActor.username(), "PAYMENT_ALLOCATED", "PAYMENT", paymentId,
                shares.stream().map(s -> targets.get(s.receivableId()).label() + " " + s.amount().setScale(2).toPlainString())
                        .collect(java.util.stream.Collectors.joining(", "))));
    }

    /** A payment's allocations, in the order made (its page; the payment is known to be in scope). */
    public List<Allocated> allocations(long paymentId) {
        return jdbc.sql("""
                        SELECT pa.receivable_id, r.contract_number, r.installment_number, r.due_on, pa.amount, pa.allocated_on,
                               pa.reversed_on
                        FROM payment_allocation pa JOIN receivable r ON r.id = pa.receivable_id
                        WHERE pa.payment_id = ? ORDER BY pa.id""")
                .param(paymentId)
                .query((rs, n) -> new Allocated(rs.getLong("receivable_id"), rs.getString("contract_number"),
                        rs.getInt("installment_number"), rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("amount"),
                        rs.getObject("allocated_on", LocalDate.class), rs.getObject("reversed_on", LocalDate.class)))
                .list();
    }

    private static int indexOf(List<Allocation.Open> open, long id) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalStateException("allocated to an unknown receivable " + id);
    }

    /** Reverses a payment in the caller's scope: its allocations are undone as of today, the receivables reopen. */
    @Transactional
    public void reverse(DataScope scope, long id, String reason) {
        Row p = find(scope, id).orElseThrow(DomainException::notFound);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "receivable.payment.reasonRequired");
        }
        if (reason.length() > 500) {
            throw DomainException.invalid("reason", "receivable.payment.reasonLong");
        }
        int changed = jdbc.sql("""
                        UPDATE payment SET status = 'REVERSED', unallocated = 0, reversed_on = ?, reversed_by = ?,
                               reverse_reason = ?, version = version + 1
                        WHERE id = ? AND status = 'RECORDED'""")
                .params(clock.today(), CurrentActor.username(), reason.trim(), id).update();
        if (changed == 0) {
            throw DomainException.conflict("receivable.payment.alreadyReversed");
        }
        LocalDate today = clock.today();
        List<long[]> undo = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        jdbc.sql("SELECT id, receivable_id, amount FROM payment_allocation WHERE payment_id = ? AND reversed_on IS NULL")
                .param(id)
                .query(rs -> {
                    undo.add(new long[] {rs.getLong("id"), rs.getLong("receivable_id")});
                    amounts.add(rs.getBigDecimal("amount"));
                });
        for (int i = 0; i < undo.size(); i++) {
            jdbc.sql("UPDATE payment_allocation SET reversed_on = ? WHERE id = ?").params(today, undo.get(i)[0]).update();
            jdbc.sql("""
                            UPDATE receivable SET open_amount = CASE WHEN status = 'WRITTEN_OFF' THEN 0 ELSE open_amount + ? END,
                                   status = CASE WHEN status = 'PAID' THEN 'OPEN' ELSE status END, version = version + 1
                            WHERE id = ?""")
                    .params(amounts.get(i), undo.get(i)[1]).update();
        }
        events.publishEvent(new ReceivableChanged(CurrentActor.username(), "PAYMENT_REVERSED", "PAYMENT", id,
                p.amount().toPlainString() + ": " + reason.trim()));
    }

    public Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate pr = scope.predicate(CUSTOMER_COLUMNS);
        List<Object> params = new ArrayList<>(pr.params());
        params.add(id);
        return jdbc.sql(SELECT + pr.sql() + " AND p.id = ?").params(params).query(ROW).optional();
    }

    public Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, Receivables.MAX_PAGE));
        DataScope.Predicate pr = scope.predicate(CUSTOMER_COLUMNS);
        StringBuilder sql = new StringBuilder(SELECT).append(pr.sql());
        List<Object> params = new ArrayList<>(pr.params());
        if (f.customerId() != null) {
            sql.append(" AND p.customer_id = ?");
            params.add(f.customerId());
        }
        if (f.unallocated()) {
            sql.append(" AND p.status = 'RECORDED' AND p.unallocated > 0");
        } else if (f.status() != null) {
            sql.append(" AND p.status = ?");
            params.add(f.status().name());
        }
        if (after != null) {
            sql.append(" AND p.id < ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY p.id DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(ROW).list());
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = new KeysetCursor(null, rows.get(limit - 1).id()).encode();
        }
        return new Page(List.copyOf(rows), next);
    }

    /** Every payment of the list, page by page (the export). */
    public void forEach(DataScope scope, Filter f, java.util.function.Consumer<Row> action) {
        KeysetCursor cursor = null;
        do {
            Page page = page(scope, f, cursor, Receivables.MAX_PAGE);
            page.rows().forEach(action);
            cursor = KeysetCursor.decode(page.nextCursor());
        } while (cursor != null);
    }
}
