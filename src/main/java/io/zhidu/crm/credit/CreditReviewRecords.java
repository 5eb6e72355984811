package io.zhidu.crm.credit;

import io.zhidu.crm.credit.CreditReviewRule.Direction;
import io.zhidu.crm.credit.CreditReviewRule.Reason;
import io.zhidu.crm.credit.ReviewProposal.Review;
import io.zhidu.crm.shared.scope.DataScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The tables {@code credit_review} and {@code credit_review_proposal}, the batch of customers with
 * credit a round looks at next, and the rated customers of the 客户信用等级分类表. Callers have
 * checked the data scope unless a method takes one.
 */
@Component
class CreditReviewRecords {

    static final DataScope.Columns COLUMNS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    /** A customer with credit as a round sees it. */
    record Credited(long customerId, Long officeId, CreditTerms terms) {
    }

    /** A rated customer of the classification table. */
    record Rated(long customerId, String name, String officeName, String ownerName, CreditTerms terms) {
    }

    private static final String REVIEWS = """
            SELECT r.*, e.full_name AS started_by_name FROM credit_review r LEFT JOIN employee e ON e.id = r.started_by
            """;

    private static final RowMapper<CreditReview> REVIEW = (rs, n) -> new CreditReview(rs.getLong("id"), rs.getString("period"),
            rs.getObject("as_of", LocalDate.class), CreditReview.Status.valueOf(rs.getString("status")),
            rs.getLong("policy_version_id"), rs.getLong("last_customer_id"), rs.getLong("max_customer_id"), rs.getInt("processed"),
            rs.getString("started_by_name"), instant(rs, "started_at"), instant(rs, "computed_at"),
            rs.getObject("submitted_by", Long.class), rs.getObject("approval_id", Long.class), instant(rs, "decided_at"));

    private static final String PROPOSALS = """
            SELECT p.*, c.name AS customer_name, o.name AS office_name, e.full_name AS reviewed_by_name
            FROM credit_review_proposal p
            JOIN customer c ON c.id = p.customer_id
            LEFT JOIN office o ON o.id = p.office_id
            LEFT JOIN employee e ON e.id = p.reviewed_by
            """;

    private static final RowMapper<ReviewProposal> PROPOSAL = (rs, n) -> new ReviewProposal(rs.getLong("id"), rs.getLong("review_id"),
            rs.getLong("customer_id"), rs.getString("customer_name"), rs.getObject("office_id", Long.class), rs.getString("office_name"),
            new CreditTerms(rs.getString("current_rating"), rs.getBigDecimal("current_limit"),
                    TermsForm.valueOf(rs.getString("current_form")), rs.getInt("current_days"), null, false),
            rs.getInt("overdue_days"), rs.getBoolean("late_in_period"), rs.getInt("years"), rs.getBigDecimal("debt_ratio"),
            rs.getObject("field_grade", Integer.class), rs.getBigDecimal("exposure"), rs.getObject("limit_use", Integer.class),
            rs.getBigDecimal("amount_now"), rs.getBigDecimal("amount_before"), rs.getObject("growth", Integer.class),
            new CreditStandard.Score(rs.getInt("score_payment"), rs.getInt("score_cooperation"), rs.getInt("score_financial"),
                    rs.getInt("score_field"), rs.getInt("score_total"), rs.getString("score_rating")),
            Arrays.stream(rs.getString("reasons").split(",")).filter(s -> !s.isBlank()).map(Reason::valueOf).toList(),
            rs.getString("computed_rating"),
            new CreditTerms(rs.getString("final_rating"), rs.getBigDecimal("final_limit"), TermsForm.valueOf(rs.getString("final_form")),
                    rs.getInt("final_days"), null, false),
            Direction.valueOf(rs.getString("direction")), Review.valueOf(rs.getString("review")), rs.getString("note"),
            rs.getString("reviewed_by_name"), ReviewProposal.Status.valueOf(rs.getString("status")),
            rs.getObject("change_id", Long.class));

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;

    CreditReviewRecords(JdbcClient jdbc, JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    // ---- the customers a round looks at

    /** The next customers with credit after {@code afterId} up to {@code maxId}, in id order (deleted ones left out). */
    List<Credited> credited(long afterId, long maxId, int limit) {
        return jdbc.sql("""
                        SELECT cc.*, c.office_id FROM customer_credit cc JOIN customer c ON c.id = cc.customer_id
                        WHERE cc.customer_id > ? AND cc.customer_id <= ? AND c.deleted_at IS NULL
                        ORDER BY cc.customer_id FETCH FIRST ? ROWS ONLY""")
                .params(afterId, maxId, limit)
                .query((rs, n) -> new Credited(rs.getLong("customer_id"), rs.getObject("office_id", Long.class),
                        new CreditTerms(rs.getString("rating"), rs.getBigDecimal("credit_limit"),
                                TermsForm.valueOf(rs.getString("terms_form")), rs.getInt("terms_days"),
                                rs.getObject("valid_until", LocalDate.class), rs.getBoolean("on_hold")))).list();
    }

    long maxCreditedCustomerId() {
        return jdbc.sql("SELECT COALESCE(MAX(customer_id), 0) FROM customer_credit").query(Long.class).single();
    }

    /**
     * The debt ratio (liabilities / assets, percent) of each customer in {@code (afterId, upToId]}
     * from its latest financial year up to {@code year} with assets recorded (6.2.4-2(2) e.).
     */
    Map<Long, BigDecimal> debtRatios(long afterId, long upToId, int year) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql("""
                        SELECT f.customer_id, f.total_assets, f.total_liabilities FROM customer_financial f
                        WHERE f.customer_id > ? AND f.customer_id <= ? AND f.total_assets > 0 AND f.total_liabilities IS NOT NULL
                          AND f.fiscal_year = (SELECT MAX(g.fiscal_year) FROM customer_financial g
                                               WHERE g.customer_id = f.customer_id AND g.fiscal_year <= ? AND g.total_assets > 0
                                                 AND g.total_liabilities IS NOT NULL)""")
                .params(afterId, upToId, year)
                .query(rs -> {
                    out.put(rs.getLong("customer_id"), rs.getBigDecimal("total_liabilities").multiply(BigDecimal.valueOf(100))
                            .divide(rs.getBigDecimal("total_assets"), 2, java.math.RoundingMode.HALF_UP));
                });
        return out;
    }

    /**
     * The grade (0–4) of each customer's latest field investigation in {@code (afterId, upToId]} on or
     * before {@code asOf} (6.2.4-2(1)); customers never visited are absent.
     */
    Map<Long, Integer> fieldGrades(long afterId, long upToId, LocalDate asOf) {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("""
                        SELECT i.customer_id, i.grade FROM credit_investigation i
                        WHERE i.customer_id > ? AND i.customer_id <= ? AND i.investigated_on <= ?
                          AND NOT EXISTS (SELECT 1 FROM credit_investigation j WHERE j.customer_id = i.customer_id
                                          AND j.investigated_on <= ?
                                          AND (j.investigated_on > i.investigated_on
                                               OR (j.investigated_on = i.investigated_on AND j.id > i.id)))""")
                .params(afterId, upToId, asOf, asOf)
                .query(rs -> {
                    out.put(rs.getLong("customer_id"), rs.getInt("grade"));
                });
        return out;
    }

    // ---- rounds

    /** A new RUNNING round; fails on a unique key while another round is open or the period has one. */
    long insertReview(String period, LocalDate asOf, long policyVersionId, long maxCustomerId, Long startedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO credit_review (period, as_of, status, policy_version_id, max_customer_id, started_by, started_at,
                                                   open_key, period_key)
                        VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, 'OPEN', ?)""")
                .params(period, asOf, policyVersionId, maxCustomerId, startedBy, utc(at), period).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<CreditReview> review(long id) {
        return jdbc.sql(REVIEWS + "WHERE r.id = ?").param(id).query(REVIEW).optional();
    }

    List<CreditReview> reviews(int limit) {
        return jdbc.sql(REVIEWS + "ORDER BY r.id DESC FETCH FIRST ? ROWS ONLY").param(limit).query(REVIEW).list();
    }

    Optional<CreditReview> openReview() {
        return jdbc.sql(REVIEWS + "WHERE r.open_key = 'OPEN'").query(REVIEW).optional();
    }

    /** Whether the period has a round that was not rejected. */
    boolean periodTaken(String period) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_review WHERE period_key = ?").param(period).query(Long.class).single() > 0;
    }

    /** Moves the round past a batch; false if someone else moved it (the batch is then rolled back). */
    boolean advance(long reviewId, long expectedLastId, long lastId, int count) {
        return jdbc.sql("""
                        UPDATE credit_review SET last_customer_id = ?, processed = processed + ?
                        WHERE id = ? AND status = 'RUNNING' AND last_customer_id = ?""")
                .params(lastId, count, reviewId, expectedLastId).update() == 1;
    }

    /** Moves the round from one status to the next; a decided round frees the open slot, a rejected one its period. */
    boolean status(long reviewId, CreditReview.Status from, CreditReview.Status to, Instant at) {
        String column = to == CreditReview.Status.REVIEW ? "computed_at" : "decided_at";
        boolean open = to != CreditReview.Status.APPROVED && to != CreditReview.Status.REJECTED;
        return jdbc.sql("UPDATE credit_review SET status = ?, " + column + " = ?, open_key = " + (open ? "open_key" : "NULL")
                        + (to == CreditReview.Status.REJECTED ? ", period_key = NULL" : "") + " WHERE id = ? AND status = ?")
                .params(to.name(), utc(at), reviewId, from.name()).update() == 1;
    }

    boolean submitted(long reviewId, long approvalId, long userId) {
        return jdbc.sql("UPDATE credit_review SET status = 'SUBMITTED', approval_id = ?, submitted_by = ? WHERE id = ? AND status = 'REVIEW'")
                .params(approvalId, userId, reviewId).update() == 1;
    }

    // ---- proposals

    private static final String INSERT_PROPOSAL = """
            INSERT INTO credit_review_proposal (review_id, customer_id, office_id, current_rating, current_limit, current_form,
                   current_days, overdue_days, late_in_period, years, debt_ratio, field_grade, exposure, limit_use, amount_now,
                   amount_before, growth, score_payment, score_cooperation, score_financial, score_field, score_total, score_rating,
                   reasons, computed_rating, final_rating, final_limit, final_form, final_days, direction, review, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'OPEN')""";

    /** A computed proposal to insert. */
    record NewProposal(long reviewId, Credited customer, CreditReviewRule.Inputs in, CreditReviewRule.Outcome out,
                       CreditStandard.RatingDefaults proposed) {

        Object[] params() {
            CreditTerms t = customer.terms();
            CreditStandard.Score s = out.score();
            return new Object[]{reviewId, customer.customerId(), customer.officeId(), t.rating(), t.limit(), t.form().name(), t.days(),
                    in.oldestOverdueDays(), in.lateInPeriod(), out.years(), in.debtRatio(), in.fieldGrade(), in.exposure(),
                    out.limitUse(), in.amountNow(), in.amountBefore(), out.growth(), s.payment(), s.cooperation(), s.financial(),
                    s.field(), s.total(), s.rating(), String.join(",", out.reasons().stream().map(Enum::name).toList()), out.rating(),
                    out.rating(), proposed.limit(), proposed.form().name(), proposed.days(), out.direction().name()};
        }
    }

    void insertProposals(List<NewProposal> batch) {
        if (!batch.isEmpty()) {
            batchJdbc.batchUpdate(INSERT_PROPOSAL, batch.stream().map(NewProposal::params).toList());
        }
    }

    Optional<ReviewProposal> proposal(long reviewId, long id) {
        return jdbc.sql(PROPOSALS + "WHERE p.id = ? AND p.review_id = ?").params(id, reviewId).query(PROPOSAL).optional();
    }

    /** A page of a round's proposals inside the scope, by customer id after {@code afterCustomerId}. */
    List<ReviewProposal> proposals(DataScope scope, long reviewId, Direction direction, Long officeId, Review review,
                                   long afterCustomerId, int limit) {
        StringBuilder sql = new StringBuilder(PROPOSALS).append("WHERE p.review_id = ? AND p.customer_id > ?");
        List<Object> params = new ArrayList<>(List.of(reviewId, afterCustomerId));
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

    /** How many of a round's proposals go up or down and how many are in each review state (one grouped pass). */
    Map<String, Long> counts(long reviewId) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT direction, review, COUNT(*) AS n FROM credit_review_proposal WHERE review_id = ? GROUP BY direction, review")
                .param(reviewId).query(rs -> {
                    out.merge(rs.getString("direction"), rs.getLong("n"), Long::sum);
                    out.merge(rs.getString("review"), rs.getLong("n"), Long::sum);
                });
        return out;
    }

    /** Records the reviewer's decision on an open proposal of a round in review. */
    boolean decide(long reviewId, long proposalId, CreditTerms terms, Direction direction, Review review, String note, long userId) {
        return jdbc.sql("""
                        UPDATE credit_review_proposal SET final_rating = ?, final_limit = ?, final_form = ?, final_days = ?,
                               direction = ?, review = ?, note = ?, reviewed_by = ?
                        WHERE id = ? AND review_id = ? AND status = 'OPEN'""")
                .params(terms.rating(), terms.limit(), terms.form().name(), terms.days(), direction.name(), review.name(), note, userId,
                        proposalId, reviewId).update() == 1;
    }

    /** Accepts every pending proposal of the round matching the filter inside the scope; returns how many. */
    int acceptAll(DataScope scope, long reviewId, Direction direction, Long officeId, long userId) {
        StringBuilder sql = new StringBuilder("UPDATE credit_review_proposal SET review = 'ACCEPTED', reviewed_by = ? "
                + "WHERE review_id = ? AND status = 'OPEN' AND review = 'PENDING'");
        List<Object> params = new ArrayList<>(List.of(userId, reviewId));
        filter(sql, params, "", direction, officeId, null);
        DataScope.Predicate p = scope.predicate(COLUMNS);
        sql.append(" AND customer_id IN (SELECT c.id FROM customer c WHERE ").append(p.sql()).append(')');
        params.addAll(p.params());
        return jdbc.sql(sql.toString()).params(params).update();
    }

    /** The next accepted or changed proposals of a round still open, by customer id. */
    List<ReviewProposal> toApply(long reviewId, long afterCustomerId, int limit) {
        return jdbc.sql(PROPOSALS + """
                        WHERE p.review_id = ? AND p.status = 'OPEN' AND p.review IN ('ACCEPTED', 'CHANGED') AND p.customer_id > ?
                        ORDER BY p.customer_id FETCH FIRST ? ROWS ONLY""")
                .params(reviewId, afterCustomerId, limit).query(PROPOSAL).list();
    }

    void applied(long proposalId, Long changeId) {
        jdbc.sql("UPDATE credit_review_proposal SET status = ?, change_id = ? WHERE id = ?")
                .params(changeId == null ? ReviewProposal.Status.SKIPPED.name() : ReviewProposal.Status.APPLIED.name(), changeId,
                        proposalId).update();
    }

    /** Closes what is left open of a decided round: dropped ones SKIPPED, the rest as given. */
    void closeRest(long reviewId, ReviewProposal.Status status) {
        jdbc.sql("UPDATE credit_review_proposal SET status = 'SKIPPED' WHERE review_id = ? AND status = 'OPEN' AND review = 'DROPPED'")
                .param(reviewId).update();
        jdbc.sql("UPDATE credit_review_proposal SET status = ? WHERE review_id = ? AND status = 'OPEN'")
                .params(status.name(), reviewId).update();
    }

    /** Per office (null key: no office), how many applied proposals went up ([0]) and down ([1]). */
    Map<Long, long[]> appliedByOffice(long reviewId) {
        Map<Long, long[]> out = new HashMap<>();
        jdbc.sql("""
                        SELECT office_id, direction, COUNT(*) AS n FROM credit_review_proposal
                        WHERE review_id = ? AND status = 'APPLIED' GROUP BY office_id, direction""")
                .param(reviewId).query(rs -> {
                    long[] n = out.computeIfAbsent(rs.getObject("office_id", Long.class), k -> new long[2]);
                    String d = rs.getString("direction");
                    if (!Direction.SAME.name().equals(d)) {
                        n[Direction.UP.name().equals(d) ? 0 : 1] += rs.getLong("n");
                    }
                });
        return out;
    }

    // ---- 客户信用等级分类表

    /** A page of the rated customers of one rating inside the scope, by customer id. */
    List<Rated> rated(DataScope scope, String rating, long afterCustomerId, int limit) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(List.of(rating, afterCustomerId));
        params.addAll(p.params());
        params.add(limit);
        return jdbc.sql("""
                        SELECT cc.*, c.name, o.name AS office_name, e.full_name AS owner_name
                        FROM customer_credit cc JOIN customer c ON c.id = cc.customer_id
                        LEFT JOIN office o ON o.id = c.office_id LEFT JOIN employee e ON e.id = c.owner_id
                        WHERE cc.rating = ? AND cc.customer_id > ? AND c.deleted_at IS NULL AND %s
                        ORDER BY cc.customer_id FETCH FIRST ? ROWS ONLY""".formatted(p.sql()))
                .params(params)
                .query((rs, n) -> new Rated(rs.getLong("customer_id"), rs.getString("name"), rs.getString("office_name"),
                        rs.getString("owner_name"), new CreditTerms(rs.getString("rating"), rs.getBigDecimal("credit_limit"),
                        TermsForm.valueOf(rs.getString("terms_form")), rs.getInt("terms_days"),
                        rs.getObject("valid_until", LocalDate.class), rs.getBoolean("on_hold")))).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
