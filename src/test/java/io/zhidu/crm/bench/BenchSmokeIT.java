package io.zhidu.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.ZhiduCrmApplication;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.customer.Uscc;
import io.zhidu.crm.grading.GradingRun;
import io.zhidu.crm.grading.GradingRuns;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.receivable.Aging;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.DatabaseAvailable;
import io.zhidu.crm.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's smoke run (issue #8): the generator's 10k company in its own schema, read by the
 * application's own queries, which must agree with plain SQL over the same rows. Correctness only —
 * no timing is asserted here (bench/run measures).
 */
@ExtendWith(DatabaseAvailable.class)
class BenchSmokeIT {

    static final String SCHEMA = "zhidu_bench";
    static final String POSTGRES_ONLY = "PostgreSQL only (the generator loads by PostgreSQL's COPY and the benchmark measures "
            + "PostgreSQL): skipped on H2";

    static ConfigurableApplicationContext app;
    static BenchData.Counts counts;

    @BeforeAll
    static void loadAndStart() throws Exception {
        if (!TestDatabase.postgres()) {
            return; // each test reports itself skipped
        }
        Map<String, Object> database = new LinkedHashMap<>();
        TestDatabase.register((name, value) -> database.put(name, value.get()), SCHEMA); // drops the schema
        counts = BenchData.load(TestDatabase.pgUrl(), TestDatabase.pgUser(), "", SCHEMA, BenchData.Size.of("10k"), 8);
        List<String> args = new ArrayList<>();
        database.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of("--zhidu.demo-data=false", "--zhidu.scheduling.enabled=false", "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=4", "--spring.main.banner-mode=off"));
        app = new SpringApplicationBuilder(ZhiduCrmApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void onPostgresOnly() {
        Assumptions.assumeTrue(TestDatabase.postgres(), POSTGRES_ONLY);
    }

    @Test
    void theCompanyHasItsSize() {
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(10_000);
        assertThat(count("SELECT COUNT(*) FROM contact")).isEqualTo(30_000);
        assertThat(count("SELECT COUNT(*) FROM contract")).isEqualTo(10_000);
        assertThat(count("SELECT COUNT(*) FROM contract WHERE price_date IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM receivable")).isEqualTo(50_000);
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(counts.payments()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM payment_allocation")).isEqualTo(counts.allocations());
        assertThat(count("SELECT COUNT(*) FROM customer_name_gram")).isEqualTo(counts.grams());
        assertThat(count("SELECT COUNT(*) FROM employee")).isEqualTo(BenchData.STAFF);
        assertThat(count("SELECT COUNT(*) FROM office")).isEqualTo(BenchData.OFFICES);
        // five levels: every salesperson reaches the GM in four steps
        assertThat(count("""
                SELECT COUNT(*) FROM employee s JOIN employee_role r ON r.employee_id = s.id AND r.role = 'SALES'
                JOIN employee d ON d.id = s.supervisor_id JOIN employee m ON m.id = d.supervisor_id
                JOIN employee v ON v.id = m.supervisor_id JOIN employee g ON g.id = v.supervisor_id AND g.supervisor_id IS NULL""")
        ).isEqualTo(count("SELECT COUNT(*) FROM employee_role WHERE role = 'SALES'")).isGreaterThan(1_500);
        // foreign keys were not checked while loading: every reference resolves
        assertThat(count("SELECT COUNT(*) FROM contract k LEFT JOIN customer c ON c.id = k.customer_id WHERE c.id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer c LEFT JOIN employee e ON e.id = c.owner_id WHERE c.owner_id IS NOT NULL AND e.id IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM payment_allocation a LEFT JOIN receivable r ON r.id = a.receivable_id WHERE r.id IS NULL")).isZero();
    }

    @Test
    void customersHaveValidDistinctCreditCodesAndChineseNames() {
        List<String> codes = jdbc().sql("SELECT uscc FROM customer").query(String.class).list();
        assertThat(codes).hasSize(10_000).doesNotHaveDuplicates().allSatisfy(code -> assertThat(Uscc.check(code)).isNull());
        assertThat(jdbc().sql("SELECT name FROM customer WHERE id = 1").query(String.class).single()).matches("\\p{IsHan}+");
    }

    @Test
    void receivablesAgreeWithTheirAllocations() {
        assertThat(count("""
                SELECT COUNT(*) FROM receivable r
                WHERE r.open_amount <> r.amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.receivable_id = r.id), 0)
                   OR (r.status = 'PAID') <> (r.open_amount = 0)""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM payment p WHERE p.amount <> (SELECT SUM(a.amount) FROM payment_allocation a WHERE a.payment_id = p.id)"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM payment WHERE received_on > DATE '" + BenchData.AS_OF + "'")).isZero();
        // the allocations' copies of their receivable's dates and placement (V30), which the past aging sums by
        assertThat(count("""
                SELECT COUNT(*) FROM payment_allocation a JOIN receivable r ON r.id = a.receivable_id
                WHERE a.due_on <> r.due_on OR a.created_on <> r.created_on OR a.customer_id <> r.customer_id
                   OR a.owner_id IS DISTINCT FROM r.owner_id OR a.office_id IS DISTINCT FROM r.office_id
                   OR a.department_id <> r.department_id OR a.company_id <> r.company_id""")).isZero();
    }

    @Test
    void agingTodayAndInThePastEqualsTheSqlSumToTheCent() {
        Aging aging = app.getBean(Aging.class);
        LocalDate today = app.getBean(BusinessClock.class).today();
        Aging.Report now = aging.asOf(admin(), today, Aging.GroupBy.COMPANY);
        assertThat(now.total()).isPositive().isEqualTo(sum("SELECT SUM(open_amount) FROM receivable WHERE status = 'OPEN'"));

        LocalDate past = BenchData.AS_OF.minusDays(200);
        Aging.Report then = aging.asOf(admin(), past, Aging.GroupBy.OFFICE);
        BigDecimal expected = sum("SELECT SUM(amount) FROM receivable WHERE created_on <= DATE '" + past + "'")
                .subtract(sum("SELECT SUM(a.amount) FROM payment_allocation a JOIN receivable r ON r.id = a.receivable_id"
                        + " WHERE a.allocated_on <= DATE '" + past + "' AND r.created_on <= DATE '" + past + "'"));
        assertThat(then.total()).isPositive().isEqualTo(expected);
        assertThat(then.rows().stream().map(Aging.Row::total).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(expected);
    }

    @Test
    void theGradingRunComputesWhatTheRawSqlFloorComputes() throws Exception {
        GradingRuns runs = app.getBean(GradingRuns.class);
        LocalDate today = app.getBean(BusinessClock.class).today();
        // a few rated customers (the generator rates none), so the fourth indicator is compared too
        jdbc().sql("""
                        INSERT INTO grading_influence (customer_id, points, set_by, set_at)
                        SELECT id, 1 + CAST(id % 4 AS INTEGER), ?, CURRENT_TIMESTAMP FROM customer WHERE id % 501 = 0
                        ON CONFLICT (customer_id) DO NOTHING""").param(adminId()).update();
        GradingRun run = runs.computeAll(runs.start(adminId(), today).id());
        assertThat(run.status()).isEqualTo(GradingRun.Status.REVIEW);

        PolicyRules rules = app.getBean(Policies.class).on(today);
        int months = Integer.parseInt(rules.choice("grading", "period-months"));
        String floor = Files.readString(Path.of("bench/sql/grading-floor.sql"))
                .replace("${as_of}", today.toString())
                .replace("${from}", today.minusMonths(months).plusDays(1).toString())
                .replace("${grace}", Integer.toString(rules.integer("grading", "grace-days")));
        Map<Long, String> expected = jdbc().sql(floor).query((rs, n) -> Map.entry(rs.getLong("customer_id"),
                        indicators(rs.getBigDecimal("contract_amount"), rs.getBigDecimal("list_amount"), rs.getObject("first_signed_on"),
                                rs.getBoolean("arrears"), rs.getBigDecimal("open_receivables"), rs.getObject("influence"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, String> proposed = jdbc().sql("""
                        SELECT customer_id, contract_amount, list_amount, first_signed_on, arrears, open_receivables, influence
                        FROM grading_proposal WHERE run_id = ?""").param(run.id())
                .query((rs, n) -> Map.entry(rs.getLong("customer_id"), indicators(rs.getBigDecimal("contract_amount"),
                        rs.getBigDecimal("list_amount"), rs.getObject("first_signed_on"), rs.getBoolean("arrears"),
                        rs.getBigDecimal("open_receivables"), rs.getObject("influence"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(expected).hasSize((int) count("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL"));
        assertThat(expected.values().stream().filter(s -> s.contains("arrears=true")).count()).isPositive();
        assertThat(expected.values().stream().filter(s -> !s.contains("influence=null")).count()).isPositive();
        assertThat(proposed).isEqualTo(expected);
    }

    @Test
    void theCustomerListReturnsTheRowsOfTheScopeOnly() {
        CustomerSearch search = app.getBean(CustomerSearch.class);
        long director = jdbc().sql("SELECT id FROM employee WHERE username = 'dir001'").query(Long.class).single();
        long office = jdbc().sql("SELECT office_id FROM employee WHERE id = ?").param(director).query(Long.class).single();
        DataScope scope = new DataScope(director, false, Set.of(director), Set.of(office), Set.of(), Set.of());
        CustomerSearch.Page page = search.page(scope, new CustomerSearch.Params(null, null, null, null, null, null, null, null, null, null,
                null, null).filter(), null, 20);
        List<Long> expected = jdbc().sql("""
                        SELECT id FROM customer WHERE (owner_id = ? OR office_id = ?) AND deleted_at IS NULL ORDER BY id DESC LIMIT 20""")
                .params(director, office).query(Long.class).list();
        assertThat(page.rows()).extracting(CustomerSearch.Row::id).hasSize(20).containsExactlyElementsOf(expected);
        assertThat(page.rows()).allSatisfy(r -> assertThat(r.officeId()).isEqualTo(office));
        assertThat(page.nextCursor()).isNotNull();

        // a 1-character name search finds what a LIKE scan finds
        String ch = jdbc().sql("SELECT SUBSTRING(name, 3, 1) FROM customer WHERE id = 1").query(String.class).single();
        List<Long> found = new ArrayList<>();
        search.forEach(DataScope.everything(adminId()), CustomerSearch.Filter.pool(ch), r -> found.add(r.id()));
        assertThat(found).isNotEmpty().containsExactlyInAnyOrderElementsOf(jdbc().sql(
                "SELECT id FROM customer WHERE name_key LIKE ? AND owner_id IS NULL AND deleted_at IS NULL").param("%" + ch + "%")
                .query(Long.class).list());
    }

    private static String indicators(BigDecimal amount, BigDecimal list, Object firstSigned, boolean arrears, BigDecimal open,
                                     Object influence) {
        return "amount=" + amount.stripTrailingZeros().toPlainString() + " list=" + list.stripTrailingZeros().toPlainString()
                + " first=" + firstSigned + " arrears=" + arrears + " open=" + open.stripTrailingZeros().toPlainString()
                + " influence=" + (influence == null ? null : ((Number) influence).intValue());
    }

    private static DataScope admin() {
        return DataScope.everything(adminId());
    }

    private static long adminId() {
        return jdbc().sql("SELECT id FROM employee WHERE username = 'admin'").query(Long.class).single();
    }

    private static long count(String sql) {
        return jdbc().sql(sql).query(Long.class).single();
    }

    private static BigDecimal sum(String sql) {
        return jdbc().sql(sql).query(BigDecimal.class).single();
    }

    private static JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }
}
