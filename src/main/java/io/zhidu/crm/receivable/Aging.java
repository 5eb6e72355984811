package io.zhidu.crm.receivable;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AR aging (应收账款账龄, clause 6.2.4-4(1)) as of any date, inside the caller's data scope,
 * grouped by company, office, salesperson or customer, in the buckets of the policy in force on
 * that date.
 *
 * <p>As of today it reads the maintained open amounts of OPEN receivables (index on status,
 * due_on). As of a past date only receivables created on or before it count, less the allocations
 * made on or before it and not reversed by then; receivables written off by then are left out. That
 * is worked backwards from today's open amounts and the allocations made or reversed since (see
 * {@link #openOnPastDate}), so its cost follows the open receivables and the allocations after the
 * date, not every receivable ever raised. Both are one grouped query in the database, never rows
 * summed in memory. The amounts written off on or before the date (已核销) are a second grouped
 * query, shown beside the buckets and not part of the open total.
 */
@Component
public class Aging {

    /** What the rows are grouped by. */
    public enum GroupBy {
        COMPANY("company_id", "company"),
        OFFICE("office_id", "office"),
        SALESPERSON("owner_id", "employee"),
        CUSTOMER("customer_id", "customer");

        /** The group's id column of a receivable {@code r}. */
        final String idColumn;
        /** The same column of an allocation {@code a}, which carries its receivable's copy (V30). */
        final String allocationIdColumn;
        /** The table holding the group's name (column {@code name}, {@code full_name} for staff). */
        final String nameTable;

        GroupBy(String column, String nameTable) {
            this.idColumn = "r." + column;
            this.allocationIdColumn = "a." + column;
            this.nameTable = nameTable;
        }

        /** The group's name joined to grouped rows {@code x} (after summing: one look-up per group, not per receivable). */
        String nameJoin() {
            return " LEFT JOIN " + nameTable + " n ON n.id = x.group_id";
        }

        String nameColumn() {
            return this == SALESPERSON ? "n.full_name" : "n.name";
        }

        /** From {@code groupBy=company|office|salesperson|customer}; absent means company. */
        public static GroupBy of(String s) {
            if (s == null || s.isBlank()) {
                return COMPANY;
            }
            for (GroupBy g : values()) {
                if (g.name().equalsIgnoreCase(s.trim())) {
                    return g;
                }
            }
            throw DomainException.invalid("groupBy", "receivable.aging.badGroupBy");
        }

        public String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String labelKey() {
            return "receivable.aging.groupBy." + name();
        }

        /** The receivables-list parameter that drills down to one group's receivables. */
        public String drillParam() {
            return switch (this) {
                case COMPANY -> "companyId";
                case OFFICE -> "officeId";
                case SALESPERSON -> "ownerId";
                case CUSTOMER -> "customerId";
            };
        }
    }

    /**
     * One group: its id as text ("" for none, e.g. a pool customer's missing salesperson), name,
     * open amount per bucket code, their total, and the amount written off on or before the as-of
     * date (已核销; not part of the open total).
     */
    public record Row(String key, String name, Map<String, BigDecimal> amounts, BigDecimal total, BigDecimal writtenOff) {
    }

    public record Report(LocalDate asOf, GroupBy groupBy, List<String> buckets, List<Row> rows, Map<String, BigDecimal> totals,
                         BigDecimal total, BigDecimal writtenOff) {
    }

    /** The data-scope columns of an allocation {@code a}: its receivable's placement, copied (V30). */
    private static final DataScope.Columns ALLOCATION_COLUMNS = new DataScope.Columns("a.owner_id", "a.office_id", "a.department_id",
            "a.company_id");

    private final JdbcClient jdbc;
    private final Policies policies;
    private final BusinessClock clock;

    Aging(JdbcClient jdbc, Policies policies, BusinessClock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report asOf(DataScope scope, LocalDate asOf, GroupBy groupBy) {
        LocalDate today = clock.today();
        if (asOf == null) {
            asOf = today;
        }
        if (asOf.isAfter(today)) {
            throw DomainException.invalid("asOf", "receivable.aging.future");
        }
        AgingBuckets buckets = AgingBuckets.of(policies.on(asOf));
        List<LocalDate> thresholds = buckets.thresholds(asOf);
        DataScope.Predicate p = scope.predicate(Receivables.COLUMNS);
        List<Object> params = new ArrayList<>();
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < thresholds.size(); i++) {
            bucket.append(" WHEN u.due_on >= ? THEN ").append(i);
            params.add(thresholds.get(i));
        }
        bucket.append(" ELSE ").append(thresholds.size()).append(" END");
        String parts = asOf.equals(today) ? openToday(groupBy, p, params)
                : openOnPastDate(groupBy, asOf, p, scope.predicate(ALLOCATION_COLUMNS), params);
        // the parts summed by group id and bucket (no join to the customers); names are joined to the sums
        String sql = "SELECT x.group_id, " + groupBy.nameColumn() + " AS group_name, x.bucket, x.open_sum FROM ("
                + "SELECT group_id, bucket, SUM(open_part) AS open_sum FROM (SELECT u.group_id, " + bucket
                + " AS bucket, u.open_part FROM (" + parts + ") u) y GROUP BY group_id, bucket) x" + groupBy.nameJoin();

        List<String> codes = buckets.codes();
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = zeros(codes);
        jdbc.sql(sql).params(params).query(rs -> {
            BigDecimal amount = rs.getBigDecimal("open_sum");
            if (amount == null || amount.signum() == 0) {
                return;
            }
            String code = codes.get(rs.getInt("bucket"));
            group(groups, rs, codes).amounts.merge(code, amount, BigDecimal::add);
            totals.merge(code, amount, BigDecimal::add);
        });
        // written off on or before the as-of date, grouped alike (index on written_off_on)
        String written = "SELECT x.group_id, " + groupBy.nameColumn() + " AS group_name, x.written_sum FROM ("
                + "SELECT " + groupBy.idColumn + " AS group_id, SUM(r.written_off_amount) AS written_sum FROM receivable r"
                + " WHERE r.written_off_on <= ? AND " + p.sql() + " GROUP BY " + groupBy.idColumn + ") x" + groupBy.nameJoin();
        List<Object> writtenParams = new ArrayList<>();
        writtenParams.add(asOf);
        writtenParams.addAll(p.params());
        BigDecimal[] writtenOff = {new BigDecimal("0.00")};
        jdbc.sql(written).params(writtenParams).query(rs -> {
            BigDecimal amount = rs.getBigDecimal("written_sum");
            if (amount == null || amount.signum() == 0) {
                return;
            }
            Group g = group(groups, rs, codes);
            g.writtenOff = g.writtenOff.add(amount);
            writtenOff[0] = writtenOff[0].add(amount);
        });
        List<Row> result = groups.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue().name, java.util.Collections.unmodifiableMap(e.getValue().amounts),
                        e.getValue().amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2),
                        e.getValue().writtenOff.setScale(2)))
                .filter(r -> r.total().signum() != 0 || r.writtenOff().signum() != 0)
                .sorted(Comparator.comparing(Row::total).reversed().thenComparing(Row::writtenOff, Comparator.reverseOrder())
                        .thenComparing(Row::key))
                .toList();
        BigDecimal total = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new Report(asOf, groupBy, codes, result, totals, total, writtenOff[0].setScale(2));
    }

    /**
     * Rows ({@code group_id, due_on, open_part}) whose parts add up to each group's open amounts as
     * of today: the maintained open amount of every OPEN receivable in the scope.
     */
    private static String openToday(GroupBy groupBy, DataScope.Predicate scope, List<Object> params) {
        params.addAll(scope.params());
        return "SELECT " + groupBy.idColumn + " AS group_id, r.due_on, r.open_amount AS open_part FROM receivable r"
                + " WHERE r.status = 'OPEN' AND " + scope.sql();
    }

    /**
     * Rows ({@code group_id, due_on, open_part}) whose parts add up, per receivable, to its open
     * amount on a past date {@code d}: its amount less the allocations made on or before {@code d}
     * and not reversed by then, for a receivable created on or before {@code d} and not written off
     * by then (the forward definition, which reads every receivable and allocation ever made).
     *
     * <p>Worked backwards from the maintained present instead. While a receivable is not written
     * off, its open amount is its amount less its unreversed allocations (allocation lowers it,
     * reversal raises it back, PAID at zero), so
     * <pre>open(d) = open_amount + Σ allocated after d, not reversed − Σ allocated on/before d, reversed after d</pre>
     * A receivable that is not OPEN now and has no such allocation was settled on {@code d}
     * (part 0, not read). The sums are linear, so each part is a row of its own, summed by group and
     * bucket with the others, never per receivable first:
     * <ol>
     * <li>each OPEN receivable created by {@code d}: its open amount;
     * <li>each unreversed allocation made after {@code d} to a receivable created by then: + its amount;
     * <li>each allocation made on or before {@code d} and reversed after it: − its amount;
     * <li>each receivable written off after {@code d} (its open amount is 0 from the write-off on,
     *     whatever is reversed later): its amount less its unreversed allocations, which with
     *     parts 2 and 3 makes its amount less the allocations counting on {@code d};
     * <li>each receivable written off on or before {@code d}: parts 2 and 3 of its allocations
     *     taken back (a write-off is rare: few rows).
     * </ol>
     * Parts 2 and 3 read the allocations alone, by their copies of the receivable's due date,
     * creation date and placement (V30): no join to the receivables. Only the stored dates count,
     * so backdated payments and reversals are covered as the forward definition covers them.
     */
    private static String openOnPastDate(GroupBy groupBy, LocalDate d, DataScope.Predicate scope, DataScope.Predicate allocationScope,
                                         List<Object> params) {
        String receivables = "SELECT " + groupBy.idColumn + " AS group_id, r.due_on, ";
        String allocations = "SELECT " + groupBy.allocationIdColumn + " AS group_id, a.due_on, ";
        String sql = receivables + "r.open_amount AS open_part FROM receivable r"
                + " WHERE r.status = 'OPEN' AND r.created_on <= ? AND " + scope.sql()
                + " UNION ALL " + allocations + "a.amount FROM payment_allocation a"
                + " WHERE a.allocated_on > ? AND a.reversed_on IS NULL AND a.created_on <= ? AND " + allocationScope.sql()
                + " UNION ALL " + allocations + "0 - a.amount FROM payment_allocation a"
                + " WHERE a.reversed_on > ? AND a.allocated_on <= ? AND a.created_on <= ? AND " + allocationScope.sql()
                + " UNION ALL " + receivables + "r.amount - COALESCE((SELECT SUM(pa.amount) FROM payment_allocation pa"
                + " WHERE pa.receivable_id = r.id AND pa.reversed_on IS NULL), 0) FROM receivable r"
                + " WHERE r.written_off_on > ? AND r.created_on <= ? AND " + scope.sql()
                + " UNION ALL " + receivables
                + "COALESCE((SELECT SUM(CASE WHEN pa.reversed_on IS NULL THEN 0 - pa.amount ELSE pa.amount END) FROM payment_allocation pa"
                + " WHERE pa.receivable_id = r.id AND ((pa.allocated_on > ? AND pa.reversed_on IS NULL)"
                + " OR (pa.allocated_on <= ? AND pa.reversed_on > ?))), 0) FROM receivable r"
                + " WHERE r.written_off_on <= ? AND r.created_on <= ? AND " + scope.sql();
        params.add(d);
        params.addAll(scope.params());
        params.addAll(List.of(d, d));
        params.addAll(allocationScope.params());
        params.addAll(List.of(d, d, d));
        params.addAll(allocationScope.params());
        params.addAll(List.of(d, d));
        params.addAll(scope.params());
        params.addAll(List.of(d, d, d, d, d));
        params.addAll(scope.params());
        return sql;
    }

    /** A group being summed up. */
    private static final class Group {
        final String name;
        final Map<String, BigDecimal> amounts;
        BigDecimal writtenOff = BigDecimal.ZERO;

        Group(String name, Map<String, BigDecimal> amounts) {
            this.name = name;
            this.amounts = amounts;
        }
    }

    private static Group group(Map<String, Group> groups, java.sql.ResultSet rs, List<String> codes) throws java.sql.SQLException {
        Object id = rs.getObject("group_id");
        String key = id == null ? "" : id.toString();
        Group g = groups.get(key);
        if (g == null) {
            g = new Group(rs.getString("group_name"), zeros(codes));
            groups.put(key, g);
        }
        return g;
    }

    private static Map<String, BigDecimal> zeros(List<String> codes) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        codes.forEach(c -> m.put(c, new BigDecimal("0.00")));
        return m;
    }
}
