package io.zhidu.crm.credit;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistician's work list (动态管理, 6.2.4-2(3)): the customers in the caller's scope whose
 * credit file needs attention, each with every {@link FileReason} that applies as of today under
 * the policy in force. The SQL selects by the same conditions {@link CreditFilePolicy#reasons}
 * states, so a row never shows without a reason; keyset-paged by customer id.
 */
@Component
class CreditFileWorklist {

    /** What the list asks for; null fields do not filter. */
    record Filter(FileReason reason, Long officeId) {
    }

    record Row(long customerId, String customerName, String officeName, String ownerName, String rating, LocalDate validUntil,
               boolean onHold, LocalDate lastInvestigated, long openSlips, Set<FileReason> reasons) {
    }

    record Page(List<Row> rows, String nextCursor, CreditFilePolicy policy, LocalDate today) implements KeysetPage<Row> {
    }

    private final JdbcClient jdbc;
    private final Policies policies;
    private final BusinessClock clock;

    CreditFileWorklist(JdbcClient jdbc, Policies policies, BusinessClock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, FieldInvestigations.MAX_PAGE));
        LocalDate today = clock.today();
        CreditFilePolicy policy = CreditFilePolicy.of(policies.current());
        DataScope.Predicate p = scope.predicate(FieldInvestigations.COLUMNS);
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.name, o.name AS office_name, e.full_name AS owner_name, cc.rating, cc.valid_until, cc.on_hold,
                       (SELECT MAX(i.investigated_on) FROM credit_investigation i WHERE i.customer_id = c.id) AS last_investigated,
                       (SELECT COUNT(*) FROM credit_slip s WHERE s.customer_id = c.id AND s.status = 'OPEN') AS open_slips
                FROM customer c
                LEFT JOIN customer_credit cc ON cc.customer_id = c.id
                LEFT JOIN office o ON o.id = c.office_id
                LEFT JOIN employee e ON e.id = c.owner_id
                WHERE c.deleted_at IS NULL AND\s""").append(p.sql());
        List<Object> params = new ArrayList<>(p.params());
        if (f.officeId() != null) {
            sql.append(" AND c.office_id = ?");
            params.add(f.officeId());
        }
        List<FileReason> reasons = f.reason() == null ? List.of(FileReason.values()) : List.of(f.reason());
        List<String> any = new ArrayList<>();
        for (FileReason r : reasons) {
            switch (r) {
                case EXPIRED -> {
                    any.add("cc.valid_until < ?");
                    params.add(today);
                }
                case EXPIRING -> {
                    any.add("(cc.valid_until >= ? AND cc.valid_until <= ?)");
                    params.add(today);
                    params.add(policy.expiringUntil(today));
                }
                case NO_INVESTIGATION -> {
                    any.add("(cc.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM credit_investigation ni "
                            + "WHERE ni.customer_id = c.id AND ni.investigated_on >= ?))");
                    params.add(policy.investigatedSince(today));
                }
                case OPEN_SLIP -> any.add("EXISTS (SELECT 1 FROM credit_slip os WHERE os.customer_id = c.id AND os.status = 'OPEN')");
                case ON_HOLD -> any.add("cc.on_hold = TRUE");
            }
        }
        sql.append(" AND (").append(String.join(" OR ", any)).append(")");
        if (after != null) {
            sql.append(" AND c.id > ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY c.id FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
            boolean onHold = rs.getBoolean("on_hold");
            LocalDate last = rs.getObject("last_investigated", LocalDate.class);
            long open = rs.getLong("open_slips");
            return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("office_name"), rs.getString("owner_name"),
                    rs.getString("rating"), validUntil, onHold, last, open, policy.reasons(today, validUntil, onHold, last, open));
        }).list();
        return new Page(KeysetPage.shown(rows, limit), KeysetPage.next(rows, limit, Row::customerId), policy, today);
    }

    /** Every row of the filter in the scope, page by page (the Excel export). */
    void forEach(DataScope scope, Filter f, Consumer<Row> action) {
        KeysetPage.forEach(after -> page(scope, f, after, FieldInvestigations.MAX_PAGE), action);
    }
}
