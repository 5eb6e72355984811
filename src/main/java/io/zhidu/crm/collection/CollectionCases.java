package io.zhidu.crm.collection;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.receivable.PastDue;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collection cases as people see and work them, always inside the caller's data scope (a case
 * outside it is absent): the keyset list with live open amounts, one case with its receivables,
 * actions and history, and logging an action.
 */
@Component
class CollectionCases {

    static final int MAX_PAGE = 200;
    static final int MAX_LOG = 200;
    static final int MAX_TEXT = 2000;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("k.owner_id", "k.office_id", "k.department_id", "k.company_id");

    /** What a list asks for; null fields do not filter. */
    record Filter(CaseStage stage, Long officeId, Long customerId) {
    }

    /** One case; {@code openAmount} is what its receivables have open now. */
    record Row(long id, long customerId, String customerName, CaseStage stage, LocalDate openedOn, LocalDate handedOverOn,
               LocalDate closedOn, Long ownerId, String ownerName, Long officeId, String officeName, long companyId,
               BigDecimal openAmount) {

        Row withOpenAmount(BigDecimal amount) {
            return new Row(id, customerId, customerName, stage, openedOn, handedOverOn, closedOn, ownerId, ownerName, officeId,
                    officeName, companyId, amount);
        }
    }

    record Page(List<Row> rows, String nextCursor) {
    }

    /** A logged action. */
    record Action(long id, ActionKind kind, LocalDate on, String text, LocalDate promisedOn, BigDecimal promisedAmount,
                  CaseStage stage, String actorName, Instant recordedAt) {
    }

    /** A history entry: what the duty did to the case, with the arguments of its message. */
    record History(long id, HistoryKind kind, LocalDate on, String actor, List<String> args) {

        /** The message arguments as the template hands them to the message source. */
        public Object[] argArray() {
            return args.toArray();
        }
    }

    /**
     * An action to log, as the form or the API sends it.
     *
     * @param on the day it was done (not in the future)
     */
    record ActionForm(ActionKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String text,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedOn, BigDecimal promisedAmount) {

        /** The form checked against the rules of an action as of {@code today}, trimmed; promise fields only for a promise. */
        ActionForm checked(LocalDate today) {
            if (kind == null) {
                throw DomainException.invalid("kind", "collection.error.kindRequired");
            }
            if (on == null) {
                throw DomainException.invalid("on", "collection.error.dateRequired");
            }
            if (on.isAfter(today)) {
                throw DomainException.invalid("on", "collection.error.dateFuture");
            }
            String t = text == null ? "" : text.strip();
            if (t.isEmpty()) {
                throw DomainException.invalid("text", "collection.error.textRequired");
            }
            if (t.length() > MAX_TEXT) {
                throw DomainException.invalid("text", "collection.error.textLong", MAX_TEXT);
            }
            if (kind != ActionKind.PROMISE_TO_PAY) {
                return new ActionForm(kind, on, t, null, null);
            }
            if (promisedOn == null) {
                throw DomainException.invalid("promisedOn", "collection.error.promisedOnRequired");
            }
            if (promisedOn.isBefore(on)) {
                throw DomainException.invalid("promisedOn", "collection.error.promisedOnBefore");
            }
            if (promisedAmount == null || promisedAmount.signum() <= 0) {
                throw DomainException.invalid("promisedAmount", "collection.error.amountPositive");
            }
            if (promisedAmount.stripTrailingZeros().scale() > 2 || promisedAmount.precision() - promisedAmount.scale() > 16) {
                throw DomainException.invalid("promisedAmount", "collection.error.amountCents");
            }
            return new ActionForm(kind, on, t, promisedOn, promisedAmount.setScale(2, java.math.RoundingMode.UNNECESSARY));
        }
    }

    private static final String SELECT = """
            SELECT k.id, k.customer_id, c.name AS customer_name, k.stage, k.opened_on, k.handed_over_on, k.closed_on,
                   k.owner_id, e.full_name AS owner_name, k.office_id, o.name AS office_name, k.company_id
            FROM collection_case k
            JOIN customer c ON c.id = k.customer_id
            LEFT JOIN employee e ON e.id = k.owner_id
            LEFT JOIN office o ON o.id = k.office_id
            WHERE\s""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("customer_name"), CaseStage.valueOf(rs.getString("stage")), rs.getObject("opened_on", LocalDate.class),
            rs.getObject("handed_over_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
            rs.getObject("owner_id", Long.class), rs.getString("owner_name"), rs.getObject("office_id", Long.class),
            rs.getString("office_name"), rs.getLong("company_id"), BigDecimal.ZERO);

    private final JdbcClient jdbc;
    private final PastDue pastDue;
    private final Staff staff;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    CollectionCases(JdbcClient jdbc, PastDue pastDue, Staff staff, BusinessClock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.pastDue = pastDue;
        this.staff = staff;
        this.clock = clock;
        this.events = events;
    }

    Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(id);
        return jdbc.sql(SELECT + p.sql() + " AND k.id = ?").params(params).query(ROW).optional()
                .map(r -> r.withOpenAmount(openAmounts(List.of(r.id())).getOrDefault(r.id(), BigDecimal.ZERO)));
    }

    /** A page of cases, newest first, with their open amounts read for the whole page at once. */
    Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        DataScope.Predicate p = scope.predicate(COLUMNS);
        StringBuilder sql = new StringBuilder(SELECT).append(p.sql());
        List<Object> params = new ArrayList<>(p.params());
        if (f.stage() != null) {
            sql.append(" AND k.stage = ?");
            params.add(f.stage().name());
        }
        if (f.officeId() != null) {
            sql.append(" AND k.office_id = ?");
            params.add(f.officeId());
        }
        if (f.customerId() != null) {
            sql.append(" AND k.customer_id = ?");
            params.add(f.customerId());
        }
        if (after != null) {
            sql.append(" AND k.id < ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY k.id DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(ROW).list());
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = new KeysetCursor(null, rows.get(limit - 1).id()).encode();
        }
        Map<Long, BigDecimal> open = openAmounts(rows.stream().map(Row::id).toList());
        return new Page(rows.stream().map(r -> r.withOpenAmount(open.getOrDefault(r.id(), BigDecimal.ZERO))).toList(), next);
    }

    /** Every case of the filter in the scope, page by page (exports). */
    void forEach(DataScope scope, Filter f, Consumer<Row> action) {
        KeysetCursor after = null;
        do {
            Page page = page(scope, f, after, MAX_PAGE);
            page.rows().forEach(action);
            after = KeysetCursor.decode(page.nextCursor());
        } while (after != null);
    }

    /** How many cases at the stage the scope holds, counting no further than {@code cap}. */
    long countAtStage(DataScope scope, CaseStage stage, int cap) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(stage.name());
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT k.id FROM collection_case k WHERE " + p.sql() + " AND k.stage = ? FETCH FIRST "
                        + cap + " ROWS ONLY) capped")
                .params(params).query(Long.class).single();
    }

    /** The receivable ids of the given cases, by case. */
    Map<Long, List<Long>> items(List<Long> caseIds) {
        Map<Long, List<Long>> byCase = new HashMap<>();
        for (List<Long> chunk : chunks(caseIds)) {
            jdbc.sql("SELECT case_id, receivable_id FROM collection_item WHERE case_id IN (" + marks(chunk.size()) + ")")
                    .params(new ArrayList<>(chunk))
                    .query(rs -> {
                        byCase.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(rs.getLong("receivable_id"));
                    });
        }
        return byCase;
    }

    /** The receivables of the given cases as they stand now. */
    List<PastDue.Line> lines(List<Long> receivableIds) {
        List<PastDue.Line> lines = new ArrayList<>();
        for (List<Long> chunk : chunks(receivableIds)) {
            lines.addAll(pastDue.lines(chunk));
        }
        return lines;
    }

    /** A case's receivables, oldest due first, with their live open amounts. */
    List<PastDue.Line> receivables(long caseId) {
        return lines(items(List.of(caseId)).getOrDefault(caseId, List.of())).stream()
                .sorted(java.util.Comparator.comparing(PastDue.Line::dueOn).thenComparing(PastDue.Line::id)).toList();
    }

    private Map<Long, BigDecimal> openAmounts(List<Long> caseIds) {
        Map<Long, List<Long>> items = items(caseIds);
        Map<Long, BigDecimal> openById = new HashMap<>();
        lines(items.values().stream().flatMap(List::stream).toList())
                .forEach(l -> openById.put(l.id(), l.open() ? l.openAmount() : BigDecimal.ZERO));
        Map<Long, BigDecimal> sums = new HashMap<>();
        items.forEach((caseId, ids) -> sums.put(caseId,
                ids.stream().map(id -> openById.getOrDefault(id, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return sums;
    }

    /** The latest actions of a case, newest first. */
    List<Action> actions(long caseId) {
        return jdbc.sql("""
                        SELECT a.id, a.kind, a.acted_on, a.note, a.promised_on, a.promised_amount, a.stage, e.full_name, a.recorded_at
                        FROM collection_action a JOIN employee e ON e.id = a.actor_id
                        WHERE a.case_id = ? ORDER BY a.id DESC FETCH FIRST""" + " " + MAX_LOG + " ROWS ONLY")
                .param(caseId)
                .query((rs, n) -> new Action(rs.getLong("id"), ActionKind.valueOf(rs.getString("kind")),
                        rs.getObject("acted_on", LocalDate.class), rs.getString("note"), rs.getObject("promised_on", LocalDate.class),
                        rs.getBigDecimal("promised_amount"), CaseStage.valueOf(rs.getString("stage")), rs.getString("full_name"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The latest history entries of a case, newest first. */
    List<History> history(long caseId) {
        return jdbc.sql("SELECT id, kind, happened_on, actor, detail FROM collection_history WHERE case_id = ? ORDER BY id DESC "
                        + "FETCH FIRST " + MAX_LOG + " ROWS ONLY")
                .param(caseId)
                .query((rs, n) -> new History(rs.getLong("id"), HistoryKind.valueOf(rs.getString("kind")),
                        rs.getObject("happened_on", LocalDate.class), rs.getString("actor"), split(rs.getString("detail"))))
                .list();
    }

    /** Appends a history entry; its arguments are stored '|'-separated for the entry's message. */
    void record(long caseId, HistoryKind kind, LocalDate on, String... args) {
        jdbc.sql("INSERT INTO collection_history (case_id, kind, happened_on, actor, detail) VALUES (?, ?, ?, ?, ?)")
                .params(caseId, kind.name(), on, CurrentActor.username(), String.join("|", args)).update();
    }

    private static List<String> split(String detail) {
        return detail == null || detail.isEmpty() ? List.of() : List.of(detail.split("\\|", -1));
    }

    /** Whether the user may log actions on the case now (the form is shown only then). */
    boolean mayAct(DataScope scope, Row c) {
        return c.stage().actionableBy(roles(scope));
    }

    private Set<Role> roles(DataScope scope) {
        return staff.byId(scope.userId()).map(StaffAccount::roles).orElse(Set.of());
    }

    /** Logs an action on a case in the caller's scope, by a user the case's stage admits; answers its id. */
    @Transactional
    long act(DataScope scope, long caseId, ActionForm form) {
        Row c = find(scope, caseId).orElseThrow(DomainException::notFound);
        if (c.stage() == CaseStage.CLOSED) {
            throw DomainException.conflict("collection.error.closed");
        }
        if (!mayAct(scope, c)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "collection.error.notYourStage." + c.stage().name(), null);
        }
        ActionForm a = form.checked(clock.today());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO collection_action (case_id, kind, acted_on, note, promised_on, promised_amount, stage, actor_id,
                                                       recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, a.kind().name(), a.on(), a.text(), a.promisedOn(), a.promisedAmount(), c.stage().name(),
                        scope.userId(), OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new CollectionChanged(CurrentActor.username(), "COLLECTION_ACTION_LOGGED", caseId,
                a.kind() + " " + a.on() + (a.promisedOn() == null ? "" : " promised " + a.promisedAmount().toPlainString()
                        + " by " + a.promisedOn()) + ": " + abbreviate(a.text())));
        return id;
    }

    Optional<Action> action(long caseId, long actionId) {
        return actions(caseId).stream().filter(a -> a.id() == actionId).findFirst();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
