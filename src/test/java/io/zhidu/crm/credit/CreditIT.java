package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer credit end to end (issue #6 phase 1): proposals decided by the VP or, above the policy
 * amount, the GM; history; hold and release; the exposure against receivables raised from a signed
 * contract; the credit check; bad input and data scope on the API and the screens; the hold over the
 * API; the credit's flags in contract review (beyond the available credit → the GM, on hold → the GM,
 * expired → the VP, none → the business-dept manager told), kept per submission and shown on the
 * contract page and to the approver in the reader's language.
 */
class CreditIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();
    static final AtomicLong CONTRACTS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10 + 7);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BusinessClock clock;
    @Autowired
    CreditCheck check;
    @Autowired
    Contracts contracts;
    @Autowired
    CustomerCredits credits;

    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
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

    /** Receivables of a contract signed {@code daysAgo}: one per amount, due {@code dueIn} days after signing. */
    void signed(long customerId, int daysAgo, int[] dueIn, String... amounts) {
        long contractId = CONTRACTS.incrementAndGet();
        ContractPlacement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?")
                .param(customerId).query((rs, n) -> new ContractPlacement(rs.getObject("owner_id", Long.class),
                        rs.getObject("office_id", Long.class), rs.getLong("department_id"), rs.getLong("company_id"))).single();
        List<Installment> terms = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            terms.add(new Installment(i + 1, new BigDecimal("50"), PaymentAnchor.SIGNING, dueIn[i], new BigDecimal(amounts[i])));
            total = total.add(new BigDecimal(amounts[i]));
        }
        ContractSigned event = new ContractSigned(contractId, "HT-C-" + contractId, customerId, placement,
                clock.today().minusDays(daysAgo), total, terms);
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    ResultActions putCredit(String username, long customerId, Object body) throws Exception {
        return mvc.perform(put("/api/v1/customers/" + customerId + "/credit").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    long propose(String username, long customerId, Map<String, Object> body) throws Exception {
        String response = putCredit(username, customerId, body).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("approvalId")).longValue();
    }

    ResultActions getCredit(String username, long customerId) throws Exception {
        return mvc.perform(get("/api/v1/customers/" + customerId + "/credit").header("Authorization", bearer(token(username))));
    }

    void approve(String username, long approvalId) throws Exception {
        mvc.perform(post("/api/v1/approvals/" + approvalId + "/approve").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
    }

    List<String> route(long approvalId) {
        return jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no").param(approvalId)
                .query(String.class).list();
    }

    String changeStatus(long approvalId) {
        return jdbc.sql("SELECT status FROM credit_change WHERE approval_id = ?").param(approvalId).query(String.class).single();
    }

    void awaitChange(long approvalId, String expected) throws InterruptedException {
        for (int i = 0; i < 100 && !changeStatus(approvalId).equals(expected); i++) {
            Thread.sleep(100);
        }
        assertThat(changeStatus(approvalId)).isEqualTo(expected);
    }

    long changes(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_change WHERE customer_id = ?").param(customerId).query(Long.class).single();
    }

    static Map<String, Object> body(String rating, Object limit, Object termsDays, String form) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rating", rating);
        m.put("limit", limit);
        m.put("termsDays", termsDays);
        m.put("form", form);
        return m;
    }

    @Test
    void aCreditIsProposedApprovedByTheVpAndAboveThePolicyAmountByTheGmWithItsHistory() throws Exception {
        long customer = customer("sales1", "信用测试华东有限公司");
        // a salesperson reads the credit but may not propose one
        putCredit("sales1", customer, body("A", 500000, 30, "MONTHLY")).andExpect(status().isForbidden());
        getCredit("sales1", customer).andExpect(status().isOk()).andExpect(jsonPath("$.rating").doesNotExist())
                .andExpect(jsonPath("$.limit").doesNotExist()).andExpect(jsonPath("$.available").value(0.00))
                .andExpect(jsonPath("$.onHold").value(false));

        long first = propose("stat", customer, body("A", 500000, 45, "MONTHLY"));
        assertThat(route(first)).containsExactly("VP");
        getCredit("stat", customer).andExpect(jsonPath("$.pendingApprovalId").value(first)).andExpect(jsonPath("$.rating").doesNotExist());
        // one pending change per customer
        putCredit("bizmgr", customer, body("AA", null, null, null)).andExpect(status().isConflict());
        approve("vp", first);
        awaitChange(first, "APPROVED");
        getCredit("sales1", customer).andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value("A")).andExpect(jsonPath("$.limit").value(500000.00))
                .andExpect(jsonPath("$.termsDays").value(45)).andExpect(jsonPath("$.form").value("MONTHLY"))
                .andExpect(jsonPath("$.validUntil").value(clock.today().plusMonths(12).toString()))
                .andExpect(jsonPath("$.exposure").value(0.00)).andExpect(jsonPath("$.available").value(500000.00))
                .andExpect(jsonPath("$.pendingApprovalId").doesNotExist());

        // above the policy amount (default ¥1,000,000) the GM decides, not the VP; form and days from the rating's defaults
        long second = propose("bizmgr", customer, body("AAA", "1000000.01", null, null));
        assertThat(route(second)).containsExactly("GM");
        mvc.perform(post("/api/v1/approvals/" + second + "/approve").header("Authorization", bearer(token("vp")))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().is4xxClientError());
        approve("gm", second);
        awaitChange(second, "APPROVED");
        getCredit("stat", customer).andExpect(jsonPath("$.rating").value("AAA")).andExpect(jsonPath("$.limit").value(1000000.01))
                .andExpect(jsonPath("$.termsDays").value(90));

        // a rejected proposal changes nothing but stays in the history
        long third = propose("stat", customer, body("C", 0, 0, "CASH"));
        mvc.perform(post("/api/v1/approvals/" + third + "/reject").header("Authorization", bearer(token("vp")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"不同意降级\"}")).andExpect(status().isOk());
        awaitChange(third, "REJECTED");
        getCredit("stat", customer).andExpect(jsonPath("$.rating").value("AAA"));

        record H(String kind, String status, String oldRating, String newRating, String proposedBy, String decidedBy) {
        }
        List<H> history = jdbc.sql("""
                        SELECT ch.kind, ch.status, ch.old_rating, ch.new_rating, p.username AS proposer, d.username AS decider
                        FROM credit_change ch JOIN employee p ON p.id = ch.proposed_by LEFT JOIN employee d ON d.id = ch.decided_by
                        WHERE ch.customer_id = ? ORDER BY ch.id""").param(customer)
                .query((rs, n) -> new H(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
        assertThat(history).containsExactly(new H("CHANGE", "APPROVED", null, "A", "stat", "vp"),
                new H("CHANGE", "APPROVED", "A", "AAA", "bizmgr", "gm"), new H("CHANGE", "REJECTED", null, "C", "stat", "vp"));
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CREDIT_APPROVED' AND subject_id = ?")
                .param(Long.toString(customer)).query(Long.class).single()).isEqualTo(2L);

        // the tab shows the figures and the history
        String page = mvc.perform(get("/customers/" + customer).with(login("stat"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"credit-tab\"", "¥1,000,000.01", "已驳回");
        // 客户信用管理卡
        mvc.perform(get("/customers/" + customer + "/credit-card.pdf").with(login("stat"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void theExposureIsTheOpenReceivablesAndTheCheckExplainsEachReason() throws Exception {
        long customer = customer("sales1", "信用敞口测试有限公司");
        // signed 50 days ago: 3,000 due 30 days after (20 days overdue), 7,000.50 due in 40 days
        signed(customer, 50, new int[]{30, 90}, "3000.00", "7000.50");
        getCredit("finance", customer).andExpect(status().isOk())
                .andExpect(jsonPath("$.exposure").value(10000.50)).andExpect(jsonPath("$.overdueAmount").value(3000.00))
                .andExpect(jsonPath("$.oldestOverdueDays").value(20)).andExpect(jsonPath("$.available").value(0.00));

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            CreditCheck.Result none = check.check(customer, new BigDecimal("100.00"));
            assertThat(none.passed()).isFalse();
            assertThat(none.reasons()).extracting(CreditCheck.Reason::code).containsExactly(BlockReason.NO_CREDIT, BlockReason.OVERDUE);
            assertThat(none.reasons().get(0).amount()).isEqualByComparingTo("10100.50");
            assertThat(none.reasons().get(1).message()).isEqualTo("有应收款逾期 20 天，超过宽限 0 天；逾期金额 ¥3,000.00。");

            long approval = propose("bizmgr", customer, body("A", "10100.00", 30, "MONTHLY"));
            approve("vp", approval);
            awaitChange(approval, "APPROVED");
            getCredit("sales1", customer).andExpect(jsonPath("$.available").value(99.50));
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE); // each request above reset it
            CreditCheck.Result over = check.check(customer, new BigDecimal("100.00"));
            assertThat(over.reasons()).extracting(CreditCheck.Reason::code).containsExactly(BlockReason.OVERDUE, BlockReason.OVER_LIMIT);
            assertThat(over.reasons().get(1).amount()).isEqualByComparingTo("0.50");
            assertThat(over.reasons().get(1).message())
                    .isEqualTo("敞口 ¥10,000.50 加本次 ¥100.00 超出信用额度 ¥10,100.00，超出 ¥0.50。");
            assertThat(over.position().parts()).extracting(CreditPosition.Part::labelKey).startsWith(CreditPosition.RECEIVABLES);

            // a payment of the overdue receivable clears the overdue reason; the limit reached exactly passes
            mvc.perform(post("/api/v1/payments").header("Authorization", bearer(token("finance")))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("customerId", customer,
                            "amount", "3000.00", "receivedOn", clock.today().toString(), "method", "BANK_TRANSFER",
                            "reference", "CR-" + System.nanoTime())))).andExpect(status().isCreated());
            assertThat(check.check(customer, new BigDecimal("3099.50")).passed()).isTrue();
            assertThat(check.check(customer, new BigDecimal("3099.51")).reasons()).extracting(CreditCheck.Reason::code)
                    .containsExactly(BlockReason.OVER_LIMIT);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        long customer = customer("sales1", "信用输入测试有限公司");
        putCredit("stat", customer, body("A", -1, 30, "MONTHLY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.detail").value("信用额度不能小于零。"));
        putCredit("stat", customer, body("BBB", 1000, 30, "MONTHLY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"))
                .andExpect(jsonPath("$.detail").value("信用等级须为信用标准中的等级：AAA, AA, A, B, C。"));
        putCredit("stat", customer, body("A", 1000, -1, "MONTHLY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("termsDays"));
        putCredit("stat", customer, body("A", 1000, 30, "BARTER")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("form"));
        putCredit("stat", customer, body("A", "lots", 30, "MONTHLY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        putCredit("stat", customer, "{not json").andExpect(status().isBadRequest());
        putCredit("stat", customer, body(null, 1000, 30, "MONTHLY")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"));
        assertThat(changes(customer)).isZero();

        // the form keeps what was typed and says what is wrong, on the field
        String page = mvc.perform(post("/customers/" + customer + "/credit").with(login("stat")).with(csrf())
                        .param("rating", "A").param("limit", "-5").param("form", "MONTHLY").param("termsDays", "30")
                        .param("reason", "首次授信"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("信用额度不能小于零。", "value=\"-5\"", "首次授信", "is-invalid");
        page = mvc.perform(post("/customers/" + customer + "/credit").with(login("stat")).with(csrf())
                        .param("rating", "A").param("limit", "1,000").param("termsDays", "三十"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("信用期须为 0 到 3,650 之间的整数天数。", "value=\"三十\"");
        assertThat(changes(customer)).isZero();
    }

    @Test
    void outsideTheScopeTheCreditIsAbsent() throws Exception {
        long customer = customer("sales1", "信用范围测试有限公司");
        getCredit("sales1", customer).andExpect(status().isOk());
        getCredit("sales2", customer).andExpect(status().isNotFound());
        getCredit("director2", customer).andExpect(status().isNotFound());
        getCredit("sales1", 987_654_321L).andExpect(status().isNotFound());
        putCredit("stat", 987_654_321L, body("A", 1000, 30, "MONTHLY")).andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + customer + "/credit-card.pdf").with(login("sales2"))).andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + customer + "/credit/change").with(login("sales1"))).andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + customer + "/credit/hold").with(login("stat")).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        assertThat(changes(customer)).isZero();
    }

    @Test
    void theBusinessManagerPutsAHoldOnAtOnceAndTheVpApprovesItsRelease() throws Exception {
        long customer = customer("sales1", "信用冻结测试有限公司");
        long grant = propose("stat", customer, body("B", 200000, 15, "ACCEPTANCE"));
        approve("vp", grant);
        awaitChange(grant, "APPROVED");

        mvc.perform(post("/customers/" + customer + "/credit/hold").with(login("bizmgr")).with(csrf()).param("reason", ""))
                .andExpect(status().is3xxRedirection());
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(false)); // no reason, no hold
        mvc.perform(post("/customers/" + customer + "/credit/hold").with(login("bizmgr")).with(csrf()).param("reason", "客户拒付，紧急冻结"))
                .andExpect(status().is3xxRedirection());
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(true));
        assertThat(check.check(customer, BigDecimal.ONE).reasons()).extracting(CreditCheck.Reason::code)
                .containsExactly(BlockReason.ON_HOLD);

        mvc.perform(post("/customers/" + customer + "/credit/release").with(login("stat")).with(csrf()).param("reason", "已回款"))
                .andExpect(status().is3xxRedirection());
        long release = jdbc.sql("SELECT approval_id FROM credit_change WHERE customer_id = ? AND kind = 'RELEASE'").param(customer)
                .query(Long.class).single();
        assertThat(route(release)).containsExactly("VP");
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(true));
        approve("vp", release);
        awaitChange(release, "APPROVED");
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(false)).andExpect(jsonPath("$.rating").value("B"));
        assertThat(jdbc.sql("SELECT kind FROM credit_change WHERE customer_id = ? ORDER BY id").param(customer).query(String.class).list())
                .containsExactly("CHANGE", "HOLD", "RELEASE");
    }

    @Test
    void theHoldAndItsReleaseWorkOverTheApiAsOnThePage() throws Exception {
        long customer = customer("sales1", "信用接口冻结测试有限公司");
        String hold = "/api/v1/customers/" + customer + "/credit/hold";
        String release = "/api/v1/customers/" + customer + "/credit/release-hold";
        // nothing to hold without a credit: 409, nothing recorded
        mvc.perform(post(hold).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"拒付\"}")).andExpect(status().isConflict());
        long grant = propose("stat", customer, body("A", 100000, 30, "MONTHLY"));
        approve("vp", grant);
        awaitChange(grant, "APPROVED");

        // only the business-dept manager holds; a reason is required; outside the scope is 404
        mvc.perform(post(hold).header("Authorization", bearer(token("stat"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"拒付\"}")).andExpect(status().isForbidden());
        mvc.perform(post(hold).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"  \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/customers/987654321/credit/hold").header("Authorization", bearer(token("bizmgr")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"拒付\"}")).andExpect(status().isNotFound());
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(false));

        // PUT holds at once and answers the credit as it now stands; a second hold is a conflict
        mvc.perform(put(hold).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"客户拒付，紧急冻结\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.onHold").value(true)).andExpect(jsonPath("$.rating").value("A"));
        mvc.perform(post(hold).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"again\"}")).andExpect(status().isConflict());

        // releasing: 202 with the VP's approval; the hold stays until the VP approves; no second request meanwhile
        mvc.perform(post(release).header("Authorization", bearer(token("stat"))).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        String response = mvc.perform(post(release).header("Authorization", bearer(token("stat")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已结清欠款\"}"))
                .andExpect(status().isAccepted())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Location", org.hamcrest.Matchers.startsWith("/api/v1/approvals/")))
                .andReturn().getResponse().getContentAsString();
        long approval = ((Number) json.readValue(response, Map.class).get("approvalId")).longValue();
        assertThat(route(approval)).containsExactly("VP");
        mvc.perform(post(release).header("Authorization", bearer(token("stat"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"再次申请\"}")).andExpect(status().isConflict());
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(true))
                .andExpect(jsonPath("$.pendingApprovalId").value(approval));
        approve("vp", approval);
        awaitChange(approval, "APPROVED");
        getCredit("stat", customer).andExpect(jsonPath("$.onHold").value(false));
        // not on hold any more: nothing to release
        mvc.perform(post(release).header("Authorization", bearer(token("stat"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}")).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT kind FROM credit_change WHERE customer_id = ? ORDER BY id").param(customer).query(String.class).list())
                .containsExactly("CHANGE", "HOLD", "RELEASE");
    }

    // 合同评审 (issue #6 item 4): the credit flags a contract; the flags are kept and shown in the reader's language

    /** A credit rated B with the limit, valid until the date (taken over from the credit file). */
    void credit(long customerId, String limit, LocalDate validUntil) {
        credits.importGranted(DataScope.everything(userId("stat")), customerId,
                new CustomerCredits.Proposal("B", new BigDecimal(limit), null, null, "评审测试授信"), validUntil);
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
        long customer = customer("sales1", "评审超信用有限公司");
        credit(customer, "20000", clock.today().plusMonths(6));
        signed(customer, 10, new int[] {60}, "5000.00");

        // 15,000 reaches the available credit (20,000 − 5,000) exactly: nothing to flag, the business-dept manager reviews
        long within = submit(customer, "15000");
        assertThat(flags(within)).isEmpty();
        assertThat(route(within)).containsExactly("BUSINESS_MANAGER");

        // one yuan more is a special contract beyond the credit range: the GM, the flag's amount is the excess
        long beyond = submit(customer, "15001");
        assertThat(flags(beyond)).containsExactly("CREDIT_EXCEEDED 1.00 GM 6.2.3-1");
        assertThat(route(beyond)).containsExactly("GM");
        long contract = contractOf(beyond);
        chainAudit();
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
        long none = customer("sales1", "评审无信用有限公司");
        long cash = submit(none, "8000");
        assertThat(flags(cash)).containsExactly("NO_CREDIT 8000.00 BUSINESS_MANAGER 6.2.3-3");
        assertThat(route(cash)).containsExactly("BUSINESS_MANAGER");

        // on hold: beyond the credit range (the GM), even well within the limit; one flag says so
        long held = customer("sales1", "评审冻结有限公司");
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
        long valid = customer("sales1", "评审有效期有限公司");
        credit(valid, "50000", clock.today());
        assertThat(flags(submit(valid, "1000"))).isEmpty();
        long expired = customer("sales1", "评审过期有限公司");
        credit(expired, "50000", clock.today().minusDays(1));
        long lapsed = submit(expired, "1000");
        assertThat(flags(lapsed)).containsExactly("CREDIT_EXPIRED 1000.00 VP 6.2.3-2");
        assertThat(route(lapsed)).containsExactly("VP");
    }
}
