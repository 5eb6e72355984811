package io.zhidu.crm.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.credit.CustomerCredits;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.shipping.ShippingFixtures;
import io.zhidu.crm.shipping.ShippingOrders;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The benefits matrix at work (seed 6.1.2-2, issue #7 item 5): a contract line below its customer's
 * price floor sends the review to the VP whatever the amount, one at the floor stays with the
 * business-dept manager; the shipping queue follows the benefit priority, fixed when an order is
 * created; the customer's benefits over the API (scoped) and on the customer page.
 */
class BenefitIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();

    @Autowired
    Contracts contracts;
    @Autowired
    CustomerCredits credits;
    @Autowired
    Approvals approvals;
    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;
    @Autowired
    ShippingOrders orders;

    /** A customer of sales1 (华东) of the category, graded as given (null: not graded). */
    long customer(String name, String category, String grade) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000) + "有限公司");
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", category);
        m.put("stage", "ACTIVE");
        m.put("industry", "机械");
        m.put("region", "华东");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) json.readValue(response, Map.class).get("id")).longValue();
        // the grade as the grading module applies it on approval
        jdbc.sql("UPDATE customer SET grade = ? WHERE id = ?").params(grade, id).update();
        return id;
    }

    /** Submits a one-line contract (10 units at the list price 1,000.00) at the unit price; returns the reviewers. */
    List<String> reviewersOf(long customerId, String unitPrice) {
        DataScope admin = DataScope.everything(userId("admin"));
        ContractView draft = contracts.draft(admin, new Contracts.Draft(customerId, List.of(new Contracts.Line(null, "待遇测试机床",
                BigDecimal.TEN, "台", new BigDecimal("1000.00"), new BigDecimal(unitPrice))),
                List.of(new Contracts.Term(new BigDecimal("100"), PaymentAnchor.SIGNING, 30))));
        long approval = contracts.submit(admin, draft.id());
        return jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no").param(approval)
                .query(String.class).list();
    }

    @Test
    void aLineBelowTheCustomersPriceFloorSendsTheReviewToTheVpAtTheFloorItStaysWithTheBusinessManager() throws Exception {
        long keyA = customer("待遇最优价格", "KEY_ACCOUNT", "A");
        // ¥8,800 and ¥8,799.90: far under the business manager's threshold; the floor of 最优 is list − 12%
        assertThat(reviewersOf(keyA, "880.00")).containsExactly("BUSINESS_MANAGER");
        assertThat(reviewersOf(keyA, "879.99")).containsExactly("VP");
        long regularB = customer("待遇适当优惠", "REGULAR", "B");
        assertThat(reviewersOf(regularB, "960.00")).containsExactly("BUSINESS_MANAGER");
        assertThat(reviewersOf(regularB, "959.99")).containsExactly("VP");
        // not graded: standard, the list price is the floor
        long ungraded = customer("待遇标准价格", "REGULAR", null);
        assertThat(reviewersOf(ungraded, "1000.00")).containsExactly("BUSINESS_MANAGER");
        assertThat(reviewersOf(ungraded, "999.99")).containsExactly("VP");
    }

    @Test
    void theShippingQueueFollowsTheBenefitPriorityFixedWhenAnOrderIsCreated() throws Exception {
        ShippingFixtures fx = new ShippingFixtures(contracts, credits, approvals, clock, jdbc);
        DataScope warehouse = DataScope.everything(userId("warehouse"));
        long keyC = customer("待遇发货大客户C", "KEY_ACCOUNT", "C");
        long regularA = customer("待遇发货普通客户A", "REGULAR", "A");
        ContractView ck = fx.signedContract(keyC);
        ContractView cr = fx.signedContract(regularA);
        LocalDate today = clock.today();
        // the key account asked first, but regular A (priority 3) ships before key account C (4)
        long keyOrder = orders.create(warehouse, new ShippingOrders.Draft(ck.id(),
                List.of(new ShippingOrders.LineInput(1, BigDecimal.ONE)), today));
        long regularOrder = orders.create(warehouse, new ShippingOrders.Draft(cr.id(),
                List.of(new ShippingOrders.LineInput(1, BigDecimal.ONE)), today.plusDays(30)));
        assertThat(priority(keyOrder)).isEqualTo(4);
        assertThat(priority(regularOrder)).isEqualTo(3);
        List<Long> queue = queue();
        assertThat(queue.indexOf(regularOrder)).isNotNegative().isLessThan(queue.indexOf(keyOrder));
        assertThat(orders.find(warehouse, keyOrder).orElseThrow().keyAccount()).isTrue();
        assertThat(orders.find(warehouse, regularOrder).orElseThrow().keyAccount()).isFalse();

        // a new policy version puts regular A first: new orders take it, the earlier one keeps its priority
        LocalDate from = today.plusYears(5);
        String label = "v-benefit-" + System.nanoTime() % 1_000_000_000L;
        jdbc.sql("""
                        INSERT INTO policy_version (label, status, effective_from, note, created_by, created_at, approved_at)
                        VALUES (?, 'APPROVED', ?, '待遇测试', 0, ?, ?)""")
                .params(label, from, Timestamp.from(clock.instant()), Timestamp.from(clock.instant())).update();
        long version = jdbc.sql("SELECT id FROM policy_version WHERE label = ?").param(label).query(Long.class).single();
        try {
            jdbc.sql("INSERT INTO policy_setting (version_id, setting_key, setting_value) VALUES (?, 'benefit.regular-a-priority', '1')")
                    .param(version).update();
            offsets.setToday(from);
            long later = orders.create(warehouse, new ShippingOrders.Draft(cr.id(),
                    List.of(new ShippingOrders.LineInput(2, BigDecimal.ONE)), from));
            assertThat(priority(later)).isEqualTo(1);
            assertThat(priority(regularOrder)).isEqualTo(3);
            mvc.perform(get("/api/v1/customers/" + regularA + "/benefits").header("Authorization", bearer(token("sales1"))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.shippingPriority").value(1))
                    .andExpect(jsonPath("$.policyVersion").value(version));
        } finally {
            offsets.setToday(today);
            jdbc.sql("DELETE FROM policy_version WHERE id = ?").param(version).update();
        }
    }

    int priority(long orderId) {
        return jdbc.sql("SELECT priority FROM shipping_order WHERE id = ?").param(orderId).query(Integer.class).single();
    }

    /** The open queue through the API, every page. */
    List<Long> queue() throws Exception {
        List<Long> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String response = mvc.perform(get("/api/v1/shipments").param("size", "100").param("cursor", cursor == null ? "" : cursor)
                            .header("Authorization", bearer(token("warehouse"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Map<?, ?> page = json.readValue(response, Map.class);
            for (Object item : (List<?>) page.get("items")) {
                seen.add(((Number) ((Map<?, ?>) item).get("id")).longValue());
            }
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void theApiAnswersTheCustomersBenefitsWithTheirPolicyAndA404OutsideTheScope() throws Exception {
        long keyB = customer("待遇接口大客户B", "KEY_ACCOUNT", "B");
        mvc.perform(get("/api/v1/customers/" + keyB + "/benefits").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("KEY_ACCOUNT"))
                .andExpect(jsonPath("$.grade").value("B"))
                .andExpect(jsonPath("$.shippingPriority").value(2))
                .andExpect(jsonPath("$.priceTier").value("BETTER"))
                .andExpect(jsonPath("$.priceFloorPercent").value(8))
                .andExpect(jsonPath("$.visitEveryDays").value(180))
                .andExpect(jsonPath("$.visitRoles[0]").value("VP"))
                .andExpect(jsonPath("$.visitRoles[1]").value("BUSINESS_MANAGER"))
                .andExpect(jsonPath("$.clause").value("6.1.2-2"))
                .andExpect(jsonPath("$.policyVersion").isNumber());
        // sales3 works for the south office: as if the customer did not exist
        mvc.perform(get("/api/v1/customers/" + keyB + "/benefits").header("Authorization", bearer(token("sales3"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/999999999/benefits").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + keyB + "/benefits")).andExpect(status().isUnauthorized());
    }

    @Test
    void theCustomerPageShowsTheBenefitsTabInBothLanguages() throws Exception {
        long keyA = customer("待遇页面大客户A", "KEY_ACCOUNT", "A");
        String zh = mvc.perform(get("/customers/" + keyA).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("id=\"benefit-tab\"", "最优价格", "最低为目录价下浮 12%，再低须主管副总经理评审", "每 90 天",
                "主管副总经理、", "6.1.2-2", "id=\"benefit-matrix\"");
        String en = mvc.perform(get("/customers/" + keyA).param("lang", "en").with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Best price", "every 90 days", "Benefits by customer class");
        long ungraded = customer("待遇页面未分级", "REGULAR", null);
        assertThat(mvc.perform(get("/customers/" + ungraded).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("普通客户 未分级", "标准价格", "不得低于目录价，再低须主管副总经理评审", "按需", "客户负责业务员",
                        "普通客户 D（含未分级）");
        // the matrix is a section of the policy, each setting with its clause
        assertThat(mvc.perform(get("/policy").with(login("sales1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("分类客户享受待遇", "大客户 A 级：发货优先级", "最优价格：低于目录价的最大下浮", "6.1.2-2");
    }
}
