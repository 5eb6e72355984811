package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit's part in 合同评审 (issue #6 item 4): a contract beyond the customer's available credit
 * is flagged and goes to the GM (6.2.3-1); a held credit goes to the GM, an expired one to the VP,
 * none at all is told to the business-dept manager; the flags are kept per submission and shown on
 * the contract page and to the approver, in the reader's language.
 */
class ContractCreditReviewIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();
    static final AtomicLong CONTRACTS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10 + 3);

    @Autowired
    Contracts contracts;
    @Autowired
    CustomerCredits credits;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BusinessClock clock;

    long customer(String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", "ACTIVE");
        m.put("industry", "机械");
        m.put("region", "华东");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    /** A credit rated B with the limit, valid until the date (taken over from the credit file). */
    void credit(long customerId, String limit, LocalDate validUntil) {
        credits.importGranted(DataScope.everything(userId("stat")), customerId,
                new CustomerCredits.Proposal("B", new BigDecimal(limit), null, null, "评审测试授信"), validUntil);
    }

    /** An open receivable of {@code amount}, from a contract signed ten days ago (exposure). */
    void owes(long customerId, String amount) {
        long contractId = CONTRACTS.incrementAndGet();
        ContractPlacement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?")
                .param(customerId).query((rs, n) -> new ContractPlacement(rs.getObject("owner_id", Long.class),
                        rs.getObject("office_id", Long.class), rs.getLong("department_id"), rs.getLong("company_id"))).single();
        tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(contractId, "HT-R-" + contractId, customerId, placement,
                clock.today().minusDays(10), new BigDecimal(amount), List.of(new Installment(1, new BigDecimal("100"),
                PaymentAnchor.SIGNING, 60, new BigDecimal(amount))))));
    }

    /** Drafts a one-line contract of {@code amount} for sales1 and submits it; answers the approval id. */
    long submit(long customerId, String amount) {
        DataScope sales1 = DataScope.ownOnly(userId("sales1"));
        long id = contracts.draft(sales1, new Contracts.Draft(customerId, List.of(new Contracts.Line(null, "评审测试设备",
                BigDecimal.ONE, "台", new BigDecimal(amount), new BigDecimal(amount))),
                List.of(new Contracts.Term(new BigDecimal("100"), PaymentAnchor.SIGNING, 30)))).id();
        return contracts.submit(sales1, id);
    }

    long contractOf(long approvalId) {
        return jdbc.sql("SELECT subject_id FROM approval WHERE id = ?").param(approvalId).query(Long.class).single();
    }

    List<String> route(long approvalId) {
        return jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no").param(approvalId)
                .query(String.class).list();
    }

    /** The stored flags of a submission as "CODE amount REVIEWER clause". */
    List<String> flags(long approvalId) {
        return jdbc.sql("SELECT code, amount, reviewer, clause FROM contract_review_flag WHERE approval_id = ? ORDER BY position")
                .param(approvalId).query((rs, n) -> rs.getString(1) + " " + (rs.getBigDecimal(2) == null ? "-"
                        : rs.getBigDecimal(2).toPlainString()) + " " + rs.getString(3) + " " + rs.getString(4)).list();
    }

    String contractStatus(long id) {
        return jdbc.sql("SELECT status FROM contract WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void aContractBeyondTheAvailableCreditIsFlaggedAndGoesToTheGm() throws Exception {
        long customer = customer("评审超信用有限公司");
        credit(customer, "20000", clock.today().plusMonths(6));
        owes(customer, "5000.00");

        // 15,000 reaches the available credit (20,000 − 5,000) exactly: nothing to flag, the business-dept manager reviews
        long within = submit(customer, "15000");
        assertThat(flags(within)).isEmpty();
        assertThat(route(within)).containsExactly("BUSINESS_MANAGER");

        // one yuan more is a special contract beyond the credit range: the GM, the flag's amount is the excess
        long beyond = submit(customer, "15001");
        assertThat(flags(beyond)).containsExactly("CREDIT_EXCEEDED 1.00 GM 6.2.3-1");
        assertThat(route(beyond)).containsExactly("GM");
        long contract = contractOf(beyond);
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'CONTRACT_SUBMITTED' AND subject_id = ?")
                .param(Long.toString(contract)).query(String.class).single()).contains("GM", "CREDIT_EXCEEDED");

        // the contract page says why, in the reader's language
        String page = mvc.perform(get("/contracts/" + contract).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"contract-review-flags\"", "data-code=\"CREDIT_EXCEEDED\"",
                "合同金额 ¥15,001.00 超出可用信用 ¥15,000.00（额度 ¥20,000.00，现有敞口 ¥5,000.00），超出 ¥1.00",
                "总经理", "6.2.3-1", "/approvals/" + beyond);
        page = mvc.perform(get("/contracts/" + contract).param("lang", "en").with(login("director1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The contract amount ¥15,001.00 exceeds the available credit ¥15,000.00", "General manager");

        // so does the approval the GM decides, on the page and over the API
        page = mvc.perform(get("/approvals/" + beyond).with(login("gm"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"approval-notes\"", "为何由您审批", "超出可用信用 ¥15,000.00", "6.2.3-1");
        mvc.perform(get("/api/v1/approvals/" + beyond).header("Authorization", bearer(token("gm"))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes[0].message").value(org.hamcrest.Matchers.startsWith(
                        "The contract amount ¥15,001.00 exceeds the available credit ¥15,000.00 (limit ¥20,000.00, exposure ¥5,000.00) by ¥1.00")))
                .andExpect(jsonPath("$.notes[0].clause").value("6.2.3-1"));
        mvc.perform(get("/api/v1/approvals/" + within).header("Authorization", bearer(token("bizmgr"))))
                .andExpect(jsonPath("$.notes.length()").value(0));

        // the business-dept manager may not decide it; the GM does
        mvc.perform(post("/api/v1/approvals/" + beyond + "/approve").header("Authorization", bearer(token("bizmgr")))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/approvals/" + beyond + "/approve").header("Authorization", bearer(token("gm")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"特批\"}")).andExpect(status().isOk());
        for (int i = 0; i < 100 && !"APPROVED".equals(contractStatus(contract)); i++) {
            Thread.sleep(100);
        }
        assertThat(contractStatus(contract)).isEqualTo("APPROVED");
    }

    @Test
    void heldExpiredAndUncreditedCustomersAreFlaggedAsThePolicySays() throws Exception {
        // no credit at all: a cash customer; the business-dept manager is told, nobody above is troubled
        long none = customer("评审无信用有限公司");
        long cash = submit(none, "8000");
        assertThat(flags(cash)).containsExactly("NO_CREDIT 8000.00 BUSINESS_MANAGER 6.2.3-3");
        assertThat(route(cash)).containsExactly("BUSINESS_MANAGER");

        // on hold: beyond the credit range (the GM), even well within the limit; one flag says so
        long held = customer("评审冻结有限公司");
        credit(held, "50000", clock.today().plusMonths(6));
        mvc.perform(post("/api/v1/customers/" + held + "/credit/hold").header("Authorization", bearer(token("bizmgr")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"拒付\"}")).andExpect(status().isOk());
        long onHold = submit(held, "1000");
        assertThat(flags(onHold)).containsExactly("CREDIT_ON_HOLD 1000.00 GM 6.2.3-1");
        assertThat(route(onHold)).containsExactly("GM");

        // the GM rejects; once the hold is off a new submission raises nothing, and the page keeps both submissions
        long contract = contractOf(onHold);
        mvc.perform(post("/api/v1/approvals/" + onHold + "/reject").header("Authorization", bearer(token("gm")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"先解冻\"}")).andExpect(status().isOk());
        for (int i = 0; i < 100 && !"DRAFT".equals(contractStatus(contract)); i++) {
            Thread.sleep(100);
        }
        jdbc.sql("UPDATE customer_credit SET on_hold = FALSE WHERE customer_id = ?").param(held).update();
        long again = contracts.submit(DataScope.ownOnly(userId("sales1")), contract);
        assertThat(flags(again)).isEmpty();
        assertThat(route(again)).containsExactly("BUSINESS_MANAGER");
        String page = mvc.perform(get("/contracts/" + contract).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("客户信用已冻结", "/approvals/" + onHold);

        // valid until today still counts; expired yesterday is for the VP, who organises the credit reviews
        long valid = customer("评审有效期有限公司");
        credit(valid, "50000", clock.today());
        assertThat(flags(submit(valid, "1000"))).isEmpty();
        long expired = customer("评审过期有限公司");
        credit(expired, "50000", clock.today().minusDays(1));
        long lapsed = submit(expired, "1000");
        assertThat(flags(lapsed)).containsExactly("CREDIT_EXPIRED 1000.00 VP 6.2.3-2");
        assertThat(route(lapsed)).containsExactly("VP");
    }
}
