package io.zhidu.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import io.zhidu.crm.support.TestContractEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Contracts through the API (issue #5 items 1 and 8): draft, review by amount, sign, ship, refusals, scope, premium. */
class ContractIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random(5);

    @Autowired
    BusinessClock clock;
    @Autowired
    TestContractEvents.Recorder recorder;
    @Autowired
    Contracts contracts;

    static synchronized String newUscc() {
        return TestUscc.next(RANDOM, "91310000");
    }

    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
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

    static Map<String, Object> line(String product, String quantity, String listPrice, String unitPrice) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("product", product);
        l.put("quantity", new BigDecimal(quantity));
        l.put("unit", "台");
        l.put("listPrice", new BigDecimal(listPrice));
        l.put("unitPrice", new BigDecimal(unitPrice));
        return l;
    }

    static Map<String, Object> term(String percent, String anchor, int days) {
        return Map.of("percent", new BigDecimal(percent), "anchor", anchor, "days", days);
    }

    static String body(long customerId, List<Map<String, Object>> lines, List<Map<String, Object>> terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("lines", lines);
        m.put("paymentTerms", terms);
        try {
            return new tools.jackson.databind.json.JsonMapper().writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<Map<String, Object>> TERMS = List.of(term("30", "SIGNING", 0), term("30", "SHIPMENT", 30),
            term("40", "SHIPMENT", 90));

    Map<?, ?> draft(String username, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().exists("Location")).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        return json.readValue(response, Map.class);
    }

    long submit(String username, long id) throws Exception {
        String response = mvc.perform(post("/api/v1/contracts/" + id + "/submit").header("Authorization", bearer(token(username))))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("approvalId")).longValue();
    }

    String contractStatus(long id) {
        return jdbc.sql("SELECT status FROM contract WHERE id = ?").param(id).query(String.class).single();
    }

    void awaitStatus(long id, String expected) throws InterruptedException {
        for (int i = 0; i < 100 && !contractStatus(id).equals(expected); i++) {
            Thread.sleep(100);
        }
        assertThat(contractStatus(id)).isEqualTo(expected);
    }

    List<String> route(long approvalId) {
        return jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no").param(approvalId)
                .query(String.class).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM contract").query(Long.class).single();
    }

    static long id(Map<?, ?> m) {
        return ((Number) m.get("id")).longValue();
    }

    @Test
    void aContractIsDraftedReviewedByTheBusinessManagerSignedAndShipped() throws Exception {
        long customerId = customer("sales1", "合同测试华东机械有限公司");
        // graded B (普通客户 B: 适当优惠, list − 4%), so the line at −3.33% needs no VP (benefit price floor)
        jdbc.sql("UPDATE customer SET grade = 'B' WHERE id = ?").param(customerId).update();
        LocalDate today = clock.today();
        // 10 × 1,050 + 3 × 2,900 = 19,200 against list 10 × 1,000 + 3 × 3,000 = 19,000
        Map<?, ?> draft = draft("sales1", body(customerId, List.of(line("数控机床 A", "10", "1000", "1050"),
                line("配件包", "3", "3000", "2900")), TERMS));
        long id = id(draft);
        assertThat((String) draft.get("number")).matches("HT-" + today.getYear() + "-\\d{6}");
        assertThat(new BigDecimal(draft.get("amount").toString())).isEqualByComparingTo("19200.00");
        mvc.perform(get("/api/v1/contracts/" + id).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.customerName").value("合同测试华东机械有限公司"))
                .andExpect(jsonPath("$.listAmount").value(19000.00))
                .andExpect(jsonPath("$.premium.rate").value(0.0105))
                .andExpect(jsonPath("$.lines[0].catalogue").value(false))
                .andExpect(jsonPath("$.lines[1].premium.rate").value(-0.0333))
                .andExpect(jsonPath("$.installments[0].amount").value(5760.00))
                .andExpect(jsonPath("$.installments[2].amount").value(7680.00))
                .andExpect(jsonPath("$.installments[2].anchor").value("SHIPMENT"));

        // signing before the review is approved: 409, nothing changed
        mvc.perform(post("/api/v1/contracts/" + id + "/sign").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedOn\":\"" + today + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("合同评审通过后才能签订。"));
        assertThat(contractStatus(id)).isEqualTo("DRAFT");

        long approval = submit("sales1", id);
        assertThat(contractStatus(id)).isEqualTo("IN_REVIEW");
        // a second submission of the same contract is an illegal move
        mvc.perform(post("/api/v1/contracts/" + id + "/submit").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isConflict());
        // up to the threshold the business-dept manager decides, not the VP
        assertThat(route(approval)).containsExactly("BUSINESS_MANAGER");
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("vp")))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is4xxClientError());
        assertThat(contractStatus(id)).isEqualTo("IN_REVIEW");
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("bizmgr")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意\"}"))
                .andExpect(status().isOk());
        awaitStatus(id, "APPROVED");

        // a future signing date: 400 on the field, nothing changed
        mvc.perform(post("/api/v1/contracts/" + id + "/sign").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedOn\":\"" + today.plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("signedOn"));
        assertThat(contractStatus(id)).isEqualTo("APPROVED");
        assertThat(recorder.signed(id)).isEmpty();

        mvc.perform(post("/api/v1/contracts/" + id + "/sign").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedOn\":\"" + today + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"));
        mvc.perform(post("/api/v1/contracts/" + id + "/sign").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedOn\":\"" + today + "\"}"))
                .andExpect(status().isConflict());
        assertThat(recorder.signed(id)).hasSize(1);
        ContractSigned signed = recorder.signed(id).get(0);
        assertThat(signed.signedOn()).isEqualTo(today);
        assertThat(signed.customerId()).isEqualTo(customerId);
        assertThat(signed.placement().ownerId()).isEqualTo(userId("sales1"));
        assertThat(signed.placement().officeId()).isNotNull();
        assertThat(signed.amount()).isEqualByComparingTo("19200.00");
        assertThat(signed.installments()).hasSize(3);
        assertThat(signed.installments().stream().map(Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(signed.amount());
        // signing raised the receivable of the installment anchored at signing (receivable module), in the same transaction
        mvc.perform(get("/api/v1/receivables").param("customerId", Long.toString(customerId)).header("Authorization", bearer(token("finance"))))
                .andExpect(jsonPath("$.items[?(@.contractId == " + id + ")].installmentNumber").value(org.hamcrest.Matchers.contains(1)));

        // completing before the shipment the terms wait for: 409
        mvc.perform(post("/api/v1/contracts/" + id + "/complete").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isConflict());
        // a salesperson does not record shipments; the warehouse does, once
        mvc.perform(post("/api/v1/contracts/" + id + "/ship").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"shippedOn\":\"" + today + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/contracts/" + id + "/ship").header("Authorization", bearer(token("warehouse")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"shippedOn\":\"" + today.plusDays(2) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/contracts/" + id + "/ship").header("Authorization", bearer(token("warehouse")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"shippedOn\":\"" + today + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.shippedOn").value(today.toString()));
        mvc.perform(post("/api/v1/contracts/" + id + "/ship").header("Authorization", bearer(token("warehouse")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"shippedOn\":\"" + today + "\"}"))
                .andExpect(status().isConflict());
        assertThat(recorder.shipped(id)).hasSize(1);
        ContractShipped shipped = recorder.shipped(id).get(0);
        assertThat(shipped.shippedOn()).isEqualTo(today);
        assertThat(shipped.installments()).extracting(Installment::number).containsExactly(2, 3);
        assertThat(shipped.installments()).extracting(Installment::amount)
                .containsExactly(new BigDecimal("5760.00"), new BigDecimal("7680.00"));
        assertThat(jdbc.sql("SELECT SUM(amount) FROM receivable WHERE contract_id = ?").param(id).query(BigDecimal.class).single())
                .isEqualByComparingTo("19200.00");

        mvc.perform(post("/api/v1/contracts/" + id + "/complete").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        mvc.perform(post("/api/v1/contracts/" + id + "/terminate").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isConflict());

        // the customer's premium over the period: amount-weighted over the signed contracts
        Premium p = contracts.customerPremium(customerId, today.minusDays(30), today);
        assertThat(p.listAmount()).isEqualByComparingTo("19000.00");
        assertThat(p.amount()).isEqualByComparingTo("19200.00");
        assertThat(p.rate()).isEqualByComparingTo("0.0105");
        assertThat(contracts.customerPremium(customerId, today.minusDays(60), today.minusDays(31)).rate()).isNull();

        // the list, by customer and status
        mvc.perform(get("/api/v1/contracts").param("customerId", Long.toString(customerId)).param("status", "COMPLETED")
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void aContractAboveTheThresholdIsReviewedByTheVpAndARejectionMakesItADraftAgain() throws Exception {
        long customerId = customer("sales2", "合同测试大额设备有限公司");
        long id = id(draft("sales2", body(customerId, List.of(line("生产线", "1", "1500000", "1500000.01")),
                List.of(term("100", "SIGNING", 30)))));
        long approval = submit("sales2", id);
        assertThat(route(approval)).containsExactly("VP");
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("bizmgr")))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/approvals/" + approval + "/reject").header("Authorization", bearer(token("vp")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"价格需重新核定\"}"))
                .andExpect(status().isOk());
        awaitStatus(id, "DRAFT");
        // resubmitted, the VP approves
        long again = submit("sales2", id);
        mvc.perform(post("/api/v1/approvals/" + again + "/approve").header("Authorization", bearer(token("vp")))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
        awaitStatus(id, "APPROVED");
        // an approved contract may be terminated before signing
        mvc.perform(post("/api/v1/contracts/" + id + "/terminate").header("Authorization", bearer(token("sales2"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TERMINATED"));
        mvc.perform(post("/api/v1/contracts/" + id + "/sign").header("Authorization", bearer(token("sales2")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedOn\":\"" + clock.today() + "\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsWritten() throws Exception {
        long customerId = customer("sales1", "合同测试错误输入有限公司");
        String sales1 = token("sales1");
        long before = count();
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(line("A", "0", "100", "100")), TERMS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"))
                .andExpect(jsonPath("$.detail").value("数量必须大于 0（最多 3 位小数）。"));
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(line("A", "1", "100", "-5")), TERMS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"));
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(line("A", "1", "0", "5")), TERMS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].listPrice"));
        mvc.perform(post("/api/v1/contracts?lang=en").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(body(customerId, List.of(line("A", "1", "100", "100")),
                                List.of(term("50", "SIGNING", 0), term("40", "SHIPMENT", 30)))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("paymentTerms"))
                .andExpect(jsonPath("$.detail").value("The percents of the installments must add up to 100%; they add up to 90%."));
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(), TERMS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines"));
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":" + customerId + ",\"lines\":[{\"product\":\"A\",\"quantity\":\"many\"}]}"))
                .andExpect(status().isBadRequest());
        // a customer of another office (华南, sales3's scope) is absent for sales3
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(token("sales3"))).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(line("A", "1", "100", "100")), TERMS)))
                .andExpect(status().isNotFound());
        // no contract:edit
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(token("finance"))).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(line("A", "1", "100", "100")), TERMS)))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aContractOutsideTheScopeIsAbsentEverywhere() throws Exception {
        long customerId = customer("sales1", "合同测试范围有限公司");
        long id = id(draft("sales1", body(customerId, List.of(line("A", "2", "100", "100")), TERMS)));
        String sales3 = token("sales3");
        mvc.perform(get("/api/v1/contracts/" + id).header("Authorization", bearer(sales3))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/contracts/" + id + "/submit").header("Authorization", bearer(sales3)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/contracts/" + id + "/terminate").header("Authorization", bearer(sales3)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/contracts").param("customerId", Long.toString(customerId)).header("Authorization", bearer(sales3)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        // the office director and the company-wide business manager see it
        mvc.perform(get("/api/v1/contracts/" + id).header("Authorization", bearer(token("director1")))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/contracts/" + id).header("Authorization", bearer(token("bizmgr")))).andExpect(status().isOk());
        assertThat(contractStatus(id)).isEqualTo("DRAFT");
    }

    @Test
    void simultaneousDraftsGetDistinctConsecutiveNumbersAndTheListPagesByKeyset() throws Exception {
        long customerId = customer("sales2", "合同测试并发编号有限公司");
        String sales2 = token("sales2");
        String body = body(customerId, List.of(line("A", "1", "100", "100")), List.of(term("100", "SIGNING", 0)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<String> task = () -> {
                    String response = mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales2))
                                    .contentType(MediaType.APPLICATION_JSON).content(body))
                            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
                    return (String) json.readValue(response, Map.class).get("number");
                };
                results.add(pool.submit(task));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : results) {
                numbers.add(f.get());
            }
            assertThat(numbers).hasSize(8);
            List<Integer> seq = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
            assertThat(seq.get(7) - seq.get(0)).isEqualTo(7);
        } finally {
            pool.shutdown();
        }
        String first = mvc.perform(get("/api/v1/contracts").param("customerId", Long.toString(customerId)).param("size", "5")
                        .header("Authorization", bearer(sales2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(5))
                .andReturn().getResponse().getContentAsString();
        String cursor = (String) json.readValue(first, Map.class).get("nextCursor");
        assertThat(cursor).isNotNull();
        mvc.perform(get("/api/v1/contracts").param("customerId", Long.toString(customerId)).param("size", "5").param("cursor", cursor)
                        .header("Authorization", bearer(sales2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void aCatalogueLineTakesTheListPriceInForceAndCannotTypeItOver() throws Exception {
        String bizmgr = token("bizmgr");
        String code = "P-" + System.nanoTime();
        String product = "{\"code\":\"" + code + "\",\"name\":\"伺服电机\",\"unit\":\"台\"}";
        mvc.perform(post("/api/v1/products").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content(product))
                .andExpect(status().isForbidden());
        String created = mvc.perform(post("/api/v1/products").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content(product))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.listPrice").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long productId = id(json.readValue(created, Map.class));
        mvc.perform(post("/api/v1/products").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content(product))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/products").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"\",\"name\":\"x\",\"unit\":\"台\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));

        long customerId = customer("sales1", "合同测试目录产品有限公司");
        Map<String, Object> catalogueLine = new LinkedHashMap<>();
        catalogueLine.put("productId", productId);
        catalogueLine.put("quantity", 4);
        catalogueLine.put("unitPrice", 1100);
        // no list price in force yet
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(token("sales1"))).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(catalogueLine), TERMS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].productId"));

        LocalDate today = clock.today();
        mvc.perform(post("/api/v1/products/" + productId + "/prices").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"effectiveFrom\":\"" + today.minusDays(10) + "\",\"listPrice\":1000}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.listPrice").value(1000));
        mvc.perform(post("/api/v1/products/" + productId + "/prices").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"effectiveFrom\":\"" + today.plusDays(5) + "\",\"listPrice\":1200}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.listPrice").value(1000))
                .andExpect(jsonPath("$.prices.length()").value(2));
        mvc.perform(post("/api/v1/products/" + productId + "/prices").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"effectiveFrom\":\"" + today.plusDays(5) + "\",\"listPrice\":1300}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/products/" + productId + "/prices").header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"effectiveFrom\":\"" + today + "\",\"listPrice\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("listPrice"));

        // typing another list price over the catalogue's is refused
        catalogueLine.put("listPrice", 900);
        mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(token("sales1"))).contentType(MediaType.APPLICATION_JSON)
                        .content(body(customerId, List.of(catalogueLine), TERMS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].listPrice"));
        catalogueLine.remove("listPrice");
        Map<?, ?> draft = draft("sales1", body(customerId, List.of(catalogueLine, line("安装调试", "1", "500", "400")), TERMS));
        mvc.perform(get("/api/v1/contracts/" + id(draft)).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].catalogue").value(true))
                .andExpect(jsonPath("$.lines[0].productId").value(productId))
                .andExpect(jsonPath("$.lines[0].listPrice").value(1000.00))
                .andExpect(jsonPath("$.lines[0].unit").value("台"))
                .andExpect(jsonPath("$.lines[1].catalogue").value(false))
                // (4 × 1,100 + 400) − (4 × 1,000 + 500) = 300 over 4,500
                .andExpect(jsonPath("$.premium.rate").value(0.0667));
        mvc.perform(get("/api/v1/products").header("Authorization", bearer(token("sales1")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/api/v1/products").header("Authorization", bearer(token("admin")))).andExpect(status().isForbidden());
    }

    @Test
    void theScreensDraftAContractKeepTypedValuesOnARefusalAndShowItsPageAndTheCustomerTab() throws Exception {
        long customerId = customer("sales1", "合同测试页面有限公司");
        var sales1 = login("sales1");
        mvc.perform(get("/contracts/new").param("customerId", Long.toString(customerId)).with(sales1))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("value=\"" + customerId + "\"")));
        // percents adding up to 90: refused, the typed values stay on the form, nothing written
        long before = count();
        mvc.perform(post("/contracts").with(sales1).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("customerId", Long.toString(customerId))
                        .param("lines[0].product", "液压泵").param("lines[0].quantity", "2").param("lines[0].unit", "台")
                        .param("lines[0].listPrice", "500").param("lines[0].unitPrice", "520")
                        .param("terms[0].percent", "90").param("terms[0].anchor", "SIGNING").param("terms[0].days", "10"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("各期比例合计必须为 100%，现在是 90%。"),
                                org.hamcrest.Matchers.containsString("value=\"液压泵\""))));
        assertThat(count()).isEqualTo(before);
        String location = mvc.perform(post("/contracts").with(sales1).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("customerId", Long.toString(customerId))
                        .param("lines[0].product", "液压泵").param("lines[0].quantity", "2").param("lines[0].unit", "台")
                        .param("lines[0].listPrice", "500").param("lines[0].unitPrice", "520")
                        .param("terms[0].percent", "100").param("terms[0].anchor", "SHIPMENT").param("terms[0].days", "10"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/contracts/\\d+");
        mvc.perform(get(location).with(sales1)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("id=\"contract-submit\""),
                                org.hamcrest.Matchers.containsString("非目录"), org.hamcrest.Matchers.containsString("发货后 10 天"),
                                org.hamcrest.Matchers.containsString("40.00 元（4.00%）"))));
        mvc.perform(post(location + "/sign").with(sales1).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).param("date", clock.today().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("refusal", "contract.error.notApproved"));
        mvc.perform(get("/contracts").with(sales1)).andExpect(status().isOk());
        mvc.perform(get("/products").with(sales1)).andExpect(status().isOk());
        mvc.perform(get(location).with(login("sales3"))).andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + customerId).with(sales1)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"customer-contracts\"")));
    }
}
