package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grading screens' figures (issue #7 item 7), always inside the caller's data scope and
 * optionally one office: the grade distribution in force (customers per grade × category) and the
 * migration between two dates (customers per grade in force on the first date × on the second,
 * from the grade history), with the customers whose grade moved. "No grade" is a row and column
 * of its own (null).
 */
@Service
public class GradingReports {

    static final int PAGE = 50;

    /** Customers per grade (null: not graded) and category. */
    public record Distribution(Map<Grade, Map<Category, Long>> counts, Map<Category, Long> ungraded) {

        public long count(Grade grade, Category category) {
            Map<Category, Long> row = grade == null ? ungraded : counts.getOrDefault(grade, Map.of());
            return row.getOrDefault(category, 0L);
        }

        public long row(Grade grade) {
            Map<Category, Long> row = grade == null ? ungraded : counts.getOrDefault(grade, Map.of());
            return row.values().stream().mapToLong(Long::longValue).sum();
        }

        public long column(Category category) {
            return counts.values().stream().mapToLong(m -> m.getOrDefault(category, 0L)).sum() + ungraded.getOrDefault(category, 0L);
        }

        public long total() {
            return java.util.Arrays.stream(Category.values()).mapToLong(this::column).sum();
        }
    }

    /** Customers per grade on {@code from} × grade on {@code to}; a key {@code "A>B"}, "-" for no grade. */
    public record Migration(LocalDate from, LocalDate to, Map<String, Long> cells) {

        public long cell(Grade from, Grade to) {
            return cells.getOrDefault(key(from) + ">" + key(to), 0L);
        }

        public long moved() {
            return cells.entrySet().stream().filter(e -> !e.getKey().substring(0, 1).equals(e.getKey().substring(2)))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        static String key(Grade g) {
            return g == null ? "-" : g.name();
        }
    }

    /** A customer whose grade in force differs between the two dates. */
    public record Moved(long customerId, String customerName, String officeName, Grade from, Grade to) {
    }

    private final JdbcClient jdbc;

    GradingReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Distribution distribution(DataScope scope, Long officeId) {
        DataScope.Predicate p = scope.predicate(GradingRecords.COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        String office = "";
        if (officeId != null) {
            office = " AND c.office_id = ?";
            params.add(officeId);
        }
        Map<Grade, Map<Category, Long>> counts = new EnumMap<>(Grade.class);
        Map<Category, Long> ungraded = new EnumMap<>(Category.class);
        jdbc.sql("SELECT c.grade, c.category, COUNT(*) AS n FROM customer c WHERE c.deleted_at IS NULL AND " + p.sql() + office
                        + " GROUP BY c.grade, c.category")
                .params(params).query(rs -> {
                    Grade g = GradingPreviewRecords.grade(rs, "grade");
                    Category c = Category.valueOf(rs.getString("category"));
                    (g == null ? ungraded : counts.computeIfAbsent(g, k -> new EnumMap<>(Category.class))).merge(c, rs.getLong("n"), Long::sum);
                });
        return new Distribution(counts, ungraded);
    }

    /** The grade in force per customer on a date: its latest grade-history entry effective by then. */
    private static final String GRADE_ON = """
            (SELECT x.customer_id, x.new_grade FROM (SELECT h.customer_id, h.new_grade,
                    ROW_NUMBER() OVER (PARTITION BY h.customer_id ORDER BY h.effective_on DESC, h.id DESC) AS rn
                    FROM grade_history h WHERE h.effective_on <= ?) x WHERE x.rn = 1)""";

    private static String migrationFrom(DataScope.Predicate p, Long officeId) {
        return " FROM customer c LEFT JOIN office o ON o.id = c.office_id LEFT JOIN " + GRADE_ON + " f ON f.customer_id = c.id LEFT JOIN "
                + GRADE_ON + " t ON t.customer_id = c.id WHERE c.deleted_at IS NULL AND (f.new_grade IS NOT NULL OR t.new_grade IS NOT NULL) AND "
                + p.sql() + (officeId == null ? "" : " AND c.office_id = ?");
    }

    private static List<Object> migrationParams(DataScope.Predicate p, LocalDate from, LocalDate to, Long officeId) {
        List<Object> params = new ArrayList<>(List.of(from, to));
        params.addAll(p.params());
        if (officeId != null) {
            params.add(officeId);
        }
        return params;
    }

    @Transactional(readOnly = true)
    public Migration migration(DataScope scope, LocalDate from, LocalDate to, Long officeId) {
        DataScope.Predicate p = scope.predicate(GradingRecords.COLUMNS);
        Map<String, Long> cells = new java.util.HashMap<>();
        jdbc.sql("SELECT f.new_grade AS from_grade, t.new_grade AS to_grade, COUNT(*) AS n" + migrationFrom(p, officeId)
                        + " GROUP BY f.new_grade, t.new_grade")
                .params(migrationParams(p, from, to, officeId)).query(rs -> {
                    cells.merge(Migration.key(GradingPreviewRecords.grade(rs, "from_grade")) + ">"
                            + Migration.key(GradingPreviewRecords.grade(rs, "to_grade")), rs.getLong("n"), Long::sum);
                });
        return new Migration(from, to, cells);
    }

    /** A page of the customers whose grade moved between the dates, by customer id after {@code after}. */
    @Transactional(readOnly = true)
    public List<Moved> moved(DataScope scope, LocalDate from, LocalDate to, Long officeId, long after, int limit) {
        DataScope.Predicate p = scope.predicate(GradingRecords.COLUMNS);
        List<Object> params = migrationParams(p, from, to, officeId);
        params.add(after);
        params.add(limit);
        return jdbc.sql("SELECT c.id, c.name, o.name AS office_name, f.new_grade AS from_grade, t.new_grade AS to_grade"
                        + migrationFrom(p, officeId)
                        + " AND COALESCE(f.new_grade, '-') <> COALESCE(t.new_grade, '-') AND c.id > ? ORDER BY c.id FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Moved(rs.getLong("id"), rs.getString("name"), rs.getString("office_name"),
                        GradingPreviewRecords.grade(rs, "from_grade"), GradingPreviewRecords.grade(rs, "to_grade"))).list();
    }
}
