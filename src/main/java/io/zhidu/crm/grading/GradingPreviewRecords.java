package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.shared.scope.DataScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The what-if tables: previews and their rows; summaries and movers within a data scope. */
@Component
class GradingPreviewRecords {

    /** A row to insert. */
    record Row(long customerId, Long officeId, Grade currentGrade, Grade baseGrade, int baseTotal, Grade draftGrade, int draftTotal) {

        Direction direction() {
            return Direction.of(baseGrade, draftGrade);
        }
    }

    private static final String SELECT = """
            SELECT p.*, e.full_name AS started_by_name FROM grading_preview p LEFT JOIN employee e ON e.id = p.started_by
            """;

    private static final RowMapper<GradingPreview> PREVIEW = (rs, n) -> new GradingPreview(rs.getLong("id"),
            rs.getLong("policy_version_id"), rs.getLong("base_version_id"), rs.getString("rules_digest"),
            rs.getObject("as_of", LocalDate.class), GradingPreview.Status.valueOf(rs.getString("status")),
            rs.getLong("last_customer_id"), rs.getLong("max_customer_id"), rs.getInt("processed"), rs.getString("started_by_name"),
            instant(rs, "started_at"), instant(rs, "computed_at"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;

    GradingPreviewRecords(JdbcClient jdbc, JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    long insert(long versionId, long baseVersionId, String digest, LocalDate asOf, long maxCustomerId, Long userId, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grading_preview (policy_version_id, base_version_id, rules_digest, as_of, status, max_customer_id,
                                                     started_by, started_at)
                        VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)""")
                .params(versionId, baseVersionId, digest, asOf, maxCustomerId, userId, utc(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<GradingPreview> preview(long id) {
        return jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(PREVIEW).optional();
    }

    Optional<GradingPreview> latest(long versionId) {
        return jdbc.sql(SELECT + "WHERE p.policy_version_id = ? ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY").param(versionId)
                .query(PREVIEW).optional();
    }

    /** Removes the version's finished previews (a new one replaces them). */
    void dropFinished(long versionId) {
        jdbc.sql("DELETE FROM grading_preview WHERE policy_version_id = ? AND status <> 'RUNNING'").param(versionId).update();
    }

    void insertRows(long previewId, List<Row> rows) {
        batchJdbc.batchUpdate("""
                        INSERT INTO grading_preview_row (preview_id, customer_id, office_id, current_grade, base_grade, base_total,
                                                         draft_grade, draft_total, direction)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[]{previewId, r.customerId(), r.officeId(),
                        r.currentGrade() == null ? null : r.currentGrade().name(), r.baseGrade().name(), r.baseTotal(),
                        r.draftGrade().name(), r.draftTotal(), r.direction().name()}).toList());
    }

    /** Moves the preview past a batch; false if someone else moved it. */
    boolean advance(long id, long expectedLastId, long lastId, int count) {
        return jdbc.sql("""
                        UPDATE grading_preview SET last_customer_id = ?, processed = processed + ?
                        WHERE id = ? AND status = 'RUNNING' AND last_customer_id = ?""")
                .params(lastId, count, id, expectedLastId).update() == 1;
    }

    void finish(long id, GradingPreview.Status status, Instant at) {
        jdbc.sql("UPDATE grading_preview SET status = ?, computed_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status.name(), utc(at), id).update();
    }

    /** Per office, how many customers inside the scope move up, down or stay (one grouped pass). */
    List<GradingPreview.OfficeCounts> summary(DataScope scope, long previewId) {
        DataScope.Predicate p = scope.predicate(GradingRecords.COLUMNS);
        List<Object> params = new ArrayList<>(List.of(previewId));
        params.addAll(p.params());
        record Cell(Long officeId, String officeName, String direction, long n) {
        }
        List<Cell> cells = jdbc.sql("""
                        SELECT r.office_id, o.name AS office_name, r.direction, COUNT(*) AS n
                        FROM grading_preview_row r JOIN customer c ON c.id = r.customer_id LEFT JOIN office o ON o.id = r.office_id
                        WHERE r.preview_id = ? AND""" + " " + p.sql() + " GROUP BY r.office_id, o.name, r.direction ORDER BY o.name, r.office_id")
                .params(params)
                .query((rs, n) -> new Cell(rs.getObject("office_id", Long.class), rs.getString("office_name"), rs.getString("direction"),
                        rs.getLong("n"))).list();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Cell c : cells) {
            long key = c.officeId() == null ? 0L : c.officeId();
            names.put(key, c.officeName());
            counts.computeIfAbsent(key, k -> new long[3])[Direction.valueOf(c.direction()).ordinal()] += c.n();
        }
        List<GradingPreview.OfficeCounts> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new GradingPreview.OfficeCounts(k == 0L ? null : k, names.get(k), v[Direction.UP.ordinal()],
                v[Direction.DOWN.ordinal()], v[Direction.SAME.ordinal()])));
        return out;
    }

    /** A page of the movers inside the scope (direction UP or DOWN, or both when null), by customer id. */
    List<GradingPreview.Mover> movers(DataScope scope, long previewId, Direction direction, Long officeId, long afterCustomerId,
                                      int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.*, c.name AS customer_name, o.name AS office_name
                FROM grading_preview_row r JOIN customer c ON c.id = r.customer_id LEFT JOIN office o ON o.id = r.office_id
                WHERE r.preview_id = ? AND r.customer_id > ?""");
        List<Object> params = new ArrayList<>(List.of(previewId, afterCustomerId));
        if (direction == null || direction == Direction.SAME) {
            sql.append(" AND r.direction <> 'SAME'");
        } else {
            sql.append(" AND r.direction = ?");
            params.add(direction.name());
        }
        if (officeId != null) {
            sql.append(" AND r.office_id = ?");
            params.add(officeId);
        }
        DataScope.Predicate p = scope.predicate(GradingRecords.COLUMNS);
        sql.append(" AND ").append(p.sql());
        params.addAll(p.params());
        sql.append(" ORDER BY r.customer_id FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new GradingPreview.Mover(rs.getLong("customer_id"), rs.getString("customer_name"),
                        rs.getString("office_name"), grade(rs, "current_grade"), grade(rs, "base_grade"), rs.getInt("base_total"),
                        grade(rs, "draft_grade"), rs.getInt("draft_total"), Direction.valueOf(rs.getString("direction")))).list();
    }

    static Grade grade(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null || v.isBlank() ? null : Grade.valueOf(v.trim());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
