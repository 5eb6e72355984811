package io.zhidu.crm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestApprovalEvents;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collections end to end (issue #5 item 6): a past-due receivable opens a case, the salesperson is
 * reminded on days 1, 15 and 30 exactly once each, day 91 hands the case to planning, actions are
 * logged by whom the stage admits, the dunning letter prints, a payment closes the case; scope.
 */
class CollectionIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();
    static final AtomicLong CONTRACTS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10 + 7);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;
    @Autowired
    TestApprovalEvents.Recorder recorder;
    @Autowired
    CollectionPanel panel;

    @AfterEach
    void realDate() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
    }

    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("uscc", TestUscc.next(RANDOM, "91320000"));
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

    /** Signs a one-installment contract for the customer, due on {@code dueOn}; answers the contract number. */
    String receivable(long customerId, LocalDate dueOn, String amount) {
        long contract = CONTRACTS.incrementAndGet();
        ContractPlacement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?")
                .param(customerId).query((rs, n) -> new ContractPlacement(rs.getObject("owner_id", Long.class),
                        rs.getObject("office_id", Long.class), rs.getLong("department_id"), rs.getLong("company_id"))).single();
        String number = "HT-C-" + contract;
        tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(contract, number, customerId, placement,
                dueOn.minusDays(30), new BigDecimal(amount),
                List.of(new Installment(1, new BigDecimal("100"), PaymentAnchor.SIGNING, 30, new BigDecimal(amount))))));
        return number;
    }

    void runDuty(LocalDate today) throws Exception {
        offsets.setToday(today);
        mvc.perform(post("/api/v1/admin/jobs/collections/run").header("Authorization", bearer(token("admin"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("SUCCEEDED"));
    }

    Long openCase(long customerId) {
        return jdbc.sql("SELECT id FROM collection_case WHERE open_customer_id = ?").param(customerId).query(Long.class)
                .optional().orElse(null);
    }

    String stage(long caseId) {
        return jdbc.sql("SELECT stage FROM collection_case WHERE id = ?").param(caseId).query(String.class).single();
    }

    List<Notice> notices(String key, long caseId) {
        return recorder.notices(key).stream().filter(n -> ("/collections/" + caseId).equals(n.link())).toList();
    }

    long history(long caseId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM collection_history WHERE case_id = ? AND kind = ?").params(caseId, kind)
                .query(Long.class).single();
    }

    ResultActions act(String username, long caseId, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/collections/" + caseId + "/actions").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    static Map<String, Object> action(String kind, LocalDate on, String text, LocalDate promisedOn, String amount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("on", on == null ? null : on.toString());
        m.put("text", text);
        m.put("promisedOn", promisedOn == null ? null : promisedOn.toString());
        m.put("promisedAmount", amount);
        return m;
    }

    @Test
    void aPastDueReceivableIsRemindedOnItsDaysHandedToPlanningAfterNinetyDaysAndClosedByPayment() throws Exception {
        String name = "催收测试甲有限公司" + RANDOM.nextInt(1_000_000);
        long customer = customer("sales1", name);
        // in the past, so that nothing this test records (payments, receivables) is dated after the real date that
        // other tests of the shared schema read as today
        LocalDate due = clock.today().minusDays(150);
        String contract = receivable(customer, due, "12000.00");
        long sales1 = userId("sales1");

        runDuty(due); // due today: not past due yet
        assertThat(openCase(customer)).isNull();

        runDuty(due.plusDays(1));
        Long caseId = openCase(customer);
        assertThat(caseId).isNotNull();
        assertThat(stage(caseId)).isEqualTo("OFFICE");
        runDuty(due.plusDays(1)); // the same day again: nothing new
        assertThat(notices("collection.notice.reminder", caseId)).singleElement().satisfies(n -> {
            assertThat(n.recipientIds()).containsExactly(sales1);
            assertThat(n.args()).containsExactly(name, contract, "1", "12000.00", due.toString(), "1");
        });
        runDuty(due.plusDays(14));
        runDuty(due.plusDays(15));
        runDuty(due.plusDays(15));
        runDuty(due.plusDays(30));
        runDuty(due.plusDays(90));
        assertThat(notices("collection.notice.reminder", caseId)).extracting(n -> n.args().get(5)).containsExactly("1", "15", "30");
        assertThat(history(caseId, "REMINDED")).isEqualTo(3);
        assertThat(stage(caseId)).isEqualTo("OFFICE");
        assertThat(notices("collection.notice.handedOver", caseId)).isEmpty();

        runDuty(due.plusDays(91));
        runDuty(due.plusDays(91));
        assertThat(stage(caseId)).isEqualTo("PLANNING");
        assertThat(history(caseId, "HANDED_OVER")).isOne();
        assertThat(notices("collection.notice.handedOver", caseId)).singleElement().satisfies(n -> {
            assertThat(n.recipientIds()).contains(userId("planning"), sales1, userId("director1"));
            assertThat(n.recipientIds()).doesNotContain(userId("director2"));
            assertThat(n.args()).containsExactly(name, "90");
        });
        mvc.perform(get("/api/v1/collections").param("stage", "PLANNING").param("size", "200")
                        .header("Authorization", bearer(token("planning"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + caseId + ")].openAmount").value(12000.00));

        // the page shows the case to the office line and to planning; planning may act now, the office not
        mvc.perform(get("/collections/" + caseId).with(login("sales1"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"action-form\""))));
        mvc.perform(get("/collections/" + caseId).with(login("planning"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"action-form\"")));
        LocalDate today = clock.today();
        act("sales1", caseId, action("PHONE", today, "打电话催收", null, null)).andExpect(status().isForbidden());
        act("planning", caseId, action("PROMISE_TO_PAY", today, "对方财务承诺月底付清", today.plusDays(10), "12000"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("PROMISE_TO_PAY"))
                .andExpect(jsonPath("$.promisedAmount").value(12000.00)).andExpect(jsonPath("$.stage").value("PLANNING"));
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'COLLECTION_ACTION_LOGGED' AND subject_id = ?")
                .param(caseId.toString()).query(Long.class).single()).isOne();

        // the dunning letter
        byte[] pdf = mvc.perform(get("/api/v1/collections/" + caseId + "/dunning-letter")
                        .header("Authorization", bearer(token("planning"))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.replace(" ", "")).contains("催款函", name, contract, "12,000.00", due.toString());
            assertThat(text).contains(contract + " 第 1 期 " + due + " 91 12,000.00");
        }

        // a payment settles the receivable and closes the case at once; the duty then changes nothing
        String reference = "COLL-" + System.nanoTime();
        mvc.perform(post("/api/v1/payments").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("customerId", customer,
                                "amount", "12000.00", "receivedOn", today.toString(), "method", "BANK_TRANSFER",
                                "reference", reference))))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(15)).until(() -> stage(caseId).equals("CLOSED"));
        // the listener's publication of the payment's event is deleted once completed (completion-mode: delete)
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + reference + "%").query(Long.class).single() == 0);
        assertThat(openCase(customer)).isNull();
        assertThat(history(caseId, "CLOSED")).isOne();
        runDuty(today);
        assertThat(history(caseId, "CLOSED")).isOne();
        act("finance", caseId, action("NOTE", today, "已结清", null, null)).andExpect(status().isConflict());

        // a new past-due receivable later opens a new case; after skipped days only the highest mark is sent
        receivable(customer, today.plusDays(5), "800.00");
        runDuty(today.plusDays(25));
        Long second = openCase(customer);
        assertThat(second).isNotNull().isNotEqualTo(caseId);
        assertThat(notices("collection.notice.reminder", second)).extracting(n -> n.args().get(5)).containsExactly("15");
    }

    @Test
    void casesAreSeenInScopeOnlyAndBadActionsAreRefusedChangingNothing() throws Exception {
        String name = "催收测试乙有限公司" + RANDOM.nextInt(1_000_000);
        long customer = customer("sales1", name);
        LocalDate due = clock.today().minusDays(10);
        receivable(customer, due, "500.00");
        runDuty(due.plusDays(3));
        long caseId = openCase(customer);

        for (String outsider : List.of("sales3", "director2")) {
            mvc.perform(get("/collections/" + caseId).with(login(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/collections/" + caseId).header("Authorization", bearer(token(outsider))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/collections/" + caseId + "/dunning-letter").header("Authorization", bearer(token(outsider))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/collections").param("size", "200").header("Authorization", bearer(token(outsider))))
                    .andExpect(jsonPath("$.items[?(@.id == " + caseId + ")]").isEmpty());
        }
        act("sales3", caseId, action("PHONE", clock.today(), "x", null, null)).andExpect(status().isNotFound());
        for (String insider : List.of("sales1", "director1", "planning", "finance")) {
            mvc.perform(get("/api/v1/collections/" + caseId).header("Authorization", bearer(token(insider))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.collectionCase.customerName").value(name))
                    .andExpect(jsonPath("$.receivables[0].openAmount").value(500.00));
        }
        mvc.perform(get("/api/v1/collections").param("stage", "NONSENSE").header("Authorization", bearer(token("finance"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/collections").param("cursor", "%%%").header("Authorization", bearer(token("finance"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/collections").param("officeId", "abc").with(login("finance"))).andExpect(status().isBadRequest());

        LocalDate today = clock.today();
        act("sales1", caseId, action(null, today, "x", null, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        act("sales1", caseId, action("NONSENSE", today, "x", null, null)).andExpect(status().isBadRequest());
        act("sales1", caseId, action("PHONE", today.plusDays(1), "x", null, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"));
        act("sales1", caseId, action("PHONE", today, " ", null, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        act("sales1", caseId, action("PROMISE_TO_PAY", today, "x", null, "100")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promisedOn"));
        act("sales1", caseId, action("PROMISE_TO_PAY", today, "x", today.minusDays(1), "100")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promisedOn"));
        act("sales1", caseId, action("PROMISE_TO_PAY", today, "x", today, "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promisedAmount"));
        act("sales1", caseId, action("PROMISE_TO_PAY", today, "x", today, "abc")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/collections/" + caseId + "/actions").header("Authorization", bearer(token("sales1")))
                .contentType(MediaType.APPLICATION_JSON).content("{not json")).andExpect(status().isBadRequest());
        // planning may not act while the office collects; the stage is told, nothing is saved
        act("planning", caseId, action("PHONE", today, "x", null, null)).andExpect(status().isForbidden());
        // the page form keeps what was typed and shows the error on its field
        mvc.perform(post("/collections/" + caseId + "/actions").with(login("sales1")).with(csrf())
                        .param("kind", "PROMISE_TO_PAY").param("on", today.toString()).param("text", "客户答应下周付款")
                        .param("promisedOn", today.minusDays(2).toString()).param("promisedAmount", "300"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("客户答应下周付款")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("承诺付款日不能早于记录日期")));
        mvc.perform(post("/collections/" + caseId + "/actions").with(login("sales1")).with(csrf())
                        .param("kind", "PHONE").param("on", "not-a-date").param("text", "电话"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM collection_action WHERE case_id = ?").param(caseId).query(Long.class).single())
                .isZero();
        mvc.perform(post("/collections/" + caseId + "/actions").with(login("sales1")).with(csrf())
                        .param("kind", "VISIT").param("on", today.toString()).param("text", "上门拜访财务经理"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM collection_action WHERE case_id = ?").param(caseId).query(Long.class).single())
                .isOne();
        // the finance workbench panel counts in the scope; the list, the export and the customer tab
        assertThat(panel.model(io.zhidu.crm.shared.scope.DataScope.everything(userId("finance"))).get("counts"))
                .isInstanceOfSatisfying(Map.class, counts -> assertThat(counts.get(CaseStage.OFFICE)).isNotEqualTo("0"));
        assertThat(panel.model(io.zhidu.crm.shared.scope.DataScope.ownOnly(-1)).get("counts"))
                .isEqualTo(Map.of(CaseStage.OFFICE, "0", CaseStage.PLANNING, "0"));
        mvc.perform(get("/collections").param("stage", "OFFICE").with(login("director1"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
        mvc.perform(get("/collections/export").with(login("finance"))).andExpect(status().isOk())
                .andExpect(content().contentType(io.zhidu.crm.shared.excel.XlsxExport.CONTENT_TYPE));
        mvc.perform(get("/customers/" + customer).with(login("sales1"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/collections/" + caseId)));
    }
}
