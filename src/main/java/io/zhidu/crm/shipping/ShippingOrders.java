package io.zhidu.crm.shipping;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.ApprovalView;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.benefit.Benefit;
import io.zhidu.crm.benefit.Benefits;
import io.zhidu.crm.contract.ContractStatus;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.credit.BlockReason;
import io.zhidu.crm.credit.CreditCheck;
import io.zhidu.crm.customer.CustomerEnums;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipping orders for the screens and the API. Every act first finds the order (or its contract)
 * inside the caller's data scope (404 otherwise) and is audited. The release runs the credit check
 * under a lock of the customer's row, so two releases for one customer at the same moment are
 * checked one after the other, the second counting the first (released orders are exposure until
 * they ship, see {@link ReleasedExposure}).
 */
@Service
public class ShippingOrders {

    static final String SUBJECT = "SHIPMENT";
    public static final int MAX_PAGE = 100;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("o.owner_id", "o.office_id", "o.department_id", "o.company_id");

    /** An order as entered (the API body of POST /api/v1/shipments). */
    public record Draft(Long contractId, List<LineInput> lines, LocalDate requestedOn) {
    }

    /** A line as entered: the contract line's number (1-based, as the contract shows it) and the quantity. */
    public record LineInput(Integer contractLineId, BigDecimal quantity) {
    }

    /**
     * An order with its lines and the reasons of its last block; {@code priority} is the customer's
     * shipping priority (policy section benefit) when the order was created.
     */
    public record Order(long id, long contractId, String contractNumber, long customerId, String customerName, int priority,
                        boolean keyAccount, LocalDate requestedOn, BigDecimal amount, ShippingStatus status, LocalDate releasedOn,
                        LocalDate shippedOn, Long releaseApprovalId, String releaseApprover, List<Line> lines,
                        List<Reason> reasons) {
    }

    public record Line(int number, int contractLineId, String product, String unit, BigDecimal quantity, BigDecimal amount) {
    }

    public record Reason(String code, String message, BigDecimal amount) {
    }

    /** One row of the queue. */
    public record Row(long id, String contractNumber, long customerId, String customerName, int priority, boolean keyAccount,
                      LocalDate requestedOn, BigDecimal amount, ShippingStatus status, Long releaseApprovalId) {
    }

    public record Page(List<Row> rows, String nextCursor) {
    }

    private static final String SELECT = """
            SELECT o.id, o.contract_id, o.contract_number, o.customer_id, c.name AS customer_name, c.category, o.priority,
                   o.requested_on, o.amount, o.status, o.released_on, o.shipped_on, o.release_approval_id, o.release_approver
            FROM shipping_order o JOIN customer c ON c.id = o.customer_id
            WHERE\s""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("contract_number"),
            rs.getLong("customer_id"), rs.getString("customer_name"), rs.getInt("priority"), keyAccount(rs),
            rs.getObject("requested_on", LocalDate.class), rs.getBigDecimal("amount"), ShippingStatus.valueOf(rs.getString("status")),
            rs.getObject("release_approval_id", Long.class));

    private static boolean keyAccount(java.sql.ResultSet rs) throws java.sql.SQLException {
        return CustomerEnums.Category.KEY_ACCOUNT.name().equals(rs.getString("category"));
    }

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final Benefits benefits;
    private final CreditCheck creditCheck;
    private final Approvals approvals;
    private final Policies policies;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final ShippingNotices notices;

    ShippingOrders(JdbcClient jdbc, Contracts contracts, Benefits benefits, CreditCheck creditCheck, Approvals approvals,
                   Policies policies, BusinessClock clock, ApplicationEventPublisher events, ShippingNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.benefits = benefits;
        this.creditCheck = creditCheck;
        this.approvals = approvals;
        this.policies = policies;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A DRAFT order for a signed contract in the scope: every line within what is left of the
     * contracted quantity (the contract's row locked meanwhile, so two orders never together ship
     * more). Returns its id.
     */
    @Transactional
    public long create(DataScope scope, Draft draft) {
        if (draft == null || draft.contractId() == null) {
            throw DomainException.invalid("contractId", "shipping.error.contractRequired");
        }
        ContractView contract = contracts.find(scope, draft.contractId()).orElseThrow(DomainException::notFound);
        if (contract.status() != ContractStatus.SIGNED) {
            throw DomainException.conflict("shipping.error.notSigned").with("status", contract.status().name());
        }
        if (draft.requestedOn() == null) {
            throw DomainException.invalid("requestedOn", "shipping.error.requestedOn");
        }
        if (draft.requestedOn().isBefore(contract.signedOn())) {
            throw DomainException.invalid("requestedOn", "shipping.error.beforeSigning", contract.signedOn().toString());
        }
        record Placement(Long ownerId, Long officeId, long departmentId, long companyId) {
        }
        Placement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM contract WHERE id = ? FOR UPDATE")
                .param(contract.id()).query((rs, n) -> new Placement(rs.getObject("owner_id", Long.class),
                        rs.getObject("office_id", Long.class), rs.getLong("department_id"), rs.getLong("company_id"))).single();
        Map<Integer, BigDecimal> ordered = new HashMap<>();
        jdbc.sql("""
                        SELECT l.contract_line_no, SUM(l.quantity) AS q FROM shipping_order_line l
                        JOIN shipping_order o ON o.id = l.order_id
                        WHERE o.contract_id = ? AND o.status <> 'CANCELLED' GROUP BY l.contract_line_no""")
                .param(contract.id()).query(rs -> {
                    ordered.put(rs.getInt("contract_line_no"), rs.getBigDecimal("q"));
                });
        refuseIfShippedWhole(contract);
        List<ShipmentQuantities.Requested> requested = draft.lines() == null ? null : draft.lines().stream()
                .map(l -> l == null ? null : new ShipmentQuantities.Requested(l.contractLineId(), l.quantity())).toList();
        ShipmentQuantities.check(contract.lines().stream().map(ContractView.Line::quantity).toList(), ordered, requested);
        int priority = benefits.of(scope, contract.customerId()).map(Benefit::shippingPriority)
                .orElseThrow(DomainException::notFound);

        List<ContractView.Line> lines = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ShipmentQuantities.Requested r : requested) {
            ContractView.Line l = contract.lines().get(r.contractLineId() - 1);
            BigDecimal amount = r.quantity().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            lines.add(l);
            amounts.add(amount);
            total = total.add(amount);
        }
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO shipping_order (contract_id, contract_number, customer_id, owner_id, office_id, department_id,
                                                    company_id, priority, requested_on, amount, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                .params(contract.id(), contract.number(), contract.customerId(), placement.ownerId(), placement.officeId(),
                        placement.departmentId(), placement.companyId(), priority, draft.requestedOn(), total, scope.userId(),
                        java.sql.Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (int i = 0; i < lines.size(); i++) {
            ContractView.Line l = lines.get(i);
            jdbc.sql("""
                            INSERT INTO shipping_order_line (order_id, line_no, contract_line_no, product_name, unit, quantity, amount)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i + 1, l.number(), l.product(), l.unit(), requested.get(i).quantity(), amounts.get(i)).update();
        }
        events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_CREATED", id,
                contract.number() + " " + total.toPlainString() + " requested " + draft.requestedOn()));
        return id;
    }

    /**
     * A contract recorded as shipped whole (the contract's own single shipment, before any order of
     * it shipped) has billed all its SHIPMENT installments: no order of it may bill again.
     */
    private void refuseIfShippedWhole(ContractView contract) {
        if (contract.shippedOn() != null && jdbc.sql("SELECT COUNT(*) FROM shipping_order WHERE contract_id = ? AND status = 'SHIPPED'")
                .param(contract.id()).query(Long.class).single() == 0) {
            throw DomainException.conflict("shipping.error.shippedWhole", contract.shippedOn().toString());
        }
    }

    /** Creates, confirms and releases (or blocks) an order in one transaction: the API's POST. */
    @Transactional
    public Order submit(DataScope scope, Draft draft) {
        long id = create(scope, draft);
        confirm(scope, id);
        release(scope, id);
        return load(scope, id);
    }

    /** The shipper confirms a DRAFT order. */
    @Transactional
    public void confirm(DataScope scope, long id) {
        Order o = load(scope, id);
        move(o, ShippingStatus.CONFIRMED, "shipping.error.notDraft", ShippingStatus.DRAFT);
        events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_CONFIRMED", id, o.contractNumber()));
    }

    /**
     * Runs the credit check of a CONFIRMED (or BLOCKED, e.g. after a payment) order for its amount
     * and releases or blocks it with the reasons. The customer's row stays locked until the
     * transaction ends: releases for one customer are checked one at a time.
     */
    @Transactional
    public ShippingStatus release(DataScope scope, long id) {
        Order o = load(scope, id);
        jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(o.customerId()).query(Long.class).single();
        o = load(scope, id);
        if (o.status() != ShippingStatus.CONFIRMED && o.status() != ShippingStatus.BLOCKED) {
            throw DomainException.conflict("shipping.error.notConfirmed").with("status", o.status().name());
        }
        if (o.status() == ShippingStatus.BLOCKED && o.releaseApprovalId() != null
                && approvals.open(SUBJECT, id).isPresent()) {
            throw DomainException.conflict("shipping.error.requestPending");
        }
        CreditCheck.Result result = creditCheck.check(o.customerId(), o.amount());
        jdbc.sql("DELETE FROM shipping_block WHERE order_id = ?").param(id).update();
        if (result.passed()) {
            jdbc.sql("UPDATE shipping_order SET status = 'RELEASED', released_on = ?, version = version + 1 WHERE id = ?")
                    .params(clock.today(), id).update();
            events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_RELEASED", id,
                    o.contractNumber() + " " + o.amount().toPlainString() + " (policy v" + result.policyVersionId() + ")"));
            return ShippingStatus.RELEASED;
        }
        int position = 0;
        for (CreditCheck.Reason r : result.reasons()) {
            String message = r.message().length() > 500 ? r.message().substring(0, 500) : r.message();
            jdbc.sql("INSERT INTO shipping_block (order_id, position, code, message, amount) VALUES (?, ?, ?, ?, ?)")
                    .params(id, ++position, r.code().name(), message, r.amount()).update();
        }
        jdbc.sql("UPDATE shipping_order SET status = 'BLOCKED', version = version + 1 WHERE id = ?").param(id).update();
        events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_BLOCKED", id, o.contractNumber() + " "
                + result.reasons().stream().map(r -> r.code() + " " + r.amount().toPlainString()).toList()));
        return ShippingStatus.BLOCKED;
    }

    /**
     * Asks for the release of a BLOCKED order: routed by its block reasons under the policy in force
     * (over the limit the GM, overdue the VP). Returns the approval id. CONFLICT when not blocked or
     * a request is pending.
     */
    @Transactional
    public long requestRelease(DataScope scope, long id) {
        Order o = load(scope, id);
        if (o.status() != ShippingStatus.BLOCKED) {
            throw DomainException.conflict("shipping.error.notBlocked").with("status", o.status().name());
        }
        if (approvals.open(SUBJECT, id).isPresent()) {
            throw DomainException.conflict("shipping.error.requestPending");
        }
        ShippingPolicy policy = ShippingPolicy.of(policies.current());
        List<Role> route = policy.route(o.reasons().stream().map(r -> BlockReason.valueOf(r.code())).toList());
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, id, "shipping.approval.title",
                List.of(o.contractNumber(), o.customerName(), o.amount().toPlainString(),
                        String.join(", ", o.reasons().stream().map(Reason::code).toList())),
                "/shipments/" + id, new Route.Roles(route), scope.userId()));
        String approvers = String.join(",", route.stream().map(Role::name).toList());
        jdbc.sql("UPDATE shipping_order SET release_approval_id = ?, release_approver = ?, version = version + 1 WHERE id = ?")
                .params(approvalId, approvers, id).update();
        events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_RELEASE_REQUESTED", id,
                o.contractNumber() + " → " + approvers + " (policy v" + policy.versionId() + ")"));
        return approvalId;
    }

    /**
     * The release request's end: approved releases the order today; any other end leaves it blocked.
     * The warehouse, the order's creator and the requester are told either way.
     */
    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        if (decided.outcome() == ApprovalOutcome.APPROVED) {
            int moved = jdbc.sql("""
                            UPDATE shipping_order SET status = 'RELEASED', released_on = ?, version = version + 1
                            WHERE id = ? AND status = 'BLOCKED' AND release_approval_id = ?""")
                    .params(clock.today(), decided.subjectId(), decided.approvalId()).update();
            if (moved > 0) {
                events.publishEvent(new ShippingChanged(CurrentActor.SYSTEM, "SHIPMENT_RELEASE_APPROVED", decided.subjectId(),
                        "approval " + decided.approvalId()));
                notices.releaseDecided(decided);
            }
            return;
        }
        notices.releaseDecided(decided);
        events.publishEvent(new ShippingChanged(CurrentActor.SYSTEM, "SHIPMENT_RELEASE_REFUSED", decided.subjectId(),
                decided.outcome() + " approval " + decided.approvalId() + (decided.comment() == null ? "" : ": " + decided.comment())));
    }

    /**
     * The goods of a RELEASED order left today: the contract records the part and raises the
     * receivables of its share of the SHIPMENT installments (from then on they are exposure as
     * receivables, no longer as a released order).
     */
    @Transactional
    public void ship(DataScope scope, long id) {
        Order o = load(scope, id);
        LocalDate today = clock.today();
        contracts.find(scope, o.contractId()).ifPresent(this::refuseIfShippedWhole);
        move(o, ShippingStatus.SHIPPED, "shipping.error.notReleased", ShippingStatus.RELEASED);
        jdbc.sql("UPDATE shipping_order SET shipped_on = ? WHERE id = ?").params(today, id).update();
        contracts.shipPart(o.contractId(), id, today, o.amount());
        events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_SHIPPED", id,
                o.contractNumber() + " " + o.amount().toPlainString() + " " + today));
    }

    /** Cancels an order not released yet; its quantities are free again. */
    @Transactional
    public void cancel(DataScope scope, long id) {
        Order o = load(scope, id);
        if (approvals.open(SUBJECT, id).isPresent()) {
            throw DomainException.conflict("shipping.error.requestPending");
        }
        move(o, ShippingStatus.CANCELLED, "shipping.error.notCancellable", ShippingStatus.DRAFT, ShippingStatus.CONFIRMED,
                ShippingStatus.BLOCKED);
        events.publishEvent(new ShippingChanged(CurrentActor.username(), "SHIPMENT_CANCELLED", id, o.contractNumber()));
    }

    private void move(Order o, ShippingStatus to, String refusal, ShippingStatus... from) {
        List<String> allowed = java.util.Arrays.stream(from).map(Enum::name).toList();
        if (!allowed.contains(o.status().name())) {
            throw DomainException.conflict(refusal).with("status", o.status().name());
        }
        String in = String.join(",", java.util.Collections.nCopies(allowed.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(to.name(), o.id()));
        params.addAll(allowed);
        if (jdbc.sql("UPDATE shipping_order SET status = ?, version = version + 1 WHERE id = ? AND status IN (" + in + ")")
                .params(params).update() == 0) {
            throw DomainException.conflict(refusal);
        }
    }

    /** The order, if inside the scope. */
    @Transactional(readOnly = true)
    public Optional<Order> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(id);
        return jdbc.sql(SELECT + p.sql() + " AND o.id = ?").params(params).query((rs, n) -> new Order(rs.getLong("id"),
                rs.getLong("contract_id"), rs.getString("contract_number"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getInt("priority"), keyAccount(rs), rs.getObject("requested_on", LocalDate.class), rs.getBigDecimal("amount"),
                ShippingStatus.valueOf(rs.getString("status")), rs.getObject("released_on", LocalDate.class),
                rs.getObject("shipped_on", LocalDate.class), rs.getObject("release_approval_id", Long.class),
                rs.getString("release_approver"), lines(id), reasons(id))).optional();
    }

    private List<Line> lines(long id) {
        return jdbc.sql("""
                        SELECT line_no, contract_line_no, product_name, unit, quantity, amount FROM shipping_order_line
                        WHERE order_id = ? ORDER BY line_no""").param(id)
                .query((rs, n) -> new Line(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5).stripTrailingZeros(), rs.getBigDecimal(6))).list();
    }

    private List<Reason> reasons(long id) {
        return jdbc.sql("SELECT code, message, amount FROM shipping_block WHERE order_id = ? ORDER BY position").param(id)
                .query((rs, n) -> new Reason(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    /** The release requests of an order, newest first (the page's approval trail). */
    @Transactional(readOnly = true)
    public List<ApprovalView> releaseRequests(DataScope scope, long id) {
        load(scope, id);
        return approvals.history(SUBJECT, id);
    }

    private Order load(DataScope scope, long id) {
        return find(scope, id).orElseThrow(DomainException::notFound);
    }

    /**
     * The queue in the scope: open orders (all but SHIPPED and CANCELLED) or those of one status,
     * by shipping priority (the customer's benefit), requested date, id; keyset pagination.
     */
    @Transactional(readOnly = true)
    public Page queue(DataScope scope, ShippingStatus status, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        DataScope.Predicate p = scope.predicate(COLUMNS);
        StringBuilder sql = new StringBuilder(SELECT).append(p.sql());
        List<Object> params = new ArrayList<>(p.params());
        if (status == null) {
            sql.append(" AND o.status IN ('DRAFT', 'CONFIRMED', 'BLOCKED', 'RELEASED')");
        } else {
            sql.append(" AND o.status = ?");
            params.add(status.name());
        }
        if (after != null) {
            String[] key = after.sortValue().split("\\|");
            int priority;
            LocalDate requestedOn;
            try {
                priority = Integer.parseInt(key[0]);
                requestedOn = LocalDate.parse(key[1]);
            } catch (RuntimeException e) {
                throw DomainException.invalid("cursor", "error.badCursor");
            }
            sql.append(" AND (o.priority > ? OR (o.priority = ? AND (o.requested_on > ? OR (o.requested_on = ? AND o.id > ?))))");
            params.addAll(List.of(priority, priority, requestedOn, requestedOn, after.id()));
        }
        sql.append(" ORDER BY o.priority, o.requested_on, o.id FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(ROW).list());
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            Row last = rows.get(limit - 1);
            next = new KeysetCursor(last.priority() + "|" + last.requestedOn(), last.id()).encode();
        }
        return new Page(List.copyOf(rows), next);
    }
}
