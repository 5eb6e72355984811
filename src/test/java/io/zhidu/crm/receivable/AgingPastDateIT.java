package io.zhidu.crm.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.scope.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The aging as of a past date (worked backwards from the maintained open amounts, issue #8) equals,
 * to the cent, the forward recomputation it replaced — every receivable created by the date, less
 * the allocations counting then — for many dates, every grouping and several data scopes, over
 * receivables with partial and full payments, reversals before and after the date (also of
 * allocations made before it), backdated payments, prepayments, write-offs before and after the
 * date (with a reversal after the write-off) and receivables raised after the date.
 */
class AgingPastDateIT extends ReceivableFixtures {

    /** The past-date query {@link Aging} issued before issue #8 (forwards over every receivable), kept as the reference. */
    static final String FORWARD = """
            SELECT group_id, bucket, SUM(open_part) AS open_sum FROM (
              SELECT %s AS group_id, %s AS bucket, r.amount - COALESCE(a.paid, 0) AS open_part
              FROM receivable r
              LEFT JOIN (SELECT pa.receivable_id, SUM(pa.amount) AS paid FROM payment_allocation pa
                         WHERE pa.allocated_on <= ? AND (pa.reversed_on IS NULL OR pa.reversed_on > ?)
                         GROUP BY pa.receivable_id) a ON a.receivable_id = r.id
              WHERE r.created_on <= ? AND (r.written_off_on IS NULL OR r.written_off_on > ?) AND %s) y
            GROUP BY group_id, bucket""";

    @Autowired
    Aging aging;
    @Autowired
    Policies policies;

    @Test
    void thePastAgingEqualsTheForwardRecomputationOnEveryDateGroupingAndScope() throws Exception {
        long a = customer("sales1", "账龄回推测试甲有限公司");
        long b = customer("sales2", "账龄回推测试乙有限公司");
        long c = customer("sales1", "账龄回推测试丙有限公司");
        long d = customer("sales2", "账龄回推测试丁有限公司");
        String finance = token("finance");
        String gm = token("gm");
        long partOfA;
        long partOfB;
        try {
            // A: partly paid, then fully paid by a payment reversed later, paid again in part, written off
            // in the past, that part reversed today (allocations before the date reversed after it, one of a
            // receivable written off before the date), raised after the date
            sign(a, back(400), term(1, PaymentAnchor.SIGNING, 30, "1000.00"));
            move(300);
            paid(a, "300.00", back(310));
            sign(a, back(280), term(1, PaymentAnchor.SIGNING, 60, "2000.00"));
            move(200);
            long settlesBoth = paid(a, "2700.00", back(200));
            move(150);
            reverse(finance, settlesBoth);
            move(120);
            partOfA = paid(a, "900.00", back(120)); // 700 settles the first, 200 the second
            move(100);
            writeOff(finance, gm, receivables(a).stream().filter(r -> r.amount().compareTo(money("2000.00")) == 0)
                    .findFirst().orElseThrow().id());
            // B: partly paid, written off today, that payment reversed after the write-off; a backdated full payment
            sign(b, back(350), term(1, PaymentAnchor.SIGNING, 0, "5000.00"));
            move(120);
            partOfB = paid(b, "1000.00", back(130));
            // C: paid, reversed, then paid again by a payment dated before the first one (over-settled in between)
            sign(c, back(200), term(1, PaymentAnchor.SIGNING, 30, "1000.00"));
            move(100);
            long first = paid(c, "1000.00", back(100));
            move(30);
            reverse(finance, first);
        } finally {
            offsets.setToday(back(0));
        }
        reverse(finance, partOfA);
        paid(a, "700.00", back(0));
        sign(a, back(5), term(1, PaymentAnchor.SIGNING, 30, "800.00"));
        sign(b, back(90), term(1, PaymentAnchor.SIGNING, 45, "3000.00"));
        writeOff(finance, gm, receivables(b).get(0).id());
        reverse(finance, partOfB);
        paid(b, "3000.00", back(80));
        paid(c, "1000.00", back(150));
        // D: a prepayment settling a receivable raised later, in part
        paid(d, "500.00", back(60));
        sign(d, back(30), term(1, PaymentAnchor.SIGNING, 10, "750.00"), term(2, PaymentAnchor.SIGNING, 90, "123.45"));

        // the cases happened as meant: A's 2,000 written off 100 days ago, B's written off today after its payment
        assertThat(receivables(a)).extracting(Rec::status).containsExactly("PAID", "WRITTEN_OFF", "OPEN");
        assertThat(receivables(b)).extracting(Rec::status).containsExactly("WRITTEN_OFF", "PAID");
        assertThat(receivables(c)).extracting(Rec::status).containsExactly("PAID");
        assertThat(jdbc.sql("SELECT written_off_on FROM receivable WHERE customer_id = ? AND status = 'WRITTEN_OFF'").param(a)
                .query(LocalDate.class).single()).isEqualTo(back(100));
        DataScope all = DataScope.everything(userId("finance"));
        assertThat(open(all, back(60), c)).isEqualByComparingTo("-1000.00"); // both payments counted then
        assertThat(open(all, back(130), a)).isEqualByComparingTo("2700.00");
        assertThat(open(all, back(101), a)).isEqualByComparingTo("1800.00"); // the 900 reversed today counted then
        assertThat(open(all, back(45), a)).isEqualByComparingTo("0"); // the first settled, the second written off
        assertThat(open(all, back(1), b)).isEqualByComparingTo("4000.00");

        Set<Integer> days = new TreeSet<>();
        for (int e : new int[] {400, 350, 310, 300, 280, 200, 150, 130, 120, 100, 90, 80, 60, 30, 5, 1}) {
            days.addAll(List.of(e - 1, e, e + 1));
        }
        for (int k = 0; k <= 450; k += 25) {
            days.add(k);
        }
        days.remove(0); // today is the maintained path, not the one under test
        List<DataScope> scopes = List.of(all, DataScope.ownOnly(userId("sales1")), officeOf("sales2"));
        for (int day : days) {
            LocalDate asOf = back(day);
            for (DataScope scope : scopes) {
                for (Aging.GroupBy g : Aging.GroupBy.values()) {
                    Aging.Report report = aging.asOf(scope, asOf, g);
                    Map<String, Map<String, BigDecimal>> expected = forward(scope, asOf, g);
                    assertThat(amounts(report)).as("%s by %s in %s", asOf, g, scope).isEqualTo(expected);
                    assertThat(report.total()).as("total %s by %s", asOf, g).isEqualByComparingTo(expected.values().stream()
                            .flatMap(m -> m.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
        }
    }

    /** The real date less {@code days} (not the business date, which the test moves back). */
    LocalDate back(int days) {
        return LocalDate.now(java.time.Clock.system(clock.getZone())).minusDays(days);
    }

    /** Moves the business date to {@code days} before the real date. */
    void move(int days) {
        offsets.setToday(back(days));
    }

    void reverse(String financeToken, long payment) throws Exception {
        mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(financeToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"退票\"}"))
                .andExpect(status().isOk());
    }

    /** Proposed by finance and approved by the GM; waits for the write-off (dated the business date) to land. */
    void writeOff(String financeToken, String gmToken, long receivable) throws Exception {
        String proposed = mvc.perform(post("/api/v1/receivables/" + receivable + "/write-off").header("Authorization", bearer(financeToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"客户破产\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long approval = ((Number) json.readValue(proposed, Map.class).get("approvalId")).longValue();
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(gmToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意核销\"}"))
                .andExpect(status().isOk());
        for (int i = 0; i < 100 && jdbc.sql("SELECT written_off_on FROM receivable WHERE id = ?").param(receivable)
                .query(LocalDate.class).optional().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("SELECT written_off_on FROM receivable WHERE id = ?").param(receivable).query(LocalDate.class).single())
                .isEqualTo(clock.today());
    }

    DataScope officeOf(String username) {
        long office = jdbc.sql("SELECT office_id FROM employee WHERE username = ?").param(username).query(Long.class).single();
        return new DataScope(userId(username), false, Set.of(), Set.of(office), Set.of(), Set.of());
    }

    /** One customer's open total on a date, by the aging under test. */
    BigDecimal open(DataScope scope, LocalDate asOf, long customer) {
        return aging.asOf(scope, asOf, Aging.GroupBy.CUSTOMER).rows().stream().filter(r -> r.key().equals(Long.toString(customer)))
                .map(Aging.Row::total).findFirst().orElse(BigDecimal.ZERO);
    }

    /** group key → bucket code → open amount, non-zero only, by the reference query. */
    Map<String, Map<String, BigDecimal>> forward(DataScope scope, LocalDate asOf, Aging.GroupBy g) {
        AgingBuckets buckets = AgingBuckets.of(policies.on(asOf));
        List<LocalDate> thresholds = buckets.thresholds(asOf);
        StringBuilder bucket = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>(thresholds);
        for (int i = 0; i < thresholds.size(); i++) {
            bucket.append(" WHEN r.due_on >= ? THEN ").append(i);
        }
        bucket.append(" ELSE ").append(thresholds.size()).append(" END");
        DataScope.Predicate p = scope.predicate(Receivables.COLUMNS);
        params.addAll(List.of(asOf, asOf, asOf, asOf));
        params.addAll(p.params());
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        jdbc.sql(FORWARD.formatted(g.idColumn, bucket, p.sql())).params(params).query(rs -> {
            BigDecimal v = rs.getBigDecimal("open_sum");
            Object id = rs.getObject("group_id");
            out.computeIfAbsent(id == null ? "" : id.toString(), k -> new TreeMap<>())
                    .merge(buckets.codes().get(rs.getInt("bucket")), v, BigDecimal::add);
        });
        out.values().forEach(m -> m.values().removeIf(v -> v.signum() == 0));
        out.values().removeIf(Map::isEmpty);
        out.values().forEach(m -> m.replaceAll((k, v) -> v.setScale(2)));
        return out;
    }

    static Map<String, Map<String, BigDecimal>> amounts(Aging.Report report) {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        for (Aging.Row row : report.rows()) {
            Map<String, BigDecimal> m = new TreeMap<>(row.amounts());
            m.values().removeIf(v -> v.signum() == 0);
            if (!m.isEmpty()) {
                m.replaceAll((k, v) -> v.setScale(2));
                out.put(row.key(), m);
            }
        }
        return out;
    }
}
