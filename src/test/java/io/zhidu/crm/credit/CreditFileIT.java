package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Credit investigations end to end (issue #6 item 3, seed 6.2.4-2): field investigations and
 * information slips over the API and the screens, their files within the attachment limits, data
 * scope (404 outside it), bad input refused with nothing stored, the latest grade feeding the
 * credit score (6.2.4-3(3)), and the statistician's work list with each reason at its boundary
 * as the business clock moves (6.2.4-5(3), 6.2.4-3(3), 6.2.4-2(3)).
 */
class CreditFileIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();

    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;
    @Autowired
    FieldInvestigations investigations;

    @AfterEach
    void realDate() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
    }

    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000) + "有限公司");
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", "ACTIVE");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    static Map<String, Object> investigation(LocalDate on, Object grade, String findings) {
        Map<String, Object> m = new HashMap<>();
        m.put("investigatedOn", on == null ? null : on.toString());
        m.put("investigators", "孙丽、刘芳");
        m.put("businessStatus", "两处门店，销售稳定");
        m.put("paymentAttitude", "按期付款");
        m.put("findings", findings);
        m.put("grade", grade);
        return m;
    }

    long postInvestigation(String username, long customerId, Map<String, Object> body) throws Exception {
        String response = mvc.perform(post("/api/v1/customers/" + customerId + "/credit/investigations")
                        .header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    long postSlip(String username, long customerId, LocalDate on, String source, String content) throws Exception {
        String response = mvc.perform(post("/api/v1/customers/" + customerId + "/credit/slips")
                        .header("Authorization", bearer(token(username))).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("receivedOn", on.toString(), "source", source, "content", content))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    long count(String table, long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?").param(customerId).query(Long.class).single();
    }

    void grantCredit(long customerId, LocalDate validUntil, boolean onHold) {
        jdbc.sql("""
                        INSERT INTO customer_credit (customer_id, rating, credit_limit, terms_form, terms_days, valid_until, on_hold, updated_at)
                        VALUES (?, 'A', 1000000, 'MONTHLY', 30, ?, ?, ?)""")
                .params(customerId, validUntil, onHold, OffsetDateTime.now()).update();
    }

    @Test
    void investigationsAreRecordedListedScopedAndTheLatestGradeFeedsTheScore() throws Exception {
        long id = customer("sales1", "调查测试华东机械");
        LocalDate today = clock.today();
        long first = postInvestigation("sales1", id, investigation(today.minusDays(3), 3, "经营正常，付款及时"));
        // recorded later but visited earlier: the latest VISIT decides the grade
        postInvestigation("stat", id, investigation(today.minusDays(40), 1, "旧的走访"));
        assertThat(investigations.latestGrade(id)).contains(3);

        mvc.perform(get("/api/v1/customers/" + id + "/credit/investigations").header("Authorization", bearer(token("director1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(first)).andExpect(jsonPath("$.items[0].grade").value(3))
                .andExpect(jsonPath("$.items[0].investigatedOn").value(today.minusDays(3).toString()))
                .andExpect(jsonPath("$.items[0].recordedBy").value("孙丽"));
        // outside the scope: another office's director and salesperson see nothing, change nothing
        for (String other : List.of("director2", "sales3")) {
            mvc.perform(get("/api/v1/customers/" + id + "/credit/investigations").header("Authorization", bearer(token(other))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/credit-investigations/" + first).header("Authorization", bearer(token(other))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/credit/investigations/" + first).with(login(other))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/customers/" + id + "/credit/investigations").header("Authorization", bearer(token("sales3")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(investigation(today, 2, "x"))))
                .andExpect(status().isNotFound());
        // finance reads credit but does not investigate
        mvc.perform(post("/api/v1/customers/" + id + "/credit/investigations").header("Authorization", bearer(token("finance")))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(investigation(today, 2, "x"))))
                .andExpect(status().isForbidden());
        assertThat(count("credit_investigation", id)).isEqualTo(2);

        // the credit tab shows them and what the grade adds to the score (policy default 5 points a grade)
        mvc.perform(get("/customers/" + id).with(login("sales1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("最近一次实地调查评定 3 级：信用评分的实地调查项得 3 × 5 = 15 分")))
                .andExpect(content().string(containsString("经营正常，付款及时")));
        mvc.perform(get("/credit/investigations").with(login("director1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("经营正常，付款及时")));
        mvc.perform(get("/credit/investigations").with(login("director2")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("经营正常，付款及时"))));
        assertThat(exported("/credit/investigations/export", "director1")).contains("经营正常，付款及时");
        assertThat(exported("/credit/investigations/export", "director2")).doesNotContain("经营正常，付款及时");
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'INVESTIGATION_RECORDED' AND subject_id = ?")
                .param(Long.toString(first)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInvestigationsAreRefusedOnTheirFieldAndNothingIsStored() throws Exception {
        long id = customer("sales1", "调查测试坏输入");
        String url = "/api/v1/customers/" + id + "/credit/investigations";
        String sales1 = token("sales1");
        LocalDate today = clock.today();
        Object[][] cases = {
                {investigation(today.plusDays(1), 2, "好"), "investigatedOn", "日期不能晚于今天。"},
                {investigation(null, 2, "好"), "investigatedOn", "请填写日期。"},
                {investigation(today, 5, "好"), "grade", "评定等级须为 0 到 4。"},
                {investigation(today, -1, "好"), "grade", "评定等级须为 0 到 4。"},
                {investigation(today, null, "好"), "grade", "请选择评定等级。"},
                {investigation(today, 2, " "), "findings", "此项必填。"},
        };
        for (Object[] c : cases) {
            mvc.perform(post(url).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(c[0])))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value((String) c[1]))
                    .andExpect(jsonPath("$.detail").value((String) c[2]));
        }
        mvc.perform(post(url).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"investigatedOn\":\"2026-13-45\",\"grade\":2}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(url).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(json.writeValueAsString(investigation(today, 9, "ok"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("The grade must be 0 to 4."));
        mvc.perform(post(url).header("Authorization", bearer(sales1))).andExpect(status().isBadRequest());

        // the screen: the refusal on its field, everything typed still there
        mvc.perform(multipart("/customers/" + id + "/credit/investigations").with(csrf()).with(login("sales1"))
                        .param("investigatedOn", today.toString()).param("investigators", "孙丽")
                        .param("financialStatus", "资产负债率约六成").param("findings", "仓库满负荷").param("grade", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("评定等级须为 0 到 4。")))
                .andExpect(content().string(containsString("资产负债率约六成")))
                .andExpect(content().string(containsString("仓库满负荷")));
        mvc.perform(multipart("/customers/" + id + "/credit/investigations").with(csrf()).with(login("sales1"))
                        .param("investigatedOn", "not-a-date").param("investigators", "孙丽").param("findings", "仓库满负荷")
                        .param("grade", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("仓库满负荷")));
        assertThat(count("credit_investigation", id)).isZero();
    }

    @Test
    void filesKeepTheAttachmentLimitsAndARefusedFileStoresNothing() throws Exception {
        long id = customer("sales1", "调查测试附件");
        LocalDate today = clock.today();
        // a renamed executable with the form: the investigation is not stored either, the form keeps what was typed
        mvc.perform(multipart("/customers/" + id + "/credit/investigations")
                        .file(new MockMultipartFile("file", "现场照片.jpg", "image/jpeg", "MZ not a picture".getBytes()))
                        .with(csrf()).with(login("sales1"))
                        .param("investigatedOn", today.toString()).param("investigators", "孙丽").param("findings", "门店装修中")
                        .param("grade", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件内容与扩展名 .jpg 不符，未保存。")))
                .andExpect(content().string(containsString("门店装修中")));
        assertThat(count("credit_investigation", id)).isZero();

        mvc.perform(multipart("/customers/" + id + "/credit/investigations")
                        .file(new MockMultipartFile("file", "营业执照.pdf", "application/pdf", PDF))
                        .with(csrf()).with(login("sales1"))
                        .param("investigatedOn", today.toString()).param("investigators", "孙丽").param("findings", "门店装修中")
                        .param("grade", "2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/credit/investigations/*"));
        long investigation = jdbc.sql("SELECT id FROM credit_investigation WHERE customer_id = ?").param(id).query(Long.class).single();
        String url = "/api/v1/credit-investigations/" + investigation + "/attachments";
        mvc.perform(get(url).header("Authorization", bearer(token("director1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].fileName").value("营业执照.pdf"));
        mvc.perform(get("/credit/investigations/" + investigation).with(login("sales1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("营业执照.pdf")));

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "大.pdf", "application/pdf", big))
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("文件太大：单个附件不超过 10 MB。"));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", "MZ".getBytes()))
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "补充.pdf", "application/pdf", PDF))
                        .header("Authorization", bearer(token("finance"))))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "补充.pdf", "application/pdf", PDF))
                        .header("Authorization", bearer(token("sales3"))))
                .andExpect(status().isNotFound());
        mvc.perform(get(url).header("Authorization", bearer(token("director2")))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE subject_type = 'CREDIT_INVESTIGATION' AND subject_id = ?")
                .param(investigation).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void slipsAreRecordedAndHandledOnceByTheStatistician() throws Exception {
        long id = customer("sales1", "信息单测试");
        LocalDate today = clock.today();
        String url = "/api/v1/customers/" + id + "/credit/slips";
        String sales1 = token("sales1");
        mvc.perform(post(url).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("receivedOn", today.plusDays(1).toString(), "source", "BANK", "content", "x"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        mvc.perform(post(url).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("receivedOn", today.toString(), "source", "RUMOUR", "content", "x"))))
                .andExpect(status().isBadRequest());
        mvc.perform(post(url).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("receivedOn", today.toString(), "content", "x"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("请选择信息来源。"));
        assertThat(count("credit_slip", id)).isZero();

        long slip = postSlip("sales1", id, today, "BANK", "银行报告：该客户一笔贷款逾期");
        mvc.perform(get(url).header("Authorization", bearer(token("stat"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].source").value("BANK"));
        mvc.perform(get(url).header("Authorization", bearer(token("director2")))).andExpect(status().isNotFound());
        String handle = "/api/v1/credit-slips/" + slip + "/handle";
        mvc.perform(post(handle).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"handling\":\"ok\"}"))
                .andExpect(status().isForbidden());
        String stat = token("stat");
        mvc.perform(post(handle).header("Authorization", bearer(stat)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"handling\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("handling"));
        mvc.perform(post(handle).header("Authorization", bearer(stat)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"handling\":\"已更新财务状况，建议降级\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("HANDLED"))
                .andExpect(jsonPath("$.handledBy").value("刘芳")).andExpect(jsonPath("$.handledOn").value(today.toString()));
        mvc.perform(post(handle).header("Authorization", bearer(stat)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"handling\":\"again\"}"))
                .andExpect(status().isConflict());
        // the screen: the slip page and the list
        mvc.perform(get("/credit/slips/" + slip).with(login("sales1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已更新财务状况，建议降级")));
        mvc.perform(get("/credit/slips").param("status", "HANDLED").with(login("stat")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("银行报告：该客户一笔贷款逾期")));
        mvc.perform(get("/credit/slips").param("status", "OPEN").with(login("stat")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("银行报告：该客户一笔贷款逾期"))));
        assertThat(exported("/credit/slips/export?status=HANDLED", "stat")).contains("银行报告：该客户一笔贷款逾期", "已处理");
        assertThat(exported("/credit/slips/export?status=OPEN", "stat")).doesNotContain("银行报告：该客户一笔贷款逾期");
        // a slip handled on the screen with no text keeps the form; handled twice is refused, nothing changes
        long second = postSlip("sales1", id, today, "OFFICE", "客户更换法人代表");
        mvc.perform(post("/credit/slips/" + second + "/handle").with(csrf()).with(login("stat")).param("handling", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("此项必填。")));
        mvc.perform(post("/credit/slips/" + second + "/handle").with(csrf()).with(login("stat")).param("handling", "已更新档案"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT handling FROM credit_slip WHERE id = ?").param(second).query(String.class).single())
                .isEqualTo("已更新档案");
    }

    /** Every cell text of the first sheet of an Excel export, tab-separated by row. */
    String exported(String url, String username) throws Exception {
        byte[] xlsx = mvc.perform(get(url).with(login(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheetAt(0)) {
                r.forEach(c -> text.append(c.toString()).append('\t'));
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The work list from just before the test's first customer, so that demo customers do not crowd it out. */
    String worklist(String username, String reason, long afterId) throws Exception {
        var request = get("/credit/files").with(login(username)).param("cursor", new KeysetCursor(null, afterId).encode());
        if (reason != null) {
            request.param("reason", reason);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The reason badges of a customer's row, e.g. [EXPIRING, NO_INVESTIGATION]; empty when the row is absent. */
    static List<String> reasons(String html, long customerId) {
        var doc = org.jsoup.Jsoup.parse(html);
        var row = doc.getElementById("credit-file-" + customerId);
        List<String> found = new ArrayList<>();
        if (row != null) {
            for (var badge : row.select("span.badge")) {
                for (String cls : badge.classNames()) {
                    if (cls.startsWith("zd-reason-")) {
                        found.add(cls.substring("zd-reason-".length()));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theWorklistNamesEachReasonAtItsBoundaryAsTheClockMoves() throws Exception {
        LocalDate real = clock.today();
        long expiring = customer("sales1", "档案测试到期");
        long stale = customer("sales1", "档案测试久未调查");
        long slipped = customer("sales2", "档案测试信息单");
        long held = customer("sales1", "档案测试冻结");
        long current = customer("sales1", "档案测试正常");
        long before = expiring - 1;
        grantCredit(expiring, real.plusDays(30), false);
        postInvestigation("stat", expiring, investigation(real, 3, "正常"));
        grantCredit(stale, real.plusYears(3), false);
        postInvestigation("stat", stale, investigation(real, 3, "正常"));
        postSlip("sales2", slipped, real, "FINANCE", "客户本月付款延迟");
        grantCredit(held, real.plusYears(3), true);
        postInvestigation("stat", held, investigation(real, 1, "停产"));
        grantCredit(current, real.plusYears(3), false);
        postInvestigation("stat", current, investigation(real, 4, "优秀"));

        // today: the credit ending in exactly the notice days (30) is EXPIRING
        String html = worklist("stat", null, before);
        assertThat(reasons(html, expiring)).containsExactly("EXPIRING");
        assertThat(reasons(html, stale)).isEmpty();
        assertThat(reasons(html, slipped)).containsExactly("OPEN_SLIP");
        assertThat(reasons(html, held)).containsExactly("ON_HOLD");
        assertThat(reasons(html, current)).isEmpty();
        assertThat(html).doesNotContain("credit-file-" + current + "\"");

        // a day earlier it was not yet in the notice period
        offsets.setToday(real.minusDays(1));
        assertThat(reasons(worklist("stat", null, before), expiring)).isEmpty();
        // valid until today: still EXPIRING; the day after: EXPIRED
        offsets.setToday(real.plusDays(30));
        assertThat(reasons(worklist("stat", null, before), expiring)).containsExactly("EXPIRING");
        offsets.setToday(real.plusDays(31));
        assertThat(reasons(worklist("stat", "EXPIRED", before), expiring)).containsExactly("EXPIRED");

        // the investigation exactly 12 months ago still counts; a day later it does not
        offsets.setToday(real.plusMonths(12));
        assertThat(reasons(worklist("stat", null, before), stale)).isEmpty();
        offsets.setToday(real.plusMonths(12).plusDays(1));
        html = worklist("stat", "NO_INVESTIGATION", before);
        assertThat(reasons(html, stale)).containsExactly("NO_INVESTIGATION");
        assertThat(reasons(html, slipped)).isEmpty();
        // the filter shows only its reason's customers
        assertThat(html).doesNotContain("credit-file-" + slipped + "\"");
        offsets.setToday(real);

        // scope: the other office's director sees none of them; the own office's director sees them
        assertThat(reasons(worklist("director2", null, before), slipped)).isEmpty();
        assertThat(reasons(worklist("director1", null, before), slipped)).containsExactly("OPEN_SLIP");
        mvc.perform(get("/credit/files").with(login("finance"))).andExpect(status().isForbidden());

        // the Excel export holds the same rows with their reasons
        byte[] xlsx = mvc.perform(get("/credit/files/export").param("reason", "OPEN_SLIP").with(login("stat")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(slipped).query(String.class).single();
        boolean found = false;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheetAt(0)) {
                if (name.equals(r.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(r.getCell(8).getStringCellValue()).isEqualTo("信息处理单待处理");
                }
            }
        }
        assertThat(found).as("exported " + name).isTrue();
    }
}
