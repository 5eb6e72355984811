package io.zhidu.crm.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.excel.XlsxExport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The payment screens, allocation by hand, the write-off UI, the written-off aging column, the PDF, tabs and workbench (issue #5). */
class PaymentScreensIT extends ReceivableFixtures {

    long manualPayment(long customerId, String amount) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("amount", amount);
        m.put("receivedOn", clock.today().toString());
        m.put("method", "ACCEPTANCE_BILL");
        m.put("reference", "MAN-" + System.nanoTime());
        m.put("allocation", "MANUAL");
        String body = mvc.perform(post("/api/v1/payments").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.allocation").value("MANUAL"))
                .andExpect(jsonPath("$.unallocated").value(Double.parseDouble(amount)))
                .andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(body, Map.class).get("id")).longValue();
    }

    ResultActions allocate(String username, long payment, Object... idAmountPairs) throws Exception {
        List<Map<String, Object>> shares = new java.util.ArrayList<>();
        for (int i = 0; i < idAmountPairs.length; i += 2) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("receivableId", idAmountPairs[i]);
            s.put("amount", idAmountPairs[i + 1]);
            shares.add(s);
        }
        return mvc.perform(post("/api/v1/payments/" + payment + "/allocations").header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("allocations", shares))));
    }

    BigDecimal unallocated(long payment) {
        return jdbc.sql("SELECT unallocated FROM payment WHERE id = ?").param(payment).query(BigDecimal.class).single();
    }

    long allocationsOf(long payment) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_allocation WHERE payment_id = ?").param(payment).query(Long.class).single();
    }

    @Test
    void allocationByHandIsAllOrNothingAndStaysWithinTheOpenAndUnallocatedAmounts() throws Exception {
        long customer = customer("sales1", "手工分配测试有限公司");
        long other = customer("sales1", "手工分配他户有限公司");
        sign(customer, ago(60), term(1, PaymentAnchor.SIGNING, 0, "300.00"), term(2, PaymentAnchor.SIGNING, 30, "200.00"));
        sign(other, ago(10), term(1, PaymentAnchor.SIGNING, 0, "99.00"));
        long r1 = receivables(customer).get(0).id();
        long r2 = receivables(customer).get(1).id();
        long foreign = receivables(other).get(0).id();
        long payment = manualPayment(customer, "400.00");
        // entered "by hand": nothing allocated yet
        assertThat(receivables(customer)).extracting(Rec::open).containsExactly(money("300.00"), money("200.00"));

        allocate("finance", payment, r1, "100.00", r2, "250.00").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("超过其未收金额 200.00")));
        allocate("finance", payment, r1, "300.00", r2, "200.00").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("分配合计 500.00 超过该回款的未分配金额 400.00。"));
        allocate("finance", payment, r1, "100.00", foreign, "50.00").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("应收款 " + foreign + " 不是该客户尚未结清的应收款。"));
        allocate("finance", payment, r1, "0").andExpect(status().isBadRequest());
        allocate("finance", payment, r1, "1.001").andExpect(status().isBadRequest());
        allocate("finance", payment, r1, "10", r1, "10").andExpect(status().isBadRequest());
        allocate("finance", payment).andExpect(status().isBadRequest());
        allocate("sales1", payment, r1, "10").andExpect(status().isForbidden());
        allocate("finance", 987_654_321L, r1, "10").andExpect(status().isNotFound());
        // nothing of the refused requests stuck
        assertThat(allocationsOf(payment)).isZero();
        assertThat(unallocated(payment)).isEqualByComparingTo("400.00");
        assertThat(receivables(customer)).extracting(Rec::open).containsExactly(money("300.00"), money("200.00"));
        assertThat(receivables(other).get(0).open()).isEqualByComparingTo("99.00");

        allocate("finance", payment, r1, "300.00", r2, "50.00").andExpect(status().isOk())
                .andExpect(jsonPath("$.unallocated").value(50.0));
        assertThat(receivables(customer)).extracting(Rec::status).containsExactly("PAID", "OPEN");
        assertThat(receivables(customer).get(1).open()).isEqualByComparingTo("150.00");
        // a payment kept for allocation by hand is not consumed by the next receivable
        sign(customer, ago(1), term(1, PaymentAnchor.SIGNING, 0, "70.00"));
        assertThat(unallocated(payment)).isEqualByComparingTo("50.00");

        // the payment page: the form refuses too much with the amounts kept, then allocates
        var session = login("finance");
        String page = mvc.perform(post("/payments/" + payment + "/allocations").with(session).with(csrf())
                        .param("amount_" + r2, "60.00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("分配合计 60.00 超过该回款的未分配金额 50.00。", "value=\"60.00\"");
        mvc.perform(post("/payments/" + payment + "/allocations").with(session).with(csrf()).param("amount_" + r2, "5O"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("不是有效的数字")));
        mvc.perform(post("/payments/" + payment + "/allocations").with(session).with(csrf()).param("amount_" + r2, "50"))
                .andExpect(status().is3xxRedirection());
        assertThat(unallocated(payment)).isEqualByComparingTo("0");
        page = mvc.perform(get("/payments/" + payment).with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("allocations-table", "手工分配", "300.00").doesNotContain("allocation-form");
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'PAYMENT_ALLOCATED' AND subject_id = ?")
                .param(Long.toString(payment)).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aWriteOffProposedOnTheScreenShowsInTheWrittenOffColumnFromTheDayItIsApproved() throws Exception {
        LocalDate today = clock.today();
        long customer = customer("sales1", "核销列测试有限公司");
        sign(customer, today.minusDays(200), term(1, PaymentAnchor.SIGNING, 30, "5000.00"));
        long receivable = receivables(customer).get(0).id();
        paid(customer, "1000.00", today.minusDays(100));
        var finance = login("finance");
        // bad input: the page again with the message, nothing proposed
        mvc.perform(post("/receivables/" + receivable + "/write-off").with(finance).with(csrf()).param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("请填写核销理由。")));
        mvc.perform(post("/receivables/" + receivable + "/write-off").with(login("sales1")).with(csrf()).param("reason", "破产"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/receivables/" + receivable + "/write-off").with(finance).with(csrf()).param("reason", "客户破产清算"))
                .andExpect(status().is3xxRedirection());
        long approval = jdbc.sql("SELECT write_off_approval_id FROM receivable WHERE id = ?").param(receivable)
                .query(Long.class).single();
        assertThat(mvc.perform(get("/receivables/" + receivable).with(finance)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("approval-" + approval, "坏账核销").doesNotContain("write-off-form");
        // the finance workbench lists it among the write-offs awaiting approval
        assertThat(mvc.perform(get("/finance").with(finance)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("财务工作台", "待审批的坏账核销", "/approvals/" + approval, "未分配的回款");
        mvc.perform(get("/finance").with(login("sales1"))).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("gm")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意\"}"))
                .andExpect(status().isOk());
        for (int i = 0; i < 100 && !receivables(customer).get(0).status().equals("WRITTEN_OFF"); i++) {
            Thread.sleep(100);
        }
        assertThat(receivables(customer).get(0).status()).isEqualTo("WRITTEN_OFF");
        assertThat(jdbc.sql("SELECT write_off_approval_id FROM receivable WHERE id = ?").param(receivable)
                .query(Long.class).optional()).isEmpty();
        try {
            offsets.setToday(today.plusDays(10));
            var before = aging("finance", today.minusDays(1), "customer");
            var after = aging("finance", today.plusDays(5), "customer");
            assertThat(writtenOff(before, customer)).isEqualByComparingTo("0");
            assertThat(row(before, customer).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("4000.00");
            assertThat(writtenOff(after, customer)).isEqualByComparingTo("4000.00");
            assertThat(row(after, customer)).isEmpty();
            assertThat(after.get("writtenOff").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("4000.00"));
            assertThat(writtenOff(aging("finance", today.plusDays(10), "customer"), customer)).isEqualByComparingTo("4000.00");
            String screen = mvc.perform(get("/receivables/aging").param("groupBy", "customer").with(finance))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(screen).contains("已核销", "¥4,000.00", "aging-pdf");
            mvc.perform(get("/receivables/aging/export").param("groupBy", "customer").with(finance))
                    .andExpect(status().isOk()).andExpect(content().contentType(XlsxExport.CONTENT_TYPE));
            // the PDF form: the same numbers, with the customer
            String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(customer).query(String.class).single();
            byte[] pdf = mvc.perform(get("/receivables/aging/pdf").param("groupBy", "customer")
                            .param("asOf", today.minusDays(1).toString()).with(finance))
                    .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn().getResponse().getContentAsByteArray();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertThat(text).contains("应收账款账龄记录表", name, "4,000.00");
            }
            mvc.perform(get("/receivables/aging/pdf").param("groupBy", "planet").with(finance)).andExpect(status().isBadRequest());
        } finally {
            offsets.setToday(today);
        }
        assertThat(mvc.perform(get("/finance").with(finance)).andReturn().getResponse().getContentAsString())
                .doesNotContain("/approvals/" + approval + "\"");
    }

    static BigDecimal writtenOff(tools.jackson.databind.JsonNode report, long customer) {
        for (tools.jackson.databind.JsonNode row : report.get("rows")) {
            if (row.get("key").asString().equals(Long.toString(customer))) {
                return row.get("writtenOff").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    @Test
    void theEntryFormRefusesBadInputWithTheValuesKeptAndStoresNothing() throws Exception {
        long customer = customer("sales1", "回款表单测试有限公司");
        String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(customer).query(String.class).single();
        sign(customer, ago(20), term(1, PaymentAnchor.SIGNING, 0, "900.00"));
        var finance = login("finance");
        // the customer is found by a search inside the scope
        assertThat(mvc.perform(get("/payments/new").param("q", name).with(finance)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("value=\"" + customer + "\"");
        assertThat(mvc.perform(get("/payments/new").param("q", name).with(login("sales2")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getStatus()).isEqualTo(403);
        String reference = "FORM-" + System.nanoTime();
        String page = form(finance, customer, "0", clock.today().toString(), reference);
        assertThat(page).contains("回款金额必须大于零。", "value=\"" + reference + "\"");
        page = form(finance, customer, "120.00", clock.today().plusDays(1).toString(), reference);
        assertThat(page).contains("到账日期不能晚于今天。", "value=\"120.00\"");
        page = form(finance, customer, "12O", clock.today().toString(), reference);
        assertThat(page).contains("请输入金额，例如 12345.67。", "value=\"12O\"");
        page = form(finance, 987_654_321L, "120.00", clock.today().toString(), reference);
        assertThat(page).contains("客户不存在，或不在您的权限范围内。");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE customer_id = ?").param(customer).query(Long.class).single()).isZero();

        String location = mvc.perform(post("/payments").with(finance).with(csrf()).param("customerId", Long.toString(customer))
                        .param("amount", "120.00").param("receivedOn", clock.today().toString()).param("method", "CASH")
                        .param("reference", reference).param("allocation", "AUTO"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(receivables(customer).get(0).open()).isEqualByComparingTo("780.00");
        page = form(finance, customer, "120.00", clock.today().toString(), reference);
        assertThat(page).contains("凭证号 " + reference + " 的回款已登记，不能重复登记。", "value=\"120.00\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE customer_id = ?").param(customer).query(Long.class).single()).isOne();
        long payment = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // the payment page, the lists, the tabs, and the scope
        assertThat(mvc.perform(get(location).with(finance)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(reference, "现金", "reverse-form", "allocations-table");
        var sales1 = login("sales1");
        assertThat(mvc.perform(get(location).with(sales1)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(reference).doesNotContain("reverse-form");
        mvc.perform(get(location).with(login("sales2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/" + payment).header("Authorization", bearer(token("sales2")))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/payments").param("customerId", Long.toString(customer)).with(login("sales2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain(reference);
        assertThat(mvc.perform(get("/payments").param("customerId", Long.toString(customer)).with(sales1))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(reference, name);
        mvc.perform(get("/payments").param("status", "LOST").with(sales1)).andExpect(status().isOk());
        mvc.perform(get("/payments/export").param("customerId", Long.toString(customer)).with(sales1))
                .andExpect(status().isOk()).andExpect(content().contentType(XlsxExport.CONTENT_TYPE));
        String customerPage = mvc.perform(get("/customers/" + customer).with(sales1)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(customerPage).contains("customer-receivables", "customer-payments", reference, "780.00",
                "/receivables?customerId=" + customer, "/payments?customerId=" + customer);

        // the reversal needs a reason; then the receivable is open again
        assertThat(mvc.perform(post(location + "/reverse").with(finance).with(csrf()).param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("请填写冲销原因。");
        mvc.perform(post(location + "/reverse").with(finance).with(csrf()).param("reason", "录入错误"))
                .andExpect(status().is3xxRedirection());
        assertThat(receivables(customer).get(0).open()).isEqualByComparingTo("900.00");
    }

    String form(org.springframework.test.web.servlet.request.RequestPostProcessor session, long customer, String amount,
                String receivedOn, String reference) throws Exception {
        return mvc.perform(post("/payments").with(session).with(csrf()).param("customerId", Long.toString(customer))
                        .param("amount", amount).param("receivedOn", receivedOn).param("method", "BANK_TRANSFER")
                        .param("reference", reference).param("allocation", "AUTO"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
