package io.zhidu.crm.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grading ITs' fixtures: customers, signed contracts with their receivables, payments, the
 * grade API, approvals, and closing any run left undecided (the demo's run waiting for the VP too).
 */
abstract class GradingFixtures extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BusinessClock clock;
    @Autowired
    GradingRuns runs;
    @Autowired
    GradingYearEnd yearEnd;

    @AfterEach
    void closeRuns() {
        runs.batchSize(GradingRuns.DEFAULT_BATCH);
        closeOpenRun();
    }

    /** Ends any run left undecided (this class's or a crashed one), so the next may start. */
    void closeOpenRun() {
        jdbc.sql("UPDATE grading_proposal SET status = 'REJECTED' WHERE status = 'OPEN' AND run_id IN "
                + "(SELECT id FROM grading_run WHERE open_key IS NOT NULL)").update();
        jdbc.sql("UPDATE grading_run SET status = 'REJECTED', open_key = NULL WHERE open_key IS NOT NULL").update();
    }

    // ---- fixtures

    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", "ACTIVE");
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

    /** A signed contract (amount and list amount in yuan) and, for each installment, its receivable. */
    long signed(long customerId, LocalDate signedOn, String amount, String listAmount, Installment... terms) {
        ContractPlacement p = placement(customerId);
        String number = "HT-G-" + System.nanoTime();
        long id = jdbc.sql("""
                        INSERT INTO contract (number, customer_id, owner_id, office_id, department_id, company_id, status,
                                              contract_date, price_date, amount, list_amount, approved_on, signed_on, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'SIGNED', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, customerId, p.ownerId(), p.officeId(), p.departmentId(), p.companyId(), signedOn, signedOn,
                        new BigDecimal(amount), new BigDecimal(listAmount), signedOn, signedOn, userId("sales1"), OffsetDateTime.now())
                .update() > 0 ? jdbc.sql("SELECT id FROM contract WHERE number = ?").param(number).query(Long.class).single() : 0;
        if (terms.length > 0) {
            tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(id, number, customerId, p, signedOn,
                    new BigDecimal(amount), List.of(terms))));
        }
        return id;
    }

    static Installment due(int days, String amount) {
        return new Installment(1, new BigDecimal("100"), PaymentAnchor.SIGNING, days, new BigDecimal(amount));
    }

    void paid(long customerId, String amount, LocalDate receivedOn) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("amount", amount);
        m.put("receivedOn", receivedOn.toString());
        m.put("method", "BANK_TRANSFER");
        m.put("reference", "G-" + System.nanoTime());
        mvc.perform(post("/api/v1/payments").header("Authorization", bearer(token("finance")))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m))).andExpect(status().isCreated());
    }

    ResultActions grade(String username, long customerId, LocalDate asOf) throws Exception {
        var request = get("/api/v1/customers/" + customerId + "/grade").header("Authorization", bearer(token(username)));
        return mvc.perform(asOf == null ? request : request.param("asOf", asOf.toString()));
    }

    ResultActions rate(String username, long customerId, Object points) throws Exception {
        return mvc.perform(put("/api/v1/customers/" + customerId + "/strategic-influence")
                .header("Authorization", bearer(token(username))).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("points", points, "reason", "行业地位"))));
    }

    void approve(String username, long approvalId) throws Exception {
        mvc.perform(post("/api/v1/approvals/" + approvalId + "/approve").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
    }

    String customerGrade(long customerId) {
        String g = jdbc.sql("SELECT COALESCE(grade, '-') FROM customer WHERE id = ?").param(customerId).query(String.class).single();
        return g.trim().equals("-") ? null : g.trim();
    }

    String runStatus(long runId) {
        return jdbc.sql("SELECT status FROM grading_run WHERE id = ?").param(runId).query(String.class).single();
    }

    void awaitRun(long runId, String expected) throws InterruptedException {
        for (int i = 0; i < 300 && !runStatus(runId).equals(expected); i++) {
            Thread.sleep(100);
        }
        assertThat(runStatus(runId)).isEqualTo(expected);
    }

    long notices(String username, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND message_key = ?").params(userId(username), key)
                .query(Long.class).single();
    }
}
