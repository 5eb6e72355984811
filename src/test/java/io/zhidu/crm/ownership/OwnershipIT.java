package io.zhidu.crm.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import io.zhidu.crm.support.TestApprovalEvents;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Declaration, protection, expiry, the pool and transfers (SPEC R2, seed O-21), through the API and screens. */
class OwnershipIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random(21);

    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;
    @Autowired
    TestApprovalEvents.Recorder recorder;

    @AfterEach
    void realDate() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
    }

    static String newUscc() {
        return TestUscc.next(RANDOM, "91440000");
    }

    long register(String username, String name, String stage) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("uscc", newUscc());
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", stage);
        m.put("industry", "机械");
        m.put("region", "华南");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    /** A customer in the public pool of the demo company, last held in 华东 by sales1. */
    long poolCustomer(String name) throws Exception {
        long id = register("sales1", name, "DORMANT");
        mvc.perform(post("/api/v1/customers/" + id + "/release").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isNoContent());
        assertThat(owner(id)).isNull();
        return id;
    }

    Long owner(long customerId) {
        return jdbc.sql("SELECT owner_id FROM customer WHERE id = ?").param(customerId).query(Long.class).optional().orElse(null);
    }

    String openStatus(long customerId) {
        return jdbc.sql("SELECT status FROM protection WHERE open_customer_id = ?").param(customerId).query(String.class)
                .optional().orElse(null);
    }

    LocalDate endsOn(long customerId) {
        return jdbc.sql("SELECT ends_on FROM protection WHERE open_customer_id = ?").param(customerId).query(LocalDate.class).single();
    }

    void runExpiry() throws Exception {
        mvc.perform(post("/api/v1/admin/jobs/protection-expiry/run").header("Authorization", bearer(token("admin"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("SUCCEEDED"));
    }

    @Test
    void aNewProspectIsProtectedForTwoMonthsAndOthersAreToldOnlyWhoHoldsItUntilWhen() throws Exception {
        long id = register("sales3", "南方测试申报保护有限公司", "PROSPECT");
        // registering a prospect is declaring it (O-21), under the shipped policy v1
        assertThat(openStatus(id)).isEqualTo("ACTIVE");
        assertThat(endsOn(id)).isEqualTo(clock.today().plusMonths(2));
        assertThat(jdbc.sql("SELECT source FROM protection WHERE open_customer_id = ?").param(id).query(String.class).single())
                .isEqualTo("REGISTERED");

        String refusal = mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("已由 吴婷 申报，保护期至 " + clock.today().plusMonths(2))
                .doesNotContain("南方测试申报保护有限公司").doesNotContain("机械");
        // declaring it again oneself says it is already held
        mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("sales3"))))
                .andExpect(status().isConflict());
        // an id that does not exist is just absent
        mvc.perform(post("/api/v1/customers/99999999/declare").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isNotFound());
        // finance may not declare at all
        mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("finance"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPoolCustomerIsSearchableAndDeclaredByAnyoneWhoMaySeeThePool() throws Exception {
        long id = poolCustomer("公海检索测试机械有限公司");
        mvc.perform(get("/api/v1/pool").param("q", "检索").header("Authorization", bearer(token("sales3"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].officeName").value("华东办事处"))
                .andExpect(jsonPath("$.items[0].phone").doesNotExist());
        mvc.perform(get("/api/v1/pool").header("Authorization", bearer(token("finance")))).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("sales3"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endsOn").value(clock.today().plusMonths(2).toString()))
                .andExpect(jsonPath("$.policyVersionId").isNumber());
        assertThat(owner(id)).isEqualTo(userId("sales3"));
        assertThat(jdbc.sql("SELECT office_id FROM customer WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT office_id FROM employee WHERE username = 'sales3'").query(Long.class).single());
        // the change of hands is in the customer's history and the audit log
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_change WHERE customer_id = ? AND field = 'ownerId'").param(id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMER_DECLARED' AND subject_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isOne();
        mvc.perform(get("/api/v1/pool").param("q", "检索").header("Authorization", bearer(token("sales3"))))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void ofTwoSimultaneousDeclarationsExactlyOneWins() throws Exception {
        long id = poolCustomer("并发申报测试有限公司");
        String a = token("sales2");
        String b = token("sales3");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String t : List.of(a, b)) {
                Callable<Integer> declare = () -> {
                    start.await();
                    return mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(t)))
                            .andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(declare));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM protection WHERE customer_id = ? AND status = 'ACTIVE'").param(id)
                .query(Long.class).single()).isOne();
        Long winner = owner(id);
        assertThat(winner).isIn(userId("sales2"), userId("sales3"));
        assertThat(jdbc.sql("SELECT owner_id FROM protection WHERE open_customer_id = ?").param(id).query(Long.class).single())
                .isEqualTo(winner);
    }

    @Test
    void aProtectionIsWarnedExpiresWaitsForTheDirectorAndReturnsToThePoolWithCoolOff() throws Exception {
        long id = poolCustomer("保护期到期测试有限公司");
        mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("sales2"))))
                .andExpect(status().isOk());
        LocalDate ends = endsOn(id);
        long sales2 = userId("sales2");
        long director1 = userId("director1");

        offsets.setToday(ends.minusDays(7));
        runExpiry();
        assertThat(recorder.notices("ownership.notice.expiring")).anySatisfy(n -> {
            assertThat(n.recipientIds()).containsExactlyInAnyOrder(sales2, director1);
            assertThat(n.args()).containsExactly("保护期到期测试有限公司", "周杰", ends.toString());
        });
        long warnings = jdbc.sql("SELECT COUNT(*) FROM protection_event e JOIN protection p ON p.id = e.protection_id "
                + "WHERE p.customer_id = ? AND e.kind = 'WARNED'").param(id).query(Long.class).single();
        runExpiry(); // the same day again: nothing new
        assertThat(warnings).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_event e JOIN protection p ON p.id = e.protection_id "
                + "WHERE p.customer_id = ? AND e.kind = 'WARNED'").param(id).query(Long.class).single()).isOne();
        mvc.perform(get("/api/v1/declarations/expiring").param("size", "200").header("Authorization", bearer(token("director1"))))
                .andExpect(jsonPath("$.items[?(@.customerId == " + id + ")].status").value("ACTIVE"));
        mvc.perform(get("/api/v1/declarations/expiring").param("size", "200").header("Authorization", bearer(token("director2"))))
                .andExpect(jsonPath("$.items[?(@.customerId == " + id + ")]").isEmpty());

        offsets.setToday(ends.plusDays(1));
        runExpiry();
        assertThat(openStatus(id)).isEqualTo("EXPIRED");
        assertThat(owner(id)).isEqualTo(sales2); // waits for the director (grace 3 days)
        assertThat(recorder.notices("ownership.notice.expired")).anySatisfy(n -> assertThat(n.link()).isEqualTo("/customers/" + id));
        mvc.perform(get("/api/v1/declarations/expiring").param("size", "200").header("Authorization", bearer(token("director1"))))
                .andExpect(jsonPath("$.items[?(@.customerId == " + id + ")].status").value("EXPIRED"));

        offsets.setToday(ends.plusDays(4));
        runExpiry();
        assertThat(owner(id)).isNull();
        assertThat(openStatus(id)).isNull();
        assertThat(recorder.notices("ownership.notice.pooled")).anySatisfy(n -> {
            assertThat(n.link()).isEqualTo("/customers/" + id);
        });
        // the previous owner cools off for 30 days; someone else may declare it at once
        String refusal = mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("sales2"))))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains(ends.plusDays(4).plusDays(30).toString());
        mvc.perform(post("/api/v1/customers/" + id + "/declare").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk());
        assertThat(owner(id)).isEqualTo(userId("sales1"));
    }

    @Test
    void progressOfTheKindsThePolicyNamesRenewsTheProtection() throws Exception {
        long id = register("sales1", "续期测试有限公司", "PROSPECT");
        LocalDate ends = endsOn(id);
        String sales1 = token("sales1");
        offsets.setToday(clock.today().plusDays(20));
        sales1 = token("sales1");
        LocalDate today = clock.today();
        // a visit does not renew under the shipped policy; a signed contract does, from its date
        mvc.perform(post("/api/v1/customers/" + id + "/progress").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"VISIT\",\"happenedOn\":\"" + today + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.renewed").value(false));
        assertThat(endsOn(id)).isEqualTo(ends);
        mvc.perform(post("/api/v1/customers/" + id + "/progress").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CONTRACT_SIGNED\",\"happenedOn\":\"" + today + "\",\"note\":\"首单\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.renewed").value(true))
                .andExpect(jsonPath("$.endsOn").value(today.plusMonths(2).toString()));
        assertThat(endsOn(id)).isEqualTo(today.plusMonths(2));
        mvc.perform(get("/api/v1/customers/" + id + "/protection").header("Authorization", bearer(sales1)))
                .andExpect(jsonPath("$.events[0].kind").value("RENEWED"))
                .andExpect(jsonPath("$.progress.length()").value(2));
        // bad input changes nothing
        mvc.perform(post("/api/v1/customers/" + id + "/progress").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CONTRACT_SIGNED\",\"happenedOn\":\"" + today.plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("happenedOn"));
        mvc.perform(post("/api/v1/customers/" + id + "/progress").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"happenedOn\":\"" + today + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/customers/" + id + "/progress").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BRIBE\",\"happenedOn\":\"" + today + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_progress WHERE customer_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2);
        // someone outside the customer's scope cannot record progress on it
        mvc.perform(post("/api/v1/customers/" + id + "/progress").header("Authorization", bearer(token("sales3")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"VISIT\",\"happenedOn\":\"" + today + "\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aManagerTransfersALeavingSalespersonsCustomersAmongSeveralAndLeadsAreMarked() throws Exception {
        long a = register("sales4", "华北移交甲有限公司", "PROSPECT");
        long b = register("sales4", "华北移交乙有限公司", "ACTIVE");
        long c = register("sales4", "华北移交丙有限公司", "DORMANT");
        long before = jdbc.sql("SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted_at IS NULL").param(userId("sales4"))
                .query(Long.class).single();
        String bizmgr = token("bizmgr");
        mvc.perform(post("/api/v1/customers/transfer").header("Authorization", bearer(bizmgr)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromUserId\":" + userId("sales4") + ",\"toUserIds\":[" + userId("sales5") + "," + userId("sales1") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(before));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted_at IS NULL").param(userId("sales4"))
                .query(Long.class).single()).isZero();
        assertThat(owner(a)).isIn(userId("sales5"), userId("sales1"));
        // the protected prospect starts a fresh protection with its new owner; the old one is closed as transferred
        assertThat(jdbc.sql("SELECT owner_id FROM protection WHERE open_customer_id = ?").param(a).query(Long.class).single())
                .isEqualTo(owner(a));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM protection WHERE customer_id = ? AND status = 'TRANSFERRED'").param(a)
                .query(Long.class).single()).isOne();
        assertThat(openStatus(b)).isNull();
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMERS_TRANSFERRED'").query(Long.class).single())
                .isPositive();

        // a lead handed out by leadership is marked for the reward rule
        mvc.perform(post("/api/v1/customers/transfer").header("Authorization", bearer(bizmgr)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerIds\":[" + c + "],\"toUserId\":" + userId("sales3") + ",\"lead\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        assertThat(jdbc.sql("SELECT source FROM protection WHERE open_customer_id = ?").param(c).query(String.class).single())
                .isEqualTo("LEADERSHIP_LEAD");

        // a director moves only customers of their office, to people of their office
        String director1 = token("director1");
        mvc.perform(post("/api/v1/customers/transfer").header("Authorization", bearer(director1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerIds\":[" + c + "],\"toUserId\":" + userId("sales2") + "}"))
                .andExpect(status().isNotFound());
        long own = register("sales2", "华东主任移交测试有限公司", "ACTIVE");
        mvc.perform(post("/api/v1/customers/transfer").header("Authorization", bearer(director1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerIds\":[" + own + "],\"toUserId\":" + userId("sales3") + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toUserId"));
        mvc.perform(post("/api/v1/customers/transfer").header("Authorization", bearer(director1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerIds\":[" + own + "]}"))
                .andExpect(status().isBadRequest());
        assertThat(owner(own)).isEqualTo(userId("sales2"));
        mvc.perform(post("/api/v1/customers/transfer").header("Authorization", bearer(token("sales1"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerIds\":[" + own + "],\"toUserId\":" + userId("sales1") + "}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void changingTheOwnerInTheArchiveEndsTheOldOwnersProtection() throws Exception {
        long id = register("sales1", "档案改负责人测试有限公司", "PROSPECT");
        String director1 = token("director1");
        String etag = mvc.perform(get("/api/v1/customers/" + id).header("Authorization", bearer(director1)))
                .andReturn().getResponse().getHeader("ETag");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(mvc.perform(get("/api/v1/customers/" + id).header("Authorization", bearer(director1)))
                .andReturn().getResponse().getContentAsString(), Map.class);
        body.put("ownerId", userId("sales2"));
        mvc.perform(put("/api/v1/customers/" + id).header("Authorization", bearer(director1)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isOk());
        assertThat(openStatus(id)).isNull();
        assertThat(jdbc.sql("SELECT status FROM protection WHERE customer_id = ?").param(id).query(String.class).single())
                .isEqualTo("TRANSFERRED");
    }

    @Test
    void onlyTheOwnerOrAManagerInScopeMayGiveACustomerUp() throws Exception {
        long id = register("sales1", "放弃保护测试有限公司", "PROSPECT");
        mvc.perform(post("/api/v1/customers/" + id + "/release").header("Authorization", bearer(token("sales2"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/" + id + "/release").header("Authorization", bearer(token("director2"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/" + id + "/release").header("Authorization", bearer(token("director1"))))
                .andExpect(status().isNoContent());
        assertThat(owner(id)).isNull();
        assertThat(jdbc.sql("SELECT status FROM protection WHERE customer_id = ?").param(id).query(String.class).single())
                .isEqualTo("LAPSED");
        // once in the pool there is nothing left to give up
        mvc.perform(post("/api/v1/customers/" + id + "/release").header("Authorization", bearer(token("director1"))))
                .andExpect(status().isConflict());
    }

    @Test
    void theScreensShowDeclarationsThePoolExpiringSoonAndTheTransferForm() throws Exception {
        long id = register("sales2", "屏幕申报测试有限公司", "PROSPECT");
        var sales2 = login("sales2");
        String mine = mvc.perform(get("/declarations").with(sales2)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("屏幕申报测试有限公司", "新建申报", clock.today().plusMonths(2).toString());
        String page = mvc.perform(get("/customers/" + id).with(sales2)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("由 周杰 申报，保护期至 " + clock.today().plusMonths(2), "签订合同");
        long pooled = poolCustomer("屏幕公海测试有限公司");
        assertThat(mvc.perform(get("/pool").param("q", "屏幕公海").with(sales2)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("屏幕公海测试有限公司", "declare-" + pooled);
        // declaring from the pool screen; then a second salesperson is told who holds it
        mvc.perform(post("/customers/" + pooled + "/declare").param("from", "pool").with(sales2)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        String refusal = mvc.perform(post("/customers/" + pooled + "/declare").param("from", "pool").with(login("sales3"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("refusal").toString();
        assertThat(refusal).isEqualTo("ownership.error.protected");
        assertThat(mvc.perform(get("/declarations/expiring").with(login("director1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("保护期到期");
        assertThat(mvc.perform(get("/customers/transfer").with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("transfer-form");
        mvc.perform(get("/customers/transfer").with(sales2)).andExpect(status().isForbidden());
        // a manager hands one customer over from its page, and lands back on it
        var bizmgr = login("bizmgr");
        assertThat(mvc.perform(get("/customers/" + id).with(bizmgr)).andReturn().getResponse().getContentAsString())
                .contains("customer-transfer-form");
        assertThat(page).doesNotContain("customer-transfer-form");
        mvc.perform(post("/customers/transfer").with(bizmgr)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("customerIds", Long.toString(id)).param("toUserIds", Long.toString(userId("sales1")))
                        .param("from", "customer"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/customers/" + id + "#ownership"));
        assertThat(owner(id)).isEqualTo(userId("sales1"));
        assertThat(mvc.perform(get("/pool").param("lang", "en").with(sales2)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("Public pool");
    }

    @Test
    void anOfficeKeepsItsDevelopmentPlanWhoseProgressFollowsTheCustomer() throws Exception {
        String director1 = token("director1");
        long sales1 = userId("sales1");
        LocalDate target = clock.today().plusMonths(1);
        String created = mvc.perform(post("/api/v1/development-plans").header("Authorization", bearer(director1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prospectName\":\"计划目标测试有限公司\",\"ownerId\":" + sales1 + ",\"targetDate\":\"" + target + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long plan = ((Number) json.readValue(created, Map.class).get("id")).longValue();
        mvc.perform(get("/api/v1/development-plans/" + plan).header("Authorization", bearer(director1)))
                .andExpect(jsonPath("$.progress").value("OPEN")).andExpect(jsonPath("$.officeName").value("华东办事处"));
        // the prospect is registered (and so declared) by its owner and linked: the plan shows it declared
        long customer = register("sales1", "计划目标测试有限公司", "PROSPECT");
        mvc.perform(put("/api/v1/development-plans/" + plan).header("Authorization", bearer(director1)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prospectName\":\"计划目标测试有限公司\",\"customerId\":" + customer + ",\"ownerId\":" + sales1
                                + ",\"targetDate\":\"" + target + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/development-plans/" + plan).header("Authorization", bearer(token("bizmgr"))))
                .andExpect(jsonPath("$.progress").value("DECLARED"));
        // another office's director does not see it; bad input is refused on its field
        mvc.perform(get("/api/v1/development-plans/" + plan).header("Authorization", bearer(token("director2"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/development-plans").header("Authorization", bearer(director1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prospectName\":\"跨办事处\",\"ownerId\":" + userId("sales3") + ",\"targetDate\":\"" + target + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        mvc.perform(post("/api/v1/development-plans").header("Authorization", bearer(director1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":" + sales1 + ",\"targetDate\":\"" + target + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("prospectName"));
        mvc.perform(get("/api/v1/development-plans").header("Authorization", bearer(token("sales1")))).andExpect(status().isForbidden());
        // the screen: the plan listed; a form error keeps what was typed
        var session = login("director1");
        assertThat(mvc.perform(get("/plans").with(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("计划目标测试有限公司", "已申报");
        String page = mvc.perform(post("/plans").with(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("prospectName", "未填日期的目标").param("ownerId", Long.toString(sales1)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请填写目标日期。", "value=\"未填日期的目标\"");
        // giving a target up
        mvc.perform(post("/api/v1/development-plans/" + plan + "/drop").header("Authorization", bearer(director1)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/development-plans/" + plan).header("Authorization", bearer(director1)))
                .andExpect(jsonPath("$.progress").value("DROPPED"));
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aSignedContractIsProgressThatRenewsTheProtection() throws Exception {
        long id = register("sales1", "签约续期测试有限公司", "PROSPECT");
        offsets.setToday(clock.today().plusDays(30));
        LocalDate signedOn = clock.today();
        var placement = new io.zhidu.crm.contract.ContractPlacement(userId("sales1"),
                jdbc.sql("SELECT office_id FROM customer WHERE id = ?").param(id).query(Long.class).single(),
                jdbc.sql("SELECT department_id FROM customer WHERE id = ?").param(id).query(Long.class).single(),
                jdbc.sql("SELECT company_id FROM customer WHERE id = ?").param(id).query(Long.class).single());
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new io.zhidu.crm.contract.ContractSigned(9_000_001L, "HT-TEST-000001", id, placement, signedOn,
                        new java.math.BigDecimal("100000.00"), List.of())));
        assertThat(endsOn(id)).isEqualTo(signedOn.plusMonths(2));
        assertThat(jdbc.sql("SELECT note FROM customer_progress WHERE customer_id = ? AND kind = 'CONTRACT_SIGNED'").param(id)
                .query(String.class).single()).isEqualTo("HT-TEST-000001");
    }
}
