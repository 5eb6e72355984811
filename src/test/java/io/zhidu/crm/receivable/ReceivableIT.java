package io.zhidu.crm.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractShipped;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/** Receivables from the contract events, payments with allocation and prepayment, reversal, scope (issue #5). */
class ReceivableIT extends ReceivableFixtures {

    @Test
    void signingAndShippingRaiseOneReceivablePerInstallmentOnceEach() throws Exception {
        long customer = customer("sales1", "应收测试甲有限公司");
        LocalDate signedOn = clock.today().minusDays(40);
        long contract = CONTRACTS.incrementAndGet();
        List<Installment> terms = List.of(term(1, PaymentAnchor.SIGNING, 0, "3000.00"),
                term(2, PaymentAnchor.SHIPMENT, 30, "6000.00"), term(3, PaymentAnchor.SIGNING, 90, "1000.01"));
        ContractSigned signed = new ContractSigned(contract, "HT-T-" + contract, customer, placement(customer), signedOn,
                money("10000.01"), terms);
        publish(signed);
        publish(signed); // re-delivery changes nothing
        List<Rec> raised = receivables(customer);
        assertThat(raised).extracting(Rec::amount).containsExactly(money("3000.00"), money("1000.01"));
        assertThat(raised).extracting(Rec::dueOn).containsExactly(signedOn, signedOn.plusDays(90));
        assertThat(raised).extracting(Rec::createdOn).containsOnly(signedOn);
        assertThat(raised).extracting(Rec::status).containsOnly("OPEN");
        assertThat(raised).extracting(Rec::open).containsExactly(money("3000.00"), money("1000.01"));

        LocalDate shippedOn = signedOn.plusDays(10);
        ContractShipped shipped = new ContractShipped(contract, "HT-T-" + contract, customer, placement(customer), shippedOn,
                List.of(terms.get(1)));
        publish(shipped);
        publish(shipped);
        raised = receivables(customer);
        assertThat(raised).hasSize(3);
        assertThat(raised.get(1).dueOn()).isEqualTo(shippedOn.plusDays(30));
        assertThat(raised.get(1).createdOn()).isEqualTo(shippedOn);
        assertThat(raised.get(1).amount()).isEqualTo(money("6000.00"));
        assertThat(jdbc.sql("SELECT owner_id FROM receivable WHERE contract_id = ? AND installment_number = 2").param(contract)
                .query(Long.class).single()).isEqualTo(userId("sales1"));

        mvc.perform(get("/api/v1/receivables").param("customerId", Long.toString(customer))
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].contractNumber").value("HT-T-" + contract))
                .andExpect(jsonPath("$.items[0].installmentNumber").value(2)); // newest first
        // keyset pages of one
        String first = mvc.perform(get("/api/v1/receivables").param("customerId", Long.toString(customer)).param("size", "2")
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(jsonPath("$.items.length()").value(2)).andReturn().getResponse().getContentAsString();
        String cursor = (String) json.readValue(first, Map.class).get("nextCursor");
        assertThat(cursor).isNotNull();
        mvc.perform(get("/api/v1/receivables").param("customerId", Long.toString(customer)).param("size", "2")
                        .param("cursor", cursor).header("Authorization", bearer(token("sales1"))))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].installmentNumber").value(1))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RECEIVABLE_RAISED' AND subject_id = ?")
                .param(Long.toString(raised.get(0).id())).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aPaymentSettlesTheOldestDueFirstAndTheSurplusPaysTheNextReceivable() throws Exception {
        long customer = customer("sales1", "应收测试乙有限公司");
        LocalDate today = clock.today();
        sign(customer, today.minusDays(20), term(1, PaymentAnchor.SIGNING, 60, "500.00"));
        sign(customer, today.minusDays(50), term(1, PaymentAnchor.SIGNING, 10, "300.00"), term(2, PaymentAnchor.SIGNING, 40, "200.50"));
        // oldest due first: 300.00 (due -40), 200.50 (due -10), then 500.00 (due +40)
        long payment = paid(customer, "600.50", today.minusDays(1));
        List<Rec> r = receivables(customer);
        assertThat(r).extracting(Rec::open).containsExactly(money("0.00"), money("0.00"), money("400.00"));
        assertThat(r).extracting(Rec::status).containsExactly("PAID", "PAID", "OPEN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_allocation WHERE payment_id = ? AND allocated_on = ?")
                .params(payment, today.minusDays(1)).query(Long.class).single()).isEqualTo(3L);

        long surplus = paid(customer, "1000.00", today);
        assertThat(receivables(customer)).extracting(Rec::status).containsOnly("PAID");
        assertThat(jdbc.sql("SELECT unallocated FROM payment WHERE id = ?").param(surplus).query(BigDecimal.class).single())
                .isEqualByComparingTo("600.00");
        // the prepayment settles the next receivable as it is raised
        sign(customer, today, term(1, PaymentAnchor.SIGNING, 30, "750.00"));
        Rec next = receivables(customer).get(2); // due in 30 days, before the 500.00 due in 40
        assertThat(next.amount()).isEqualByComparingTo("750.00");
        assertThat(next.open()).isEqualByComparingTo("150.00");
        assertThat(next.status()).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT unallocated FROM payment WHERE id = ?").param(surplus).query(BigDecimal.class).single())
                .isEqualByComparingTo("0.00");
        mvc.perform(get("/api/v1/payments").param("customerId", Long.toString(customer))
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(surplus));
    }

    @Test
    void theSameReferenceTwiceAndBadInputAreRefusedAndChangeNothing() throws Exception {
        long customer = customer("sales1", "应收测试丙有限公司");
        sign(customer, clock.today().minusDays(5), term(1, PaymentAnchor.SIGNING, 0, "800.00"));
        String reference = "BANK-" + System.nanoTime();
        pay("finance", customer, "100.00", clock.today(), reference).andExpect(status().isCreated());
        pay("finance", customer, "100.00", clock.today(), reference).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("凭证号 " + reference + " 的回款已登记，不能重复登记。"));
        pay("finance", customer, "0", clock.today(), null).andExpect(status().isBadRequest());
        pay("finance", customer, "-5.00", clock.today(), null).andExpect(status().isBadRequest());
        pay("finance", customer, "1.001", clock.today(), null).andExpect(status().isBadRequest());
        pay("finance", customer, "5.00", clock.today().plusDays(1), null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("到账日期不能晚于今天。"));
        pay("finance", customer, "5.00", null, null).andExpect(status().isBadRequest());
        pay("finance", 987_654_321L, "5.00", clock.today(), null).andExpect(status().isNotFound());
        // sales may read but not record payments
        pay("sales1", customer, "5.00", clock.today(), null).andExpect(status().isForbidden());
        assertThat(receivables(customer).get(0).open()).isEqualByComparingTo("700.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE customer_id = ?").param(customer).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void aReversalReopensWhatThePaymentSettledAndKeepsThePayment() throws Exception {
        long customer = customer("sales1", "应收测试丁有限公司");
        sign(customer, clock.today().minusDays(30), term(1, PaymentAnchor.SIGNING, 0, "400.00"));
        long payment = paid(customer, "400.00", clock.today().minusDays(2));
        assertThat(receivables(customer).get(0).status()).isEqualTo("PAID");

        mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"错账\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"银行退票\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVERSED"))
                .andExpect(jsonPath("$.reverseReason").value("银行退票"));
        Rec r = receivables(customer).get(0);
        assertThat(r.status()).isEqualTo("OPEN");
        assertThat(r.open()).isEqualByComparingTo("400.00");
        assertThat(jdbc.sql("SELECT reversed_on FROM payment_allocation WHERE payment_id = ?").param(payment)
                .query(LocalDate.class).single()).isEqualTo(clock.today());
        mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再来一次\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE id = ?").param(payment).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void eachRoleSeesTheReceivablesOfItsScope() throws Exception {
        long customer = customer("sales1", "应收测试戊有限公司");
        sign(customer, clock.today().minusDays(3), term(1, PaymentAnchor.SIGNING, 10, "123.45"));
        long id = receivables(customer).get(0).id();
        for (String who : List.of("sales1", "director1", "finance", "gm", "planning", "stat")) {
            mvc.perform(get("/api/v1/receivables/" + id).header("Authorization", bearer(token(who))))
                    .andExpect(status().isOk());
        }
        for (String who : List.of("sales2", "sales3", "director2")) {
            mvc.perform(get("/api/v1/receivables/" + id).header("Authorization", bearer(token(who))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/receivables").param("customerId", Long.toString(customer))
                            .header("Authorization", bearer(token(who))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        }
        long payment = paid(customer, "23.45", clock.today());
        mvc.perform(get("/api/v1/payments/" + payment).header("Authorization", bearer(token("sales2"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/" + payment).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.amount").value(23.45));
        mvc.perform(get("/api/v1/receivables").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAgingPutsEachBoundaryInItsBucketTodayAndTheDayBefore() throws Exception {
        long customer = customer("sales1", "账龄边界测试有限公司");
        LocalDate signedOn = ago(400);
        int[] pastDue = {0, 1, 30, 31, 365, 366};
        Installment[] terms = new Installment[pastDue.length];
        for (int i = 0; i < pastDue.length; i++) {
            terms[i] = term(i + 1, PaymentAnchor.SIGNING, 400 - pastDue[i], BigDecimal.ONE.movePointRight(i).setScale(2).toPlainString());
        }
        sign(customer, signedOn, terms);
        assertThat(row(aging("finance", clock.today(), "customer"), customer)).isEqualTo(Map.of(
                "NOT_DUE", money("1.00"), "1_30", money("110.00"), "31_60", money("1000.00"),
                "181_365", money("10000.00"), "OVER_365", money("100000.00")));
        // as of yesterday (the as-of-a-past-date query): everything is one day younger
        assertThat(row(aging("finance", ago(1), "customer"), customer)).isEqualTo(Map.of(
                "NOT_DUE", money("11.00"), "1_30", money("1100.00"), "181_365", money("110000.00")));
        // before the contract was signed nothing was owed
        assertThat(row(aging("finance", ago(401), "customer"), customer)).isEmpty();
    }

    @Test
    void asOfAPastDateOnlyWhatExistedThenCounts() throws Exception {
        long customer = customer("sales1", "账龄回溯测试有限公司");
        long older = sign(customer, ago(100), term(1, PaymentAnchor.SIGNING, 30, "1000.00"));   // due 70 days ago
        paid(customer, "400.00", ago(50));
        long second = paid(customer, "600.00", ago(20));
        long newer = sign(customer, ago(10), term(1, PaymentAnchor.SIGNING, 30, "500.00"));     // due in 20 days
        mvc.perform(post("/api/v1/payments/" + second + "/reverse").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"退票\"}"))
                .andExpect(status().isOk());

        assertThat(row(aging("finance", ago(101), "customer"), customer)).isEmpty();
        assertThat(row(aging("finance", ago(60), "customer"), customer)).isEqualTo(Map.of("1_30", money("1000.00")));
        assertThat(row(aging("finance", ago(30), "customer"), customer)).isEqualTo(Map.of("31_60", money("600.00")));
        assertThat(row(aging("finance", ago(10), "customer"), customer)).isEqualTo(Map.of("NOT_DUE", money("500.00")));
        // the reversal happened today: yesterday the 600 still counted as paid
        assertThat(row(aging("finance", ago(1), "customer"), customer)).isEqualTo(Map.of("NOT_DUE", money("500.00")));
        assertThat(row(aging("finance", clock.today(), "customer"), customer))
                .isEqualTo(Map.of("NOT_DUE", money("500.00"), "61_90", money("600.00")));

        // the drill-down of a past date lists what made up that figure, with the open amounts of that date
        var session = login("finance");
        assertThat(mvc.perform(get("/receivables/aging").param("groupBy", "customer").param("asOf", ago(30).toString())
                        .with(session)).andReturn().getResponse().getContentAsString())
                .contains("/receivables?asOf=" + ago(30) + "&amp;customerId=" + customer);
        String then = drill(session, customer, ago(30));
        assertThat(then).contains("HT-T-" + older + " 第 1 期", "600.00").doesNotContain("HT-T-" + newer + " ");
        String later = drill(session, customer, ago(10));
        assertThat(later).contains("HT-T-" + newer + " 第 1 期", "500.00").doesNotContain("HT-T-" + older + " ");
        mvc.perform(get("/receivables").param("asOf", clock.today().plusDays(1).toString()).with(session))
                .andExpect(status().is4xxClientError());

        mvc.perform(get("/api/v1/receivables/aging").param("asOf", clock.today().plusDays(1).toString())
                        .header("Authorization", bearer(token("finance"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/receivables/aging").param("groupBy", "planet")
                        .header("Authorization", bearer(token("finance"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/receivables/aging").param("asOf", "2026-02-30")
                        .header("Authorization", bearer(token("finance"))))
                .andExpect(status().isBadRequest());
    }

    /** The aging by customer as a full recomputation in Java from every receivable and allocation row. */
    String drill(org.springframework.test.web.servlet.request.RequestPostProcessor session, long customer, LocalDate asOf)
            throws Exception {
        return mvc.perform(get("/receivables").param("asOf", asOf.toString()).param("customerId", Long.toString(customer))
                .with(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    Map<String, Map<String, BigDecimal>> bruteForce(LocalDate asOf) {
        AgingBuckets buckets = new AgingBuckets(0, List.of(30, 60, 90, 180, 365));
        List<String> codes = buckets.codes();
        Map<Long, BigDecimal> paid = new java.util.HashMap<>();
        jdbc.sql("SELECT receivable_id, amount, allocated_on, reversed_on FROM payment_allocation").query(rs -> {
            LocalDate on = rs.getObject("allocated_on", LocalDate.class);
            LocalDate reversed = rs.getObject("reversed_on", LocalDate.class);
            if (!on.isAfter(asOf) && (reversed == null || reversed.isAfter(asOf))) {
                paid.merge(rs.getLong("receivable_id"), rs.getBigDecimal("amount"), BigDecimal::add);
            }
        });
        Map<String, Map<String, BigDecimal>> out = new java.util.TreeMap<>();
        jdbc.sql("SELECT id, customer_id, amount, due_on, created_on, written_off_on FROM receivable").query(rs -> {
            LocalDate created = rs.getObject("created_on", LocalDate.class);
            LocalDate writtenOff = rs.getObject("written_off_on", LocalDate.class);
            if (created.isAfter(asOf) || (writtenOff != null && !writtenOff.isAfter(asOf))) {
                return;
            }
            BigDecimal open = rs.getBigDecimal("amount").subtract(paid.getOrDefault(rs.getLong("id"), BigDecimal.ZERO));
            long days = java.time.temporal.ChronoUnit.DAYS.between(rs.getObject("due_on", LocalDate.class), asOf);
            out.computeIfAbsent(Long.toString(rs.getLong("customer_id")), k -> new java.util.TreeMap<>())
                    .merge(codes.get(buckets.index(days)), open, BigDecimal::add);
        });
        out.values().forEach(m -> m.values().removeIf(v -> v.signum() == 0));
        out.values().removeIf(Map::isEmpty);
        out.values().forEach(m -> m.replaceAll((k, v) -> v.setScale(2)));
        return out;
    }

    @Test
    void theAgingEqualsAFullRecomputationToTheCentOnAnyDate() throws Exception {
        Random r = new Random(6241);
        for (int c = 0; c < 4; c++) {
            long customer = customer(c % 2 == 0 ? "sales1" : "sales2", "账龄核对测试有限公司");
            for (int k = 0; k < 6; k++) {
                int signed = 30 + r.nextInt(600);
                sign(customer, ago(signed), term(1, PaymentAnchor.SIGNING, r.nextInt(120),
                        new BigDecimal(r.nextInt(2_000_000) + 1).movePointLeft(2).toPlainString()),
                        term(2, PaymentAnchor.SIGNING, 60 + r.nextInt(200), new BigDecimal(r.nextInt(900_000) + 1).movePointLeft(2).toPlainString()));
            }
            for (int k = 0; k < 5; k++) {
                long payment = paid(customer, new BigDecimal(r.nextInt(1_500_000) + 1).movePointLeft(2).toPlainString(), ago(r.nextInt(25)));
                if (k == 2) {
                    mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(token("finance")))
                                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对\"}"))
                            .andExpect(status().isOk());
                }
            }
        }
        for (int days : new int[] {0, 1, 7, 24, 90, 365, 700}) {
            LocalDate asOf = ago(days);
            tools.jackson.databind.JsonNode report = aging("finance", asOf, "customer");
            assertThat(amounts(report)).as("as of %s", asOf).isEqualTo(bruteForce(asOf));
            BigDecimal grand = bruteForce(asOf).values().stream().flatMap(m -> m.values().stream())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(report.get("total").decimalValue()).isEqualByComparingTo(grand);
            assertThat(aging("finance", asOf, "company").get("total").decimalValue()).isEqualByComparingTo(grand);
            assertThat(aging("finance", asOf, "salesperson").get("total").decimalValue()).isEqualByComparingTo(grand);
        }
    }

    @Test
    void theAgingObeysTheDataScope() throws Exception {
        long mine = customer("sales1", "账龄范围测试有限公司");
        sign(mine, ago(45), term(1, PaymentAnchor.SIGNING, 0, "77.00"));
        assertThat(amounts(aging("sales1", clock.today(), "customer"))).containsKey(Long.toString(mine));
        assertThat(amounts(aging("director1", clock.today(), "customer"))).containsKey(Long.toString(mine));
        assertThat(amounts(aging("sales2", clock.today(), "customer"))).doesNotContainKey(Long.toString(mine));
        assertThat(amounts(aging("director2", clock.today(), "customer"))).doesNotContainKey(Long.toString(mine));
        assertThat(amounts(aging("sales1", clock.today(), "salesperson")).keySet()).containsOnly(Long.toString(userId("sales1")));
    }

    @Test
    void theScreensListTheReceivablesAndTheAgingWithDrillDownAndExport() throws Exception {
        long customer = customer("sales1", "账龄页面测试有限公司");
        long contract = sign(customer, ago(40), term(1, PaymentAnchor.SIGNING, 0, "4321.00"));
        var session = login("sales1");
        String page = mvc.perform(get("/receivables/aging").param("groupBy", "customer").with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("应收账款账龄", "逾期 31–60 天", "未到期", "¥4,321.00".replace("¥", ""))
                .contains("/receivables?status=OPEN&amp;customerId=" + customer);
        String english = mvc.perform(get("/receivables/aging").param("groupBy", "customer").param("lang", "en").with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("AR aging", "31–60 days past due", "Not yet due");
        String list = mvc.perform(get("/receivables").param("status", "OPEN").param("customerId", Long.toString(customer)).with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("HT-T-" + contract + " 第 1 期", "逾期");
        mvc.perform(get("/receivables/aging/export").param("groupBy", "office").with(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(io.zhidu.crm.shared.excel.XlsxExport.CONTENT_TYPE));
        mvc.perform(get("/receivables/aging").with(login("warehouse"))).andExpect(status().isForbidden());
    }

    @Test
    void aWriteOffProposedByFinanceAndApprovedByTheGmLeavesTheOpenAgingFromThatDay() throws Exception {
        LocalDate today = clock.today();
        long customer = customer("sales1", "坏账核销测试有限公司");
        sign(customer, today.minusDays(200), term(1, PaymentAnchor.SIGNING, 30, "5000.00"));
        long receivable = receivables(customer).get(0).id();
        long payment = paid(customer, "1000.00", today.minusDays(100));
        String finance = token("finance");

        mvc.perform(post("/api/v1/receivables/" + receivable + "/write-off").header("Authorization", bearer(finance))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/receivables/" + receivable + "/write-off").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"客户破产\"}"))
                .andExpect(status().isForbidden());
        String proposed = mvc.perform(post("/api/v1/receivables/" + receivable + "/write-off").header("Authorization", bearer(finance))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"客户破产，清算无财产可分配\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long approval = ((Number) json.readValue(proposed, Map.class).get("approvalId")).longValue();
        // one request at a time; nothing is written off before the decision
        mvc.perform(post("/api/v1/receivables/" + receivable + "/write-off").header("Authorization", bearer(finance))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次提交\"}"))
                .andExpect(status().isConflict());
        assertThat(receivables(customer).get(0).status()).isEqualTo("OPEN");
        // the policy names the GM: the VP cannot decide it
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("vp")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("gm")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意核销\"}"))
                .andExpect(status().isOk());
        for (int i = 0; i < 100 && !receivables(customer).get(0).status().equals("WRITTEN_OFF"); i++) {
            Thread.sleep(100);
        }
        Rec written = receivables(customer).get(0);
        assertThat(written.status()).isEqualTo("WRITTEN_OFF");
        assertThat(written.open()).isEqualByComparingTo("0");

        // the aging of earlier dates still shows it open; from today it is gone
        assertThat(row(aging("finance", today.minusDays(1), "customer"), customer).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("4000.00");
        assertThat(row(aging("finance", today, "customer"), customer)).isEmpty();
        // reversing the payment afterwards does not reopen a written-off receivable
        mvc.perform(post("/api/v1/payments/" + payment + "/reverse").header("Authorization", bearer(finance))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"退票\"}"))
                .andExpect(status().isOk());
        assertThat(receivables(customer).get(0).status()).isEqualTo("WRITTEN_OFF");
        assertThat(receivables(customer).get(0).open()).isEqualByComparingTo("0");
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RECEIVABLE_WRITTEN_OFF' AND subject_id = ?")
                .param(Long.toString(receivable)).query(Long.class).single()).isOne();
    }
}
