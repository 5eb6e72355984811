package io.zhidu.crm.approval;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "My approvals" (我的审批): the requests waiting for me, the ones I submitted, the ones I decided,
 * newest first and keyset-paginated by id; and who may see a request at all. Every rule is in
 * the SQL. A role step waits for the role's holders, so "for me" matches my roles as they are now.
 */
@Component
class ApprovalInbox {

    static final int MAX_PAGE = 200;

    /** The three lists of the inbox ({@code mine=pending|requested|decided}). */
    enum Mailbox {
        /** Open requests whose current step I may decide (never my own). */
        PENDING,
        /** Requests I submitted. */
        REQUESTED,
        /** Requests where I decided a step. */
        DECIDED;

        static Mailbox of(String value) {
            if (value == null || value.isBlank()) {
                return PENDING;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("mine", "approval.mine.unknown");
            }
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String labelKey() {
            return "approval.inbox." + param();
        }
    }

    /** One request in a list. */
    record Row(long id, String subjectType, long subjectId, String titleKey, List<String> titleArgs, String link,
               ApprovalStatus status, long requesterId, String requesterName, Instant submittedAt, Instant closedAt,
               Integer currentStep) {

        /** The title's arguments as message arguments. */
        public Object[] titleArguments() {
            return titleArgs.toArray();
        }
    }

    record Page(List<Row> rows, String nextCursor) {
    }

    private static final String SELECT = """
            SELECT a.id, a.subject_type, a.subject_id, a.title_key, a.title_args, a.link, a.status, a.requester_id,
                   a.requester_name, a.submitted_at, a.closed_at, a.current_step
            FROM approval a
            """;

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("subject_type"),
            rs.getLong("subject_id"), rs.getString("title_key"), TitleArgs.read(rs.getString("title_args")),
            rs.getString("link"), ApprovalStatus.valueOf(rs.getString("status")), rs.getLong("requester_id"),
            rs.getString("requester_name"), instant(rs.getObject("submitted_at", OffsetDateTime.class)),
            instant(rs.getObject("closed_at", OffsetDateTime.class)), rs.getObject("current_step", Integer.class));

    private final JdbcClient jdbc;

    ApprovalInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page page(Mailbox box, long me, Set<Role> myRoles, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(where(box, me, myRoles, params));
        if (after != null) {
            sql.append(" AND a.id < ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY a.id DESC LIMIT ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new KeysetCursor("", rows.get(limit - 1).id()).encode();
        }
        return new Page(rows, next);
    }

    /** How many requests wait for me, counted up to {@code cap} (the top bar shows "99+" beyond). */
    int pendingCount(long me, Set<Role> myRoles, int cap) {
        List<Object> params = new ArrayList<>();
        String inner = "SELECT a.id FROM approval a " + where(Mailbox.PENDING, me, myRoles, params) + " LIMIT ?";
        params.add(cap);
        return jdbc.sql("SELECT COUNT(*) FROM (" + inner + ") capped").params(params).query(Integer.class).single();
    }

    /** May this member of staff see the request: its requester, or an approver (by person, role or decision) of any step? */
    boolean visible(long approvalId, long me, Set<Role> myRoles) {
        List<Object> params = new ArrayList<>();
        params.add(approvalId);
        params.add(me);
        params.add(me);
        params.add(me);
        String sql = """
                SELECT COUNT(*) FROM approval a WHERE a.id = ? AND (a.requester_id = ? OR EXISTS (
                    SELECT 1 FROM approval_step v WHERE v.approval_id = a.id
                    AND (v.approver_id = ? OR v.decided_by = ? OR %s)))""".formatted(roleIn("v.approver_role", myRoles, params));
        return jdbc.sql(sql).params(params).query(Integer.class).single() > 0;
    }

    private static String where(Mailbox box, long me, Set<Role> myRoles, List<Object> params) {
        return switch (box) {
            case PENDING -> {
                params.add(me);
                params.add(me);
                yield """
                        JOIN approval_step s ON s.approval_id = a.id AND s.step_no = a.current_step
                        WHERE a.status = 'PENDING' AND a.requester_id <> ? AND (s.approver_id = ? OR %s)"""
                        .formatted(roleIn("s.approver_role", myRoles, params));
            }
            case REQUESTED -> {
                params.add(me);
                yield "WHERE a.requester_id = ?";
            }
            case DECIDED -> {
                params.add(me);
                yield "WHERE EXISTS (SELECT 1 FROM approval_step d WHERE d.approval_id = a.id AND d.decided_by = ?)";
            }
        };
    }

    private static String roleIn(String column, Set<Role> roles, List<Object> params) {
        if (roles.isEmpty()) {
            return "1=0";
        }
        roles.stream().sorted().forEach(r -> params.add(r.name()));
        return column + " IN (" + String.join(", ", Collections.nCopies(roles.size(), "?")) + ")";
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
