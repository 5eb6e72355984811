package io.zhidu.crm.segment;

import io.zhidu.crm.contract.ContractGradingFigures;
import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.receivable.ReceivableGradingFigures;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duty {@code segment-refresh}: re-evaluates every RULE set over all live customers as of the
 * business date, in keyset batches by customer id, one transaction per batch. Facts come from the
 * customer row, one grouped contract query and one grouped receivable query per batch. Only changed
 * memberships are written, each with a history entry; a deleted customer loses its rule memberships.
 * Idempotent: a second run on the same data changes nothing. Also run on demand from the settings
 * screen and the API.
 */
@Component
class SegmentRefresh implements ScheduledDuty {

    static final int DEFAULT_BATCH = 500;
    /** Grace days passed to the receivable figures; only the open amount is used here. */
    private static final int GRACE_DAYS = 30;

    /** @param customers live customers evaluated; @param changed memberships added, moved or removed */
    record Result(int customers, int changed) {
    }

    private record Base(long id, Grade grade, Category category, Stage stage) {
    }

    private final JdbcClient jdbc;
    private final SegmentSets sets;
    private final ContractGradingFigures contracts;
    private final ReceivableGradingFigures receivables;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private int batchSize = DEFAULT_BATCH;

    SegmentRefresh(JdbcClient jdbc, SegmentSets sets, ContractGradingFigures contracts, ReceivableGradingFigures receivables,
                   TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sets = sets;
        this.contracts = contracts;
        this.receivables = receivables;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public String name() {
        return "segment-refresh";
    }

    @Override
    public String cron() {
        return "0 40 1 * * *";
    }

    @Override
    public String descriptionKey() {
        return "segment.duty.refresh";
    }

    @Override
    public String run(LocalDate businessDate) {
        Result r = refresh(businessDate);
        return r.customers() + " customers, " + r.changed() + " segment changes";
    }

    /** For tests: a smaller batch shows the keyset paging at work. */
    void batchSize(int size) {
        this.batchSize = Math.max(1, size);
    }

    Result refresh(LocalDate asOf) {
        List<SegmentSet> ruleSets = sets.all().stream().filter(s -> s.kind() == SegmentSet.Kind.RULE).toList();
        if (ruleSets.isEmpty()) {
            return new Result(0, 0);
        }
        LocalDate from = asOf.minusMonths(12).plusDays(1);
        long after = 0;
        int customers = 0;
        int changed = 0;
        while (true) {
            List<Base> batch = jdbc.sql("""
                            SELECT id, grade, category, stage FROM customer WHERE id > ? AND deleted_at IS NULL
                            ORDER BY id FETCH FIRST ? ROWS ONLY""")
                    .params(after, batchSize)
                    .query((rs, n) -> new Base(rs.getLong("id"), rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade").trim()),
                            Category.valueOf(rs.getString("category")), Stage.valueOf(rs.getString("stage")))).list();
            long upTo = batch.isEmpty() ? Long.MAX_VALUE : batch.get(batch.size() - 1).id();
            Map<Long, CustomerFacts> facts = batch.isEmpty() ? Map.of() : facts(batch, after, upTo, from, asOf);
            long lower = after;
            changed += Objects.requireNonNull(tx.execute(s -> apply(ruleSets, facts, lower, upTo)));
            customers += batch.size();
            if (batch.isEmpty()) {
                break;
            }
            after = upTo;
        }
        events.publishEvent(SegmentChanged.refreshed(CurrentActor.username(), "as of " + asOf + ": " + customers + " customers, "
                + changed + " changes"));
        return new Result(customers, changed);
    }

    private Map<Long, CustomerFacts> facts(List<Base> batch, long after, long upTo, LocalDate from, LocalDate asOf) {
        Map<Long, ContractGradingFigures.Figures> c = contracts.of(after, upTo, from, asOf);
        Map<Long, ReceivableGradingFigures.Figures> r = receivables.of(after, upTo, from, asOf, GRACE_DAYS);
        Map<Long, CustomerFacts> out = new HashMap<>();
        for (Base b : batch) {
            ContractGradingFigures.Figures cf = c.get(b.id());
            ReceivableGradingFigures.Figures rf = r.get(b.id());
            int years = cf == null || cf.firstSignedOn() == null ? 0 : Period.between(cf.firstSignedOn(), asOf).getYears();
            out.put(b.id(), new CustomerFacts(b.grade(), b.category(), b.stage(),
                    cf == null || cf.amount() == null ? BigDecimal.ZERO : cf.amount(),
                    rf == null || rf.open() == null ? BigDecimal.ZERO : rf.open(), years));
        }
        return out;
    }

    /** Brings the rule memberships of customers with id in {@code (after, upTo]} in line with their facts. */
    private int apply(List<SegmentSet> ruleSets, Map<Long, CustomerFacts> facts, long after, long upTo) {
        String in = ruleSets.stream().map(x -> "?").collect(Collectors.joining(", "));
        List<Object> params = new java.util.ArrayList<>(ruleSets.stream().map(SegmentSet::code).toList());
        params.add(after);
        params.add(upTo);
        Map<String, String> existing = new HashMap<>();
        jdbc.sql("SELECT customer_id, set_code, segment_code FROM customer_segment WHERE set_code IN (" + in
                        + ") AND customer_id > ? AND customer_id <= ?").params(params)
                .query(rs -> {
                    existing.put(rs.getLong("customer_id") + "/" + rs.getString("set_code"), rs.getString("segment_code"));
                });
        Map<String, String> wanted = new HashMap<>();
        facts.forEach((id, f) -> ruleSets.forEach(set -> set.classify(f).ifPresent(s -> wanted.put(id + "/" + set.code(), s.code()))));
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = 0;
        java.util.Set<String> keys = new java.util.HashSet<>(existing.keySet());
        keys.addAll(wanted.keySet());
        for (String key : keys) {
            String old = existing.get(key);
            String neu = wanted.get(key);
            if (Objects.equals(old, neu)) {
                continue;
            }
            long customerId = Long.parseLong(key.substring(0, key.indexOf('/')));
            String setCode = key.substring(key.indexOf('/') + 1);
            if (old != null) {
                jdbc.sql("DELETE FROM customer_segment WHERE customer_id = ? AND set_code = ?").params(customerId, setCode).update();
            }
            if (neu != null) {
                jdbc.sql("INSERT INTO customer_segment (customer_id, set_code, segment_code, assigned_by, assigned_at) VALUES (?, ?, ?, NULL, ?)")
                        .params(customerId, setCode, neu, now).update();
            }
            jdbc.sql("""
                            INSERT INTO customer_segment_change (customer_id, set_code, old_segment, new_segment, reason, changed_by, changed_at)
                            VALUES (?, ?, ?, ?, NULL, NULL, ?)""")
                    .params(customerId, setCode, old, neu, now).update();
            changed++;
        }
        return changed;
    }
}
