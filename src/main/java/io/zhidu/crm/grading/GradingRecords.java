package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.grading.Proposal.Review;
import io.zhidu.crm.shared.jdbc.BulkInsert;
import io.zhidu.crm.shared.jdbc.Cursors;
import io.zhidu.crm.shared.scope.DataScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The grading tables: influence and its changes, runs, proposals, grade history; and the batch of
 * customers a run grades next. Callers have checked the data scope unless a method takes one.
 */
@Component
class GradingRecords {

    static final int HISTORY = 50;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    /** A customer as a run sees it. */
    record Graded(long id, Grade grade, Category category, Long ownerId, Long officeId) {
    }

    record InfluenceChange(Integer oldPoints, int points, String reason, String setBy, Instant setAt) {
    }

    record HistoryEntry(Grade oldGrade, Grade newGrade, Category oldCategory, Category newCategory, String source,
                        Long approvalId, LocalDate effectiveOn, long proposalId) {
    }

    private static final String PROPOSALS = """
            SELECT p.*, c.name AS customer_name, c.owner_id AS customer_owner, o.name AS office_name, e.full_name AS proposed_by_name
            FROM grading_proposal p
            JOIN customer c ON c.id = p.customer_id
            LEFT JOIN office o ON o.id = p.office_id
            LEFT JOIN employee e ON e.id = p.proposed_by
            """;

    private static final RowMapper<Proposal> PROPOSAL = (rs, n) -> new Proposal(rs.getLong("id"), rs.getObject("run_id", Long.class),
            rs.getLong("customer_id"), rs.getString("customer_name"), rs.getObject("customer_owner", Long.class),
            rs.getObject("office_id", Long.class), rs.getString("office_name"), rs.getObject("as_of", LocalDate.class),
            rs.getLong("policy_version_id"),
            new GradingInputs(rs.getBigDecimal("contract_amount"), rs.getBigDecimal("list_amount"),
                    rs.getObject("first_signed_on", LocalDate.class), rs.getBoolean("arrears"), rs.getBigDecimal("open_receivables"),
                    rs.getObject("influence", Integer.class)),
            rs.getInt("total"), grade(rs, "computed_grade"), Category.valueOf(rs.getString("computed_category")),
            grade(rs, "current_grade"), Category.valueOf(rs.getString("current_category")), grade(rs, "final_grade"),
            Category.valueOf(rs.getString("final_category")), Direction.valueOf(rs.getString("direction")),
            Review.valueOf(rs.getString("review")), rs.getString("reason"), Proposal.Status.valueOf(rs.getString("status")),
            rs.getObject("approval_id", Long.class), rs.getString("proposed_by_name"), instant(rs, "proposed_at"));

    private static final RowMapper<GradingRun> RUN = (rs, n) -> new GradingRun(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
            GradingRun.Status.valueOf(rs.getString("status")), rs.getLong("policy_version_id"), rs.getLong("last_customer_id"),
            rs.getLong("max_customer_id"), rs.getInt("processed"), rs.getString("started_by_name"), instant(rs, "started_at"),
            instant(rs, "computed_at"), rs.getObject("approval_id", Long.class), instant(rs, "decided_at"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final JdbcClient cursor;
    private final BulkInsert bulk;

    GradingRecords(JdbcClient jdbc, JdbcTemplate batchJdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.cursor = Cursors.client(dataSource);
        this.bulk = new BulkInsert(dataSource);
    }

    // ---- influence (6.1.1-3(4))

    Optional<Integer> influence(long customerId) {
        return jdbc.sql("SELECT points FROM grading_influence WHERE customer_id = ?").param(customerId).query(Integer.class).optional();
    }

    Map<Long, Integer> influence(long afterId, long upToId) {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("SELECT customer_id, points FROM grading_influence WHERE customer_id > ? AND customer_id <= ?")
                .params(afterId, upToId).query(rs -> {
                    out.put(rs.getLong("customer_id"), rs.getInt("points"));
                });
        return out;
    }

    /** A customer's strategic influence rating. */
    record Rated(long customerId, int points) {
    }

    /** The ratings of the customers with id in {@code (afterId, upToId]}, in customer order, fetched in slices (read inside a transaction). */
    Stream<Rated> influenceStream(long afterId, long upToId) {
        return cursor.sql("SELECT customer_id, points FROM grading_influence WHERE customer_id > ? AND customer_id <= ? ORDER BY customer_id")
                .params(afterId, upToId).query((rs, n) -> new Rated(rs.getLong("customer_id"), rs.getInt("points"))).stream();
    }

    void rate(long customerId, Integer oldPoints, int points, String reason, long userId, Instant at) {
        OffsetDateTime now = utc(at);
        int updated = jdbc.sql("UPDATE grading_influence SET points = ?, set_by = ?, set_at = ? WHERE customer_id = ?")
                .params(points, userId, now, customerId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO grading_influence (customer_id, points, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(customerId, points, userId, now).update();
        }
        jdbc.sql("""
                        INSERT INTO grading_influence_change (customer_id, old_points, points, reason, set_by, set_at)
                        VALUES (?, ?, ?, ?, ?, ?)""").params(customerId, oldPoints, points, reason, userId, now).update();
    }

    List<InfluenceChange> influenceHistory(long customerId) {
        return jdbc.sql("""
                        SELECT ic.old_points, ic.points, ic.reason, e.full_name, ic.set_at FROM grading_influence_change ic
                        JOIN employee e ON e.id = ic.set_by WHERE ic.customer_id = ? ORDER BY ic.id DESC FETCH FIRST 50 ROWS ONLY""")
                .param(customerId)
                .query((rs, n) -> new InfluenceChange(rs.getObject("old_points", Integer.class), rs.getInt("points"),
                        rs.getString("reason"), rs.getString("full_name"), instant(rs, "set_at"))).list();
    }

    // ---- the customers a run grades

    /** The next active customers after {@code afterId} up to {@code maxId}, in id order. */
    List<Graded> customers(long afterId, long maxId, int limit) {
        return jdbc.sql("""
                        SELECT id, grade, category, owner_id, office_id FROM customer
                        WHERE id > ? AND id <= ? AND deleted_at IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY""")
                .params(afterId, maxId, limit).query(GradingRecords::graded).list();
    }

    /** The active customers with id in {@code (afterId, maxId]}, in id order, fetched in slices (read inside a transaction). */
    Stream<Graded> customerStream(long afterId, long maxId) {
        return cursor.sql("SELECT id, grade, category, owner_id, office_id FROM customer WHERE id > ? AND id <= ? AND deleted_at IS NULL ORDER BY id")
                .params(afterId, maxId).query(GradingRecords::graded).stream();
    }

    Optional<Graded> customer(long id) {
        return jdbc.sql("SELECT id, grade, category, owner_id, office_id FROM customer WHERE id = ? AND deleted_at IS NULL")
                .param(id).query(GradingRecords::graded).optional();
    }

    long maxCustomerId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM customer").query(Long.class).single();
    }

    private static Graded graded(ResultSet rs, int n) throws SQLException {
        return new Graded(rs.getLong("id"), grade(rs, "grade"), Category.valueOf(rs.getString("category")),
                rs.getObject("owner_id", Long.class), rs.getObject("office_id", Long.class));
    }

    // ---- runs

    /** A new RUNNING run; fails on the unique open slot while another run is not decided yet. */
    long insertRun(LocalDate asOf, long policyVersionId, long maxCustomerId, Long startedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO grading_run (as_of, status, policy_version_id, max_customer_id, started_by, started_at, open_key)
                        VALUES (?, 'RUNNING', ?, ?, ?, ?, 'OPEN')""")
                .params(asOf, policyVersionId, maxCustomerId, startedBy, utc(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<GradingRun> run(long id) {
        return jdbc.sql("""
                        SELECT r.*, e.full_name AS started_by_name FROM grading_run r LEFT JOIN employee e ON e.id = r.started_by
                        WHERE r.id = ?""").param(id).query(RUN).optional();
    }

    /** The latest runs, newest first. */
    List<GradingRun> runs(int limit) {
        return jdbc.sql("""
                        SELECT r.*, e.full_name AS started_by_name FROM grading_run r LEFT JOIN employee e ON e.id = r.started_by
                        ORDER BY r.id DESC FETCH FIRST ? ROWS ONLY""").param(limit).query(RUN).list();
    }

    Optional<GradingRun> openRun() {
        return jdbc.sql("""
                        SELECT r.*, e.full_name AS started_by_name FROM grading_run r LEFT JOIN employee e ON e.id = r.started_by
                        WHERE r.open_key = 'OPEN'""").query(RUN).optional();
    }

    Optional<GradingRun> runByApproval(long approvalId) {
        return jdbc.sql("""
                        SELECT r.*, e.full_name AS started_by_name FROM grading_run r LEFT JOIN employee e ON e.id = r.started_by
                        WHERE r.approval_id = ?""").param(approvalId).query(RUN).optional();
    }

    boolean anyRunOn(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM grading_run WHERE as_of >= ? AND as_of <= ? AND status <> 'REJECTED'")
                .params(from, to).query(Long.class).single() > 0;
    }

    /** Moves the run past a batch; false if someone else moved it (the batch is then rolled back). */
    boolean advance(long runId, long expectedLastId, long lastId, int count) {
        return jdbc.sql("""
                        UPDATE grading_run SET last_customer_id = ?, processed = processed + ?
                        WHERE id = ? AND status = 'RUNNING' AND last_customer_id = ?""")
                .params(lastId, count, runId, expectedLastId).update() == 1;
    }

    /** Moves the run from one status to the next; false when it was not in {@code from} (another worker moved it). */
    boolean runStatus(long runId, GradingRun.Status from, GradingRun.Status to, Instant at) {
        String column = to == GradingRun.Status.REVIEW ? "computed_at" : "decided_at";
        boolean open = to != GradingRun.Status.APPROVED && to != GradingRun.Status.REJECTED;
        return jdbc.sql("UPDATE grading_run SET status = ?, " + column + " = ?, open_key = " + (open ? "open_key" : "NULL")
                        + " WHERE id = ? AND status = ?")
                .params(to.name(), utc(at), runId, from.name()).update() == 1;
    }

    void runSubmitted(long runId, long approvalId) {
        jdbc.sql("UPDATE grading_run SET status = 'SUBMITTED', approval_id = ? WHERE id = ? AND status = 'REVIEW'")
                .params(approvalId, runId).update();
    }

    // ---- proposals

    private static final List<String> PROPOSAL_COLUMNS = List.of("run_id", "customer_id", "office_id", "as_of",
            "policy_version_id", "contract_amount", "list_amount", "first_signed_on", "arrears", "open_receivables", "influence",
            "total", "computed_grade", "computed_category", "current_grade", "current_category", "final_grade", "final_category",
            "direction", "review", "reason", "status", "proposed_by", "proposed_at");
    private static final String INSERT_PROPOSAL = "INSERT INTO grading_proposal (" + String.join(", ", PROPOSAL_COLUMNS)
            + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(PROPOSAL_COLUMNS.size(), "?")) + ")";

    /** A proposal to insert: the customer as it stands, the inputs, the result and what goes to the approver. */
    record NewProposal(Long runId, Graded customer, LocalDate asOf, long versionId, GradingInputs inputs, GradeResult result,
                       Grade finalGrade, Category finalCategory, Review review, String reason, Long proposedBy, Instant at) {

        Object[] params() {
            Graded c = customer;
            return new Object[]{runId, c.id(), c.officeId(), asOf, versionId, inputs.contractAmount(), inputs.listAmount(),
                    inputs.firstSignedOn(), inputs.arrears(), inputs.openReceivables(), inputs.influence(), result.total(),
                    result.grade().name(), result.category().name(), c.grade() == null ? null : c.grade().name(),
                    c.category().name(), finalGrade.name(), finalCategory.name(), Direction.of(c.grade(), finalGrade).name(),
                    review.name(), reason, Proposal.Status.OPEN.name(), proposedBy, utc(at)};
        }
    }

    long insertProposal(NewProposal p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT_PROPOSAL).params(p.params()).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** A run's batch of proposals at once (COPY on PostgreSQL). */
    void insertProposals(List<NewProposal> batch) {
        bulk.insert("grading_proposal", PROPOSAL_COLUMNS, batch.stream().map(NewProposal::params).toList());
    }

    Optional<Proposal> proposal(long id) {
        return jdbc.sql(PROPOSALS + "WHERE p.id = ?").param(id).query(PROPOSAL).optional();
    }

    Optional<Proposal> proposalByApproval(long approvalId) {
        return jdbc.sql(PROPOSALS + "WHERE p.approval_id = ? AND p.run_id IS NULL").param(approvalId).query(PROPOSAL).optional();
    }

    /** The customer's pending ad-hoc change, if any. */
    Optional<Proposal> pendingChange(long customerId) {
        return jdbc.sql(PROPOSALS + "WHERE p.customer_id = ? AND p.run_id IS NULL AND p.status = 'OPEN'")
                .param(customerId).query(PROPOSAL).optional();
    }

    void proposalApproval(long proposalId, long approvalId) {
        jdbc.sql("UPDATE grading_proposal SET approval_id = ? WHERE id = ?").params(approvalId, proposalId).update();
    }

    /** The proposal behind the grade in force: the latest approved one. */
    Optional<Proposal> latestApproved(long customerId) {
        return jdbc.sql(PROPOSALS + """
                        WHERE p.id = (SELECT MAX(h.proposal_id) FROM grade_history h WHERE h.customer_id = ?)""")
                .param(customerId).query(PROPOSAL).optional();
    }

    /** A page of a run's proposals inside the scope, by customer id after {@code afterCustomerId}. */
    List<Proposal> proposals(DataScope scope, long runId, Direction direction, Long officeId, Review review, long afterCustomerId,
                             int limit) {
        StringBuilder sql = new StringBuilder(PROPOSALS).append("WHERE p.run_id = ? AND p.customer_id > ?");
        List<Object> params = new ArrayList<>(List.of(runId, afterCustomerId));
        filter(sql, params, "p.", direction, officeId, review);
        DataScope.Predicate p = scope.predicate(COLUMNS);
        sql.append(" AND ").append(p.sql());
        params.addAll(p.params());
        sql.append(" ORDER BY p.customer_id FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(PROPOSAL).list();
    }

    private static void filter(StringBuilder sql, List<Object> params, String alias, Direction direction, Long officeId,
                               Review review) {
        if (direction != null) {
            sql.append(" AND ").append(alias).append("direction = ?");
            params.add(direction.name());
        }
        if (officeId != null) {
            sql.append(" AND ").append(alias).append("office_id = ?");
            params.add(officeId);
        }
        if (review != null) {
            sql.append(" AND ").append(alias).append("review = ?");
            params.add(review.name());
        }
    }

    /** How many of a run's proposals move up, down or stay, and how many wait for review (one grouped pass over the run). */
    Map<String, Long> counts(long runId) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT direction, review, COUNT(*) AS n FROM grading_proposal WHERE run_id = ? GROUP BY direction, review")
                .param(runId).query(rs -> {
                    out.merge(rs.getString("direction"), rs.getLong("n"), Long::sum);
                    out.merge(rs.getString("review"), rs.getLong("n"), Long::sum);
                });
        return out;
    }

    /** The same counts over the run's proposals of customers inside the scope (the review table's figures). */
    Map<String, Long> counts(DataScope scope, long runId) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(List.of(runId));
        params.addAll(p.params());
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT p.direction, p.review, COUNT(*) AS n FROM grading_proposal p JOIN customer c ON c.id = p.customer_id "
                        + "WHERE p.run_id = ? AND " + p.sql() + " GROUP BY p.direction, p.review")
                .params(params).query(rs -> {
                    out.merge(rs.getString("direction"), rs.getLong("n"), Long::sum);
                    out.merge(rs.getString("review"), rs.getLong("n"), Long::sum);
                });
        return out;
    }

    boolean review(long proposalId, long runId, Grade grade, Category category, Review review, String reason, long userId) {
        return jdbc.sql("""
                        UPDATE grading_proposal SET final_grade = ?, final_category = ?, review = ?, reason = ?, reviewed_by = ?,
                               direction = CASE
                                   WHEN ? = COALESCE(current_grade, '') THEN 'SAME'
                                   WHEN current_grade IS NULL OR ? < current_grade THEN 'UP' ELSE 'DOWN' END
                        WHERE id = ? AND run_id = ? AND status = 'OPEN'""")
                .params(grade.name(), category.name(), review.name(), reason, userId, grade.name(), grade.name(), proposalId, runId)
                .update() == 1;
    }

    /** Accepts every pending proposal of the run matching the filter; returns how many. */
    int acceptAll(long runId, Direction direction, Long officeId, long userId) {
        StringBuilder sql = new StringBuilder("UPDATE grading_proposal SET review = 'ACCEPTED', reviewed_by = ? "
                + "WHERE run_id = ? AND status = 'OPEN' AND review = 'PENDING'");
        List<Object> params = new ArrayList<>(List.of(userId, runId));
        filter(sql, params, "", direction, officeId, null);
        return jdbc.sql(sql.toString()).params(params).update();
    }

    /** The next proposals of a decided run to put into effect, by customer id. */
    List<Proposal> openProposals(long runId, long afterCustomerId, int limit) {
        return jdbc.sql(PROPOSALS + "WHERE p.run_id = ? AND p.status = 'OPEN' AND p.customer_id > ? ORDER BY p.customer_id "
                + "FETCH FIRST ? ROWS ONLY").params(runId, afterCustomerId, limit).query(PROPOSAL).list();
    }

    void closeProposal(long id, Proposal.Status status) {
        jdbc.sql("UPDATE grading_proposal SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    /** Closes the proposals in one statement. */
    void closeProposals(List<Long> ids, Proposal.Status status) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE grading_proposal SET status = :status WHERE id IN (:ids)").param("status", status.name())
                    .param("ids", ids).update();
        }
    }

    void closeRunProposals(long runId, Proposal.Status status) {
        jdbc.sql("UPDATE grading_proposal SET status = ? WHERE run_id = ? AND status = 'OPEN'").params(status.name(), runId).update();
    }

    // ---- grade history

    private static final String INSERT_HISTORY = """
            INSERT INTO grade_history (customer_id, proposal_id, old_grade, new_grade, old_category, new_category, source,
                                       approval_id, effective_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    void history(Proposal p, String source, Long approvalId, LocalDate on) {
        history(List.of(p), source, approvalId, on);
    }

    /** The proposals' entries in the grade history, in one JDBC batch. */
    void history(List<Proposal> proposals, String source, Long approvalId, LocalDate on) {
        if (proposals.isEmpty()) {
            return;
        }
        batchJdbc.batchUpdate(INSERT_HISTORY, proposals.stream()
                .map(p -> new Object[]{p.customerId(), p.id(), p.currentGrade() == null ? null : p.currentGrade().name(),
                        p.finalGrade().name(), p.currentCategory().name(), p.finalCategory().name(), source, approvalId, on})
                .toList());
    }

    List<HistoryEntry> history(long customerId) {
        return jdbc.sql("SELECT * FROM grade_history WHERE customer_id = ? ORDER BY id DESC FETCH FIRST " + HISTORY + " ROWS ONLY")
                .param(customerId)
                .query((rs, n) -> new HistoryEntry(grade(rs, "old_grade"), grade(rs, "new_grade"),
                        Category.valueOf(rs.getString("old_category")), Category.valueOf(rs.getString("new_category")),
                        rs.getString("source"), rs.getObject("approval_id", Long.class), rs.getObject("effective_on", LocalDate.class),
                        rs.getLong("proposal_id"))).list();
    }

    private static Grade grade(ResultSet rs, String column) throws SQLException {
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

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
