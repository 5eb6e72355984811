package io.zhidu.crm.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.credit.CustomerCredits;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shipping orders end to end (issue #6 phase 2): each block reason through the API, release by the
 * right role only, two releases at the same moment against one limit, receivables raised when a
 * released order ships, the queue order and bad input.
 */
class ShippingIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();
    static final AtomicLong FAKE_CONTRACTS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10 + 9);

    @Autowired
    Contracts contracts;
    @Autowired
    CustomerCredits credits;
    @Autowired
    Approvals approvals;
    @Autowired
    BusinessClock clock;
    @Autowired
    ShippingOrders orders;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    ShippingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ShippingFixtures(contracts, credits, approvals, clock, jdbc);
    }

    long customer(String name, String category) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", category);
        m.put("stage", "ACTIVE");
        m.put("industry", "机械");
        m.put("region", "华东");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    static String body(Object contractId, LocalDate requestedOn, Object... lineAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("contractLineId", lineAndQuantity[i]);
            l.put("quantity", lineAndQuantity[i + 1]);
            lines.add(l);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contractId", contractId);
        m.put("lines", lines);
        m.put("requestedOn", requestedOn == null ? null : requestedOn.toString());
        try {
            return new tools.jackson.databind.json.JsonMapper().writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ResultActions ship(String username, String body) throws Exception {
        return mvc.perform(post("/api/v1/shipments").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    Map<?, ?> shipped(ContractView c, Object... lineAndQuantity) throws Exception {
        String response = ship("warehouse", body(c.id(), clock.today(), lineAndQuantity)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readValue(response, Map.class);
    }

    static long id(Map<?, ?> m) {
        return ((Number) m.get("id")).longValue();
    }

    long requestRelease(long orderId) throws Exception {
        String response = mvc.perform(post("/api/v1/shipments/" + orderId + "/request-release")
                        .header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("approvalId")).longValue();
    }

    ResultActions decide(String username, long approvalId, String verb) throws Exception {
        return mvc.perform(post("/api/v1/approvals/" + approvalId + "/" + verb).header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}"));
    }

    List<String> route(long approvalId) {
        return jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no").param(approvalId)
                .query(String.class).list();
    }

    String orderStatus(long id) {
        return jdbc.sql("SELECT status FROM shipping_order WHERE id = ?").param(id).query(String.class).single();
    }

    void awaitAudit(long orderId, String action) throws InterruptedException {
        for (int i = 0; i < 100 && count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?", action,
                Long.toString(orderId)) == 0; i++) {
            Thread.sleep(100);
        }
    }

    /** The users told of the order's release decision with the message key, once the notice arrived (it is delivered after commit). */
    List<String> toldOf(long orderId, String messageKey) throws InterruptedException {
        String sql = "SELECT e.username FROM notice n JOIN employee e ON e.id = n.recipient_id"
                + " WHERE n.topic = 'shipment.releaseDecided' AND n.link = ? AND n.message_key = ? ORDER BY e.username";
        for (int i = 0; i < 100 && jdbc.sql(sql).params("/shipments/" + orderId, messageKey).query(String.class).list().isEmpty(); i++) {
            Thread.sleep(100);
        }
        return jdbc.sql(sql).params("/shipments/" + orderId, messageKey).query(String.class).list();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    /** Receivables of a contract signed {@code daysAgo} with one installment due {@code dueIn} days after signing. */
    void overdueReceivable(long customerId, int daysAgo, int dueIn, String amount) {
        long contractId = FAKE_CONTRACTS.incrementAndGet();
        ContractPlacement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?")
                .param(customerId).query((rs, n) -> new ContractPlacement(rs.getObject("owner_id", Long.class),
                        rs.getObject("office_id", Long.class), rs.getLong("department_id"), rs.getLong("company_id"))).single();
        tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(contractId, "HT-S-" + contractId, customerId, placement,
                clock.today().minusDays(daysAgo), new BigDecimal(amount), List.of(new Installment(1, new BigDecimal("100"),
                PaymentAnchor.SIGNING, dueIn, new BigDecimal(amount))))));
    }

    @Test
    void eachBlockReasonIsExplainedThroughTheApi() throws Exception {
        // no credit: a limit of zero
        long none = customer("发货无信用有限公司", "REGULAR");
        ContractView c1 = fx.signedContract(none);
        Map<?, ?> r = shipped(c1, 1, 1);
        assertThat(r.get("status")).isEqualTo("BLOCKED");
        assertThat((List<?>) r.get("reasons")).hasSize(1);
        mvc.perform(get("/api/v1/shipments/" + id(r)).header("Authorization", bearer(token("warehouse"))))
                .andExpect(jsonPath("$.reasons[0].code").value("NO_CREDIT")).andExpect(jsonPath("$.reasons[0].amount").value(1000.00))
                .andExpect(jsonPath("$.reasons[0].message").isNotEmpty());

        // over the limit: a released order counts in the exposure until it ships
        long limited = customer("发货限额有限公司", "REGULAR");
        ContractView c2 = fx.signedContract(limited);
        fx.grant(limited, "5000");
        assertThat(shipped(c2, 1, 3).get("status")).isEqualTo("RELEASED");
        mvc.perform(get("/api/v1/customers/" + limited + "/credit").header("Authorization", bearer(token("warehouse"))))
                .andExpect(jsonPath("$.exposure").value(3000.00)).andExpect(jsonPath("$.available").value(2000.00));
        // 3,000 + 2,000 reaches the limit exactly: passes
        assertThat(shipped(c2, 1, 2).get("status")).isEqualTo("RELEASED");
        ship("warehouse", body(c2.id(), clock.today(), 2, "0.0005"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        ship("warehouse", body(c2.id(), clock.today(), 2, "0.01")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("BLOCKED")).andExpect(jsonPath("$.reasons[0].code").value("OVER_LIMIT"))
                .andExpect(jsonPath("$.reasons[0].amount").value(2.00));

        // on hold (the business-dept manager's act) and expired
        long held = customer("发货冻结有限公司", "REGULAR");
        ContractView c3 = fx.signedContract(held);
        fx.grant(held, "100000");
        mvc.perform(post("/customers/" + held + "/credit/hold").with(login("bizmgr")).with(csrf()).param("reason", "拒付"));
        ship("warehouse", body(c3.id(), clock.today(), 1, 1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("BLOCKED")).andExpect(jsonPath("$.reasons[0].code").value("ON_HOLD"))
                .andExpect(jsonPath("$.reasons[0].amount").value(1000.00));
        jdbc.sql("UPDATE customer_credit SET on_hold = FALSE, valid_until = ? WHERE customer_id = ?")
                .params(clock.today().minusDays(1), held).update();
        ship("warehouse", body(c3.id(), clock.today(), 1, 1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reasons[0].code").value("EXPIRED"));

        // overdue beyond the grace days (0): one day late blocks, the amount is the overdue amount
        long late = customer("发货逾期有限公司", "REGULAR");
        ContractView c4 = fx.signedContract(late);
        fx.grant(late, "100000");
        overdueReceivable(late, 31, 30, "800.00");
        ship("warehouse", body(c4.id(), clock.today(), 1, 1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("BLOCKED")).andExpect(jsonPath("$.reasons.length()").value(1))
                .andExpect(jsonPath("$.reasons[0].code").value("OVERDUE")).andExpect(jsonPath("$.reasons[0].amount").value(800.00));

        // the order page shows the reasons; the audit log has the block
        String page = mvc.perform(get("/shipments/" + id(r)).with(login("warehouse"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"shipment-reasons\"", "NO_CREDIT", "¥1,000.00", "申请特批放行");
        chainAudit();
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SHIPMENT_BLOCKED' AND subject_id = ?",
                Long.toString(id(r)))).isEqualTo(1L);
    }

    @Test
    void aBlockedOrderIsReleasedOnlyByTheRoleThePolicyNames() throws Exception {
        long customer = customer("发货特批有限公司", "REGULAR");
        ContractView c = fx.signedContract(customer);
        fx.grant(customer, "1000");
        long over = id(shipped(c, 1, 2));
        assertThat(orderStatus(over)).isEqualTo("BLOCKED");
        // nobody releases a blocked order by asking again: the check refuses again
        mvc.perform(post("/shipments/" + over + "/release").with(login("warehouse")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(orderStatus(over)).isEqualTo("BLOCKED");
        // sales may not ask, nor create
        mvc.perform(post("/api/v1/shipments/" + over + "/request-release").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isForbidden());
        ship("sales1", body(c.id(), clock.today(), 1, 1)).andExpect(status().isForbidden());
        // nor do the goods leave without the approval: shipping a blocked order is refused, nothing billed
        mvc.perform(post("/api/v1/shipments/" + over + "/ship").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isConflict());
        assertThat(orderStatus(over)).isEqualTo("BLOCKED");
        assertThat(count("SELECT COUNT(*) FROM receivable WHERE shipment_id = ?", over)).isZero();

        long approval = requestRelease(over);
        assertThat(route(approval)).containsExactly("GM");
        mvc.perform(post("/api/v1/shipments/" + over + "/request-release").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isConflict());
        // the VP may not decide an over-limit release
        decide("vp", approval, "approve").andExpect(status().is4xxClientError());
        assertThat(orderStatus(over)).isEqualTo("BLOCKED");
        decide("gm", approval, "approve").andExpect(status().isOk());
        awaitAudit(over, "SHIPMENT_RELEASE_APPROVED");
        assertThat(orderStatus(over)).isEqualTo("RELEASED");
        // the warehouse (who created and asked) is told the goods may go; nobody is told it was refused
        assertThat(toldOf(over, "shipping.notice.released")).contains("warehouse");
        assertThat(count("SELECT COUNT(*) FROM notice WHERE link = ? AND message_key = 'shipping.notice.refused'",
                "/shipments/" + over)).isZero();

        // overdue goes to the VP; a rejection keeps the order blocked
        long late = customer("发货逾期特批有限公司", "REGULAR");
        ContractView c2 = fx.signedContract(late);
        fx.grant(late, "100000");
        overdueReceivable(late, 40, 30, "500.00");
        long overdue = id(shipped(c2, 2, 1));
        long first = requestRelease(overdue);
        assertThat(route(first)).containsExactly("VP");
        decide("vp", first, "reject").andExpect(status().isOk());
        awaitAudit(overdue, "SHIPMENT_RELEASE_REFUSED");
        assertThat(orderStatus(overdue)).isEqualTo("BLOCKED");
        // the warehouse is told it stays blocked, with the approver's reason
        assertThat(toldOf(overdue, "shipping.notice.refused")).contains("warehouse");
        assertThat(jdbc.sql("SELECT args FROM notice WHERE link = ? AND message_key = 'shipping.notice.refused'")
                .param("/shipments/" + overdue).query(String.class).list()).allMatch(a -> a.contains("\"ok\"") && a.contains(c2.number()));
        long second = requestRelease(overdue);
        decide("vp", second, "approve").andExpect(status().isOk());
        awaitAudit(overdue, "SHIPMENT_RELEASE_APPROVED");
        assertThat(orderStatus(overdue)).isEqualTo("RELEASED");
        // an order not blocked cannot ask
        mvc.perform(post("/api/v1/shipments/" + overdue + "/request-release").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isConflict());

        // over the limit and overdue together: both decide, the VP first
        overdueReceivable(customer, 40, 30, "10.00");
        long both = id(shipped(c, 2, 5));
        assertThat(route(requestRelease(both))).containsExactly("VP", "GM");
    }

    @Test
    void twoReleasesAtTheSameMomentCannotTogetherExceedTheLimit() throws Exception {
        long customer = customer("发货并发有限公司", "REGULAR");
        ContractView c = fx.signedContract(customer);
        fx.grant(customer, "5000");
        DataScope scope = DataScope.everything(fx.userId("warehouse"));
        long a = orders.create(scope, new ShippingOrders.Draft(c.id(), List.of(new ShippingOrders.LineInput(1, new BigDecimal("3"))),
                clock.today()));
        long b = orders.create(scope, new ShippingOrders.Draft(c.id(), List.of(new ShippingOrders.LineInput(1, new BigDecimal("3"))),
                clock.today()));
        orders.confirm(scope, a);
        orders.confirm(scope, b);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ShippingStatus>> results = new ArrayList<>();
            for (long id : new long[]{a, b}) {
                Callable<ShippingStatus> release = () -> {
                    start.await();
                    return orders.release(scope, id);
                };
                results.add(pool.submit(release));
            }
            start.countDown();
            List<ShippingStatus> outcomes = new ArrayList<>();
            for (Future<ShippingStatus> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(ShippingStatus.RELEASED, ShippingStatus.BLOCKED);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT COUNT(*) FROM shipping_order WHERE customer_id = ? AND status = 'RELEASED'", customer)).isEqualTo(1L);
    }

    @Test
    void aReleasedOrderBillsItsShareWhenItShips() throws Exception {
        long customer = customer("发货开票有限公司", "REGULAR");
        ContractView c = fx.signedContract(customer);
        fx.grant(customer, "100000");
        long first = id(shipped(c, 1, 3, 2, "2.5"));   // 3,000 + 500
        long second = id(shipped(c, 1, 1));            // 1,000
        mvc.perform(get("/api/v1/customers/" + customer + "/credit").header("Authorization", bearer(token("warehouse"))))
                .andExpect(jsonPath("$.exposure").value(4500.00));
        assertThat(count("SELECT COUNT(*) FROM receivable WHERE contract_id = ?", c.id())).isZero();

        mvc.perform(post("/api/v1/shipments/" + first + "/ship").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHIPPED"))
                .andExpect(jsonPath("$.shippedOn").value(clock.today().toString()));
        mvc.perform(post("/shipments/" + second + "/ship").with(login("warehouse")).with(csrf())).andExpect(status().is3xxRedirection());
        record R(BigDecimal amount, LocalDate dueOn, long shipmentId) {
        }
        List<R> raised = jdbc.sql("SELECT amount, due_on, shipment_id FROM receivable WHERE contract_id = ? ORDER BY shipment_id")
                .param(c.id()).query((rs, n) -> new R(rs.getBigDecimal(1), rs.getObject(2, LocalDate.class), rs.getLong(3))).list();
        assertThat(raised).extracting(R::shipmentId).containsExactly(first, second);
        assertThat(raised.get(0).amount()).isEqualByComparingTo("3500.00");
        assertThat(raised.get(1).amount()).isEqualByComparingTo("1000.00");
        assertThat(raised.get(0).dueOn()).isEqualTo(clock.today().plusDays(30));
        // the exposure is the same, now as receivables and no longer as released orders
        mvc.perform(get("/api/v1/customers/" + customer + "/credit").header("Authorization", bearer(token("warehouse"))))
                .andExpect(jsonPath("$.exposure").value(4500.00));
        // shipping twice is refused; the contract's single shipment is no longer possible
        mvc.perform(post("/api/v1/shipments/" + first + "/ship").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/contracts/" + c.id() + "/ship").header("Authorization", bearer(token("warehouse")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"shippedOn\":\"" + clock.today() + "\"}"))
                .andExpect(status().isConflict());
        assertThat(count("SELECT COUNT(*) FROM receivable WHERE contract_id = ?", c.id())).isEqualTo(2L);
    }

    @Test
    void theQueueShowsKeyAccountsFirstThenByRequestedDate() throws Exception {
        long regular = customer("发货一般客户有限公司", "REGULAR");
        long key = customer("发货大客户有限公司", "KEY_ACCOUNT");
        ContractView cr = fx.signedContract(regular);
        ContractView ck = fx.signedContract(key);
        LocalDate today = clock.today();
        long early = id(json.readValue(ship("warehouse", body(cr.id(), today.plusDays(1), 1, 1)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), Map.class));
        long later = id(json.readValue(ship("warehouse", body(ck.id(), today.plusDays(300), 1, 1)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), Map.class));
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            String response = mvc.perform(get("/api/v1/shipments").param("status", "BLOCKED").param("size", "20")
                            .param("cursor", cursor == null ? "" : cursor).header("Authorization", bearer(token("warehouse"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Map<?, ?> page = json.readValue(response, Map.class);
            for (Object item : (List<?>) page.get("items")) {
                seen.add(((Number) ((Map<?, ?>) item).get("id")).longValue());
            }
            cursor = (String) page.get("nextCursor");
        } while (cursor != null && !(seen.contains(early) && seen.contains(later)));
        assertThat(seen).contains(early, later);
        assertThat(seen.indexOf(later)).isLessThan(seen.indexOf(early));
        String page = mvc.perform(get("/shipments").param("status", "BLOCKED").with(login("warehouse"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"shipments-table\"");
        mvc.perform(get("/shipments").with(login("sales1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/shipments").param("cursor", "garbage!").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/shipments").param("status", "LOST").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() throws Exception {
        long customer = customer("发货输入有限公司", "REGULAR");
        ContractView c = fx.signedContract(customer);
        LocalDate today = clock.today();
        ship("warehouse", body(c.id(), today, 1, 11)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"))
                .andExpect(jsonPath("$.detail").value("合同行 1 最多还能发 10（合同数量 10，其余已在其他发货单上）。"));
        ship("warehouse", body(c.id(), today, 1, 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("发货数量须为大于零的数字（最多三位小数）。"));
        ship("warehouse", body(c.id(), today, 1, "many")).andExpect(status().isBadRequest());
        ship("warehouse", body(c.id(), today, 3, 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].contractLineId"));
        ship("warehouse", body(c.id(), today)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines"));
        ship("warehouse", body(c.id(), null, 1, 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestedOn"));
        ship("warehouse", body(c.id(), today.minusDays(1), 1, 1)).andExpect(status().isBadRequest());
        ship("warehouse", body(null, today, 1, 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contractId"));
        ship("warehouse", "{not json").andExpect(status().isBadRequest());
        ship("warehouse", body(987_654_321L, today, 1, 1)).andExpect(status().isNotFound());
        assertThat(count("SELECT COUNT(*) FROM shipping_order WHERE contract_id = ?", c.id())).isZero();

        // an unsigned contract
        DataScope everything = DataScope.everything(fx.userId("admin"));
        ContractView draft = contracts.draft(everything, new Contracts.Draft(customer, List.of(new Contracts.Line(null, "未签机床",
                BigDecimal.ONE, "台", new BigDecimal("10"), new BigDecimal("10"))),
                List.of(new Contracts.Term(new BigDecimal("100"), PaymentAnchor.SIGNING, 0))));
        ship("warehouse", body(draft.id(), today, 1, 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("只有已签订的合同才能发货。"));

        // a contract shipped whole through its own single shipment has billed its SHIPMENT installments already
        ContractView whole = fx.signedContract(customer);
        mvc.perform(post("/api/v1/contracts/" + whole.id() + "/ship").header("Authorization", bearer(token("warehouse")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"shippedOn\":\"" + today + "\"}")).andExpect(status().isOk());
        ship("warehouse", body(whole.id(), today, 1, 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该合同已于 " + today + " 整单登记发货，不能再建发货单。"));

        // more than what the other orders left
        shipped(c, 1, 6);
        ship("warehouse", body(c.id(), today, 1, 5)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("合同行 1 最多还能发 4（合同数量 10，其余已在其他发货单上）。"));
        assertThat(count("SELECT COUNT(*) FROM shipping_order WHERE contract_id = ?", c.id())).isEqualTo(1L);

        // the form keeps what was typed
        String page = mvc.perform(post("/shipments").with(login("warehouse")).with(csrf()).param("contract", c.number())
                        .param("q1", "7").param("requestedOn", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("合同行 1 最多还能发 4", "value=\"7\"");
        page = mvc.perform(post("/shipments").with(login("warehouse")).with(csrf()).param("contract", "HT-NONE")
                        .param("q1", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("找不到合同 HT-NONE");
        // outside the range of ids
        mvc.perform(get("/shipments/987654321").with(login("warehouse"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/shipments/987654321/request-release").header("Authorization", bearer(token("warehouse"))))
                .andExpect(status().isNotFound());
    }
}
