package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The tables {@code customer_credit} and {@code credit_change}. Callers have checked the data scope. */
@Component
class CreditRecords {

    static final int HISTORY = 50;
    static final int SLICE = 500;

    private static final RowMapper<CreditTerms> TERMS = (rs, n) -> new CreditTerms(rs.getString("rating"),
            rs.getBigDecimal("credit_limit"), TermsForm.valueOf(rs.getString("terms_form")), rs.getInt("terms_days"),
            rs.getObject("valid_until", LocalDate.class), rs.getBoolean("on_hold"));

    private static final RowMapper<CreditChange> CHANGE = (rs, n) -> new CreditChange(rs.getLong("id"), rs.getLong("customer_id"),
            ChangeKind.valueOf(rs.getString("kind")), ChangeStatus.valueOf(rs.getString("status")),
            rs.getString("new_rating"), rs.getBigDecimal("new_limit"), form(rs, "new_terms_form"),
            rs.getObject("new_terms_days", Integer.class), rs.getObject("new_valid_until", LocalDate.class),
            rs.getObject("new_on_hold", Boolean.class), rs.getString("old_rating"), rs.getBigDecimal("old_limit"),
            form(rs, "old_terms_form"), rs.getObject("old_terms_days", Integer.class),
            rs.getObject("old_valid_until", LocalDate.class), rs.getObject("old_on_hold", Boolean.class), rs.getString("reason"),
            rs.getObject("approval_id", Long.class), rs.getString("approver_role"), rs.getLong("policy_version_id"),
            rs.getString("proposed_by_name"), instant(rs, "proposed_at"), rs.getString("decided_by_name"),
            instant(rs, "decided_at"));

    private static final String CHANGES = """
            SELECT ch.*, p.full_name AS proposed_by_name, d.full_name AS decided_by_name
            FROM credit_change ch
            JOIN employee p ON p.id = ch.proposed_by
            LEFT JOIN employee d ON d.id = ch.decided_by
            """;

    private final JdbcClient jdbc;

    CreditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CreditTerms> terms(long customerId) {
        return jdbc.sql("SELECT * FROM customer_credit WHERE customer_id = ?").param(customerId).query(TERMS).optional();
    }

    /** The credit of each given customer that has one. */
    Map<Long, CreditTerms> terms(Collection<Long> customerIds) {
        List<Long> ids = customerIds.stream().distinct().sorted().toList();
        Map<Long, CreditTerms> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
            jdbc.sql("SELECT * FROM customer_credit WHERE customer_id IN (" + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")")
                    .params(new ArrayList<Object>(slice))
                    .query((rs, n) -> Map.entry(rs.getLong("customer_id"), TERMS.mapRow(rs, n)))
                    .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A new change; PENDING ones take the customer's one open slot (a second fails on the unique key). */
    long insert(long customerId, ChangeKind kind, ChangeStatus status, CreditTerms proposed, String reason, String approverRole,
                long policyVersionId, long proposedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO credit_change (customer_id, kind, status, new_rating, new_limit, new_terms_form, new_terms_days,
                                                   new_valid_until, new_on_hold, reason, approver_role, policy_version_id,
                                                   proposed_by, proposed_at, open_customer_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, kind.name(), status.name(), proposed == null ? null : proposed.rating(),
                        proposed == null ? null : proposed.limit(), proposed == null ? null : proposed.form().name(),
                        proposed == null ? null : proposed.days(), proposed == null ? null : proposed.validUntil(),
                        kind == ChangeKind.CHANGE ? null : kind == ChangeKind.HOLD, reason, approverRole, policyVersionId, proposedBy,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        status == ChangeStatus.PENDING ? customerId : null)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void approval(long changeId, long approvalId) {
        jdbc.sql("UPDATE credit_change SET approval_id = ? WHERE id = ?").params(approvalId, changeId).update();
    }

    Optional<CreditChange> change(long id) {
        return jdbc.sql(CHANGES + "WHERE ch.id = ?").param(id).query(CHANGE).optional();
    }

    /** The pending change of a customer, if any. */
    Optional<CreditChange> pending(long customerId) {
        return jdbc.sql(CHANGES + "WHERE ch.open_customer_id = ?").param(customerId).query(CHANGE).optional();
    }

    /** The latest changes, newest first. */
    List<CreditChange> history(long customerId) {
        return jdbc.sql(CHANGES + "WHERE ch.customer_id = ? ORDER BY ch.id DESC FETCH FIRST " + HISTORY + " ROWS ONLY")
                .param(customerId).query(CHANGE).list();
    }

    /** Ends a change: its status, who decided and when, what was in force before and what took effect. */
    void close(long changeId, ChangeStatus status, Long decidedBy, Instant at, CreditTerms old, LocalDate validUntil) {
        jdbc.sql("""
                        UPDATE credit_change SET status = ?, decided_by = ?, decided_at = ?, open_customer_id = NULL,
                               old_rating = ?, old_limit = ?, old_terms_form = ?, old_terms_days = ?, old_valid_until = ?,
                               old_on_hold = ?, new_valid_until = COALESCE(?, new_valid_until)
                        WHERE id = ?""")
                .params(status.name(), decidedBy, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        old == null ? null : old.rating(), old == null ? null : old.limit(),
                        old == null ? null : old.form().name(), old == null ? null : old.days(),
                        old == null ? null : old.validUntil(), old == null ? null : old.onHold(), validUntil, changeId)
                .update();
    }

    /** Puts the granted rating, limit, terms and validity in force, keeping the hold as it is. */
    void grant(long customerId, CreditTerms t, Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE customer_credit SET rating = ?, credit_limit = ?, terms_form = ?, terms_days = ?, valid_until = ?,
                               updated_at = ?, version = version + 1
                        WHERE customer_id = ?""")
                .params(t.rating(), t.limit(), t.form().name(), t.days(), t.validUntil(), now, customerId).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO customer_credit (customer_id, rating, credit_limit, terms_form, terms_days, valid_until,
                                                         on_hold, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)""")
                    .params(customerId, t.rating(), t.limit(), t.form().name(), t.days(), t.validUntil(), now).update();
        }
    }

    /** Sets the hold; false when the customer has no credit or it already stands so. */
    boolean hold(long customerId, boolean onHold, Instant at) {
        return jdbc.sql("""
                        UPDATE customer_credit SET on_hold = ?, updated_at = ?, version = version + 1
                        WHERE customer_id = ? AND on_hold <> ?""")
                .params(onHold, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), customerId, onHold).update() > 0;
    }

    private static TermsForm form(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : TermsForm.valueOf(v);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
