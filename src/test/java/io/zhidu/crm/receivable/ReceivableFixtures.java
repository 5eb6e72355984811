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

/** What the receivable ITs share: fresh customers, signed contracts, payments through the API and the aging as JSON. */
abstract class ReceivableFixtures extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();
    static final AtomicLong CONTRACTS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;

    @AfterEach
    void realDate() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
    }

    static String newUscc() {
        return TestUscc.next(RANDOM, "91310000");
    }

    /** A fresh customer owned by the user (so allocations see only this test's receivables). */
    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", newUscc());
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", "ACTIVE");
        m.put("industry", "机械");
        m.put("region", "华东");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    ContractPlacement placement(long customerId) {
        return jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?").param(customerId)
                .query((rs, n) -> new ContractPlacement(rs.getObject("owner_id", Long.class), rs.getObject("office_id", Long.class),
                        rs.getLong("department_id"), rs.getLong("company_id"))).single();
    }

    static Installment term(int number, PaymentAnchor anchor, int days, String amount) {
        return new Installment(number, new BigDecimal("50"), anchor, days, new BigDecimal(amount));
    }

    long sign(long customerId, LocalDate signedOn, Installment... terms) {
        long contractId = CONTRACTS.incrementAndGet();
        publish(new ContractSigned(contractId, "HT-T-" + contractId, customerId, placement(customerId), signedOn,
                List.of(terms).stream().map(Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add), List.of(terms)));
        return contractId;
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    record Rec(long id, BigDecimal amount, BigDecimal open, LocalDate dueOn, LocalDate createdOn, String status) {
    }

    List<Rec> receivables(long customerId) {
        return jdbc.sql("""
                        SELECT id, amount, open_amount, due_on, created_on, status FROM receivable
                        WHERE customer_id = ? ORDER BY due_on, id""").param(customerId)
                .query((rs, n) -> new Rec(rs.getLong("id"), rs.getBigDecimal("amount"), rs.getBigDecimal("open_amount"),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("created_on", LocalDate.class), rs.getString("status")))
                .list();
    }

    ResultActions pay(String username, long customerId, String amount, LocalDate receivedOn, String reference) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("amount", amount);
        m.put("receivedOn", receivedOn == null ? null : receivedOn.toString());
        m.put("method", "BANK_TRANSFER");
        m.put("reference", reference);
        return mvc.perform(post("/api/v1/payments").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)));
    }

    long paid(long customerId, String amount, LocalDate receivedOn) throws Exception {
        String body = pay("finance", customerId, amount, receivedOn, "REF-" + System.nanoTime())
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(body, Map.class).get("id")).longValue();
    }

    static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    // ---- aging

    tools.jackson.databind.JsonNode aging(String username, LocalDate asOf, String groupBy) throws Exception {
        String body = mvc.perform(get("/api/v1/receivables/aging").param("asOf", asOf.toString()).param("groupBy", groupBy)
                        .header("Authorization", bearer(token(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readerFor(tools.jackson.databind.JsonNode.class)
                .with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(body);
    }

    /** key → bucket code → amount, non-zero only, from the API answer (groups with nothing open left out). */
    static Map<String, Map<String, BigDecimal>> amounts(tools.jackson.databind.JsonNode report) {
        Map<String, Map<String, BigDecimal>> out = new java.util.TreeMap<>();
        for (tools.jackson.databind.JsonNode row : report.get("rows")) {
            Map<String, BigDecimal> m = new java.util.TreeMap<>();
            for (var e : row.get("amounts").properties()) {
                BigDecimal v = e.getValue().decimalValue().setScale(2);
                if (v.signum() != 0) {
                    m.put(e.getKey(), v);
                }
            }
            BigDecimal total = m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(row.get("total").decimalValue()).isEqualByComparingTo(total);
            if (!m.isEmpty()) { // a group with only written-off amounts has no open row
                out.put(row.get("key").asString(), m);
            }
        }
        return out;
    }

    static Map<String, BigDecimal> row(tools.jackson.databind.JsonNode report, long key) {
        return amounts(report).getOrDefault(Long.toString(key), Map.of());
    }

    /** Days before today. */
    LocalDate ago(int days) {
        return clock.today().minusDays(days);
    }

}
