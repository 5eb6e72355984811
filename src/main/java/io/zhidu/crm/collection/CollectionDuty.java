package io.zhidu.crm.collection;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.receivable.PastDue;
import io.zhidu.crm.receivable.ReceivableChanged;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily collections duty ({@code collections}), for the business date, under the policy in
 * force on it:
 * <ol>
 *   <li>closes the open cases none of whose receivables is open any more (paid or written off);</li>
 *   <li>walks the open receivables past due, in (due date, id) batches: one not yet in an open case
 *       joins its customer's open case or opens one (stage OFFICE, placed like the receivable);
 *       the salesperson is reminded when the receivable reaches a reminder day, each mark once
 *       (after skipped days only the highest passed mark); past the normal collection period the
 *       case passes to the planning dept, who are told with the owner and the office director.</li>
 * </ol>
 * Only the receivables needing work get a transaction (one each); a batch's case state is read in
 * one query. Re-running for the same date changes nothing. Payments and write-offs close settled
 * cases at once as well ({@link #on(ReceivableChanged)}).
 */
@Component
public class CollectionDuty implements ScheduledDuty {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final PastDue pastDue;
    private final CollectionCases cases;
    private final CollectionNotices notices;
    private final Policies policies;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    CollectionDuty(JdbcClient jdbc, PastDue pastDue, CollectionCases cases, CollectionNotices notices, Policies policies,
                   BusinessClock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.pastDue = pastDue;
        this.cases = cases;
        this.notices = notices;
        this.policies = policies;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "collections";
    }

    @Override
    public String cron() {
        return "0 0 1 * * *";
    }

    @Override
    public String descriptionKey() {
        return "job.collections";
    }

    /** What one run did. */
    private static final class Tally {
        int opened;
        int joined;
        int reminded;
        int handedOver;
        int closed;
    }

    /** The case a receivable is in, while that case is open. */
    private record Item(long caseId, int remindedMark, CaseStage stage) {
    }

    /** Runs the duty for the business date (the demo calls it with today's date to bring cases up to date). */
    @Override
    public String run(LocalDate today) {
        CollectionRules rules = CollectionRules.of(policies.on(today));
        Tally t = new Tally();
        closeSettled(today, t);
        chase(today, rules, t);
        return "opened " + t.opened + ", joined " + t.joined + ", reminded " + t.reminded + ", handed over " + t.handedOver
                + ", closed " + t.closed + " (policy " + rules.versionId() + ")";
    }

    private void closeSettled(LocalDate today, Tally t) {
        long after = 0;
        while (true) {
            List<Long> open = jdbc.sql("SELECT id FROM collection_case WHERE stage IN ('OFFICE', 'PLANNING') AND id > ? "
                            + "ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")
                    .param(after).query(Long.class).list();
            if (open.isEmpty()) {
                return;
            }
            Map<Long, List<Long>> items = cases.items(open);
            Set<Long> stillOpen = openOf(items.values().stream().flatMap(List::stream).toList());
            for (Long caseId : open) {
                boolean settled = items.getOrDefault(caseId, List.of()).stream().noneMatch(stillOpen::contains);
                if (settled && Boolean.TRUE.equals(tx.execute(s -> closeIfSettled(caseId, today)))) {
                    t.closed++;
                }
            }
            after = open.get(open.size() - 1);
        }
    }

    private Set<Long> openOf(List<Long> receivableIds) {
        Set<Long> open = new java.util.HashSet<>();
        cases.lines(receivableIds).stream().filter(PastDue.Line::open).forEach(l -> open.add(l.id()));
        return open;
    }

    /** Closes the case when none of its receivables is open (checked again inside the transaction). */
    private boolean closeIfSettled(long caseId, LocalDate today) {
        List<Long> ids = cases.items(List.of(caseId)).getOrDefault(caseId, List.of());
        if (!openOf(ids).isEmpty()) {
            return false;
        }
        int closed = jdbc.sql("""
                        UPDATE collection_case SET stage = 'CLOSED', closed_on = ?, open_customer_id = NULL, version = version + 1
                        WHERE id = ? AND stage <> 'CLOSED'""")
                .params(today, caseId).update();
        if (closed == 0) {
            return false;
        }
        cases.record(caseId, HistoryKind.CLOSED, today);
        events.publishEvent(new CollectionChanged(CurrentActor.username(), "COLLECTION_CASE_CLOSED", caseId, "settled " + today));
        return true;
    }

    private void chase(LocalDate today, CollectionRules rules, Tally t) {
        PastDue.After after = null;
        while (true) {
            List<PastDue.Overdue> batch = pastDue.batch(today, after, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, Item> items = openItems(batch.stream().map(PastDue.Overdue::id).toList());
            for (PastDue.Overdue r : batch) {
                Item item = items.get(r.id());
                int days = r.daysPastDue(today);
                boolean due = item == null || rules.reminderDue(days, item.remindedMark()).isPresent()
                        || (item.stage() == CaseStage.OFFICE && rules.handOverDue(days));
                if (due) {
                    tx.executeWithoutResult(s -> chase(r, today, rules, t));
                }
            }
            PastDue.Overdue last = batch.get(batch.size() - 1);
            after = new PastDue.After(last.dueOn(), last.id());
        }
    }

    /** The open cases the given receivables are in, by receivable. */
    private Map<Long, Item> openItems(List<Long> receivableIds) {
        Map<Long, Item> items = new HashMap<>();
        for (List<Long> chunk : CollectionCases.chunks(receivableIds)) {
            jdbc.sql("SELECT i.receivable_id, i.case_id, i.reminded_mark, k.stage FROM collection_item i "
                            + "JOIN collection_case k ON k.id = i.case_id "
                            + "WHERE k.stage <> 'CLOSED' AND i.receivable_id IN (" + CollectionCases.marks(chunk.size()) + ")")
                    .params(new ArrayList<>(chunk))
                    .query(rs -> {
                        items.put(rs.getLong("receivable_id"), new Item(rs.getLong("case_id"), rs.getInt("reminded_mark"),
                                CaseStage.valueOf(rs.getString("stage"))));
                    });
        }
        return items;
    }

    /** One receivable's work for the day, in one transaction: into a case, its reminder, the case's hand-over. */
    private void chase(PastDue.Overdue r, LocalDate today, CollectionRules rules, Tally t) {
        Item item = openItems(List.of(r.id())).get(r.id());
        if (item == null) {
            item = join(r, today, rules, t);
        }
        int days = r.daysPastDue(today);
        OptionalInt mark = rules.reminderDue(days, item.remindedMark());
        if (mark.isPresent() && jdbc.sql("UPDATE collection_item SET reminded_mark = ? WHERE case_id = ? AND receivable_id = ? "
                        + "AND reminded_mark < ?")
                .params(mark.getAsInt(), item.caseId(), r.id(), mark.getAsInt()).update() > 0) {
            Long salesperson = r.customerOwnerId() != null ? r.customerOwnerId() : r.ownerId();
            notices.tell(salesperson == null ? Set.of() : Set.of(salesperson), CollectionNotices.REMINDER,
                    "collection.notice.reminder", item.caseId(), r.customerName(), r.contractNumber(),
                    Integer.toString(r.installmentNumber()), r.openAmount().toPlainString(), r.dueOn().toString(),
                    Integer.toString(mark.getAsInt()));
            cases.record(item.caseId(), HistoryKind.REMINDED, today, r.contractNumber(), Integer.toString(r.installmentNumber()),
                    Integer.toString(mark.getAsInt()));
            t.reminded++;
        }
        if (item.stage() == CaseStage.OFFICE && rules.handOverDue(days) && handOver(item.caseId(), r, days, today, rules)) {
            t.handedOver++;
        }
    }

    /** Puts the receivable into its customer's open case, opening one when there is none. */
    private Item join(PastDue.Overdue r, LocalDate today, CollectionRules rules, Tally t) {
        Optional<Item> open = jdbc.sql("SELECT id, stage FROM collection_case WHERE open_customer_id = ? FOR UPDATE")
                .param(r.customerId())
                .query((rs, n) -> new Item(rs.getLong("id"), 0, CaseStage.valueOf(rs.getString("stage")))).optional();
        Item item;
        if (open.isPresent()) {
            item = open.get();
        } else {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO collection_case (customer_id, open_customer_id, stage, opened_on, owner_id, office_id,
                                                         department_id, company_id, policy_version_id)
                            VALUES (?, ?, 'OFFICE', ?, ?, ?, ?, ?, ?)""")
                    .params(r.customerId(), r.customerId(), today, r.ownerId(), r.officeId(), r.departmentId(), r.companyId(),
                            rules.versionId())
                    .update(keys, "id");
            item = new Item(keys.getKeyAs(Number.class).longValue(), 0, CaseStage.OFFICE);
            cases.record(item.caseId(), HistoryKind.OPENED, today, Long.toString(rules.versionId()));
            events.publishEvent(new CollectionChanged(CurrentActor.username(), "COLLECTION_CASE_OPENED", item.caseId(),
                    "customer " + r.customerId() + ", " + receivable(r)));
            t.opened++;
        }
        jdbc.sql("INSERT INTO collection_item (case_id, receivable_id, joined_on) VALUES (?, ?, ?)")
                .params(item.caseId(), r.id(), today).update();
        cases.record(item.caseId(), HistoryKind.JOINED, today, r.contractNumber(), Integer.toString(r.installmentNumber()),
                r.openAmount().toPlainString(), r.dueOn().toString());
        t.joined++;
        return item;
    }

    private boolean handOver(long caseId, PastDue.Overdue r, int days, LocalDate today, CollectionRules rules) {
        int moved = jdbc.sql("""
                        UPDATE collection_case SET stage = 'PLANNING', handed_over_on = ?, policy_version_id = ?, version = version + 1
                        WHERE id = ? AND stage = 'OFFICE'""")
                .params(today, rules.versionId(), caseId).update();
        if (moved == 0) {
            return false;
        }
        cases.record(caseId, HistoryKind.HANDED_OVER, today, r.contractNumber(), Integer.toString(r.installmentNumber()),
                Integer.toString(days), Integer.toString(rules.normalPeriodDays()), Long.toString(rules.versionId()));
        events.publishEvent(new CollectionChanged(CurrentActor.username(), "COLLECTION_HANDED_OVER", caseId,
                receivable(r) + " " + days + " days past due > " + rules.normalPeriodDays() + " (policy " + rules.versionId() + ")"));
        record Placement(Long ownerId, Long officeId, long companyId) {
        }
        Placement p = jdbc.sql("SELECT owner_id, office_id, company_id FROM collection_case WHERE id = ?").param(caseId)
                .query((rs, n) -> new Placement(rs.getObject("owner_id", Long.class), rs.getObject("office_id", Long.class),
                        rs.getLong("company_id"))).single();
        notices.tell(notices.handOverRecipients(p.companyId(), p.ownerId(), p.officeId()), CollectionNotices.HANDED_OVER,
                "collection.notice.handedOver", caseId, r.customerName(), Integer.toString(rules.normalPeriodDays()));
        return true;
    }

    private static String receivable(PastDue.Overdue r) {
        return r.contractNumber() + " #" + r.installmentNumber();
    }

    /** A payment or a write-off may settle a case: it closes at once rather than at the next run. */
    @ApplicationModuleListener
    void on(ReceivableChanged changed) {
        List<Long> receivables = switch (changed.action()) {
            case "PAYMENT_RECORDED" -> pastDue.settledBy(changed.id());
            case "RECEIVABLE_WRITTEN_OFF" -> List.of(changed.id());
            default -> List.of();
        };
        LocalDate today = clock.today();
        for (List<Long> chunk : CollectionCases.chunks(receivables)) {
            jdbc.sql("SELECT DISTINCT i.case_id FROM collection_item i JOIN collection_case k ON k.id = i.case_id "
                            + "WHERE k.stage <> 'CLOSED' AND i.receivable_id IN (" + CollectionCases.marks(chunk.size()) + ")")
                    .params(new ArrayList<>(chunk)).query(Long.class).list()
                    .forEach(caseId -> closeIfSettled(caseId, today));
        }
    }
}
