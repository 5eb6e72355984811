package io.zhidu.crm.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Segment sets end to end (issue #7 item 6, seed O-5 / O-31): the refresh assigns by the rules in
 * keyset batches and is idempotent, manual assignment inside the data scope with history, the
 * customer list (API, screen and Excel export) filtered to exactly the members, configuration with
 * its refusals and version checks.
 */
class SegmentIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();

    @Autowired
    BusinessClock clock;
    @Autowired
    SegmentRefresh refresh;

    @AfterEach
    void batch() {
        refresh.batchSize(SegmentRefresh.DEFAULT_BATCH);
    }

    long customer(String username, String name, String stage) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", stage);
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    void signed(long customerId, LocalDate signedOn, String amount) {
        String number = "HT-S-" + System.nanoTime();
        jdbc.sql("""
                        INSERT INTO contract (number, customer_id, owner_id, office_id, department_id, company_id, status,
                                              contract_date, price_date, amount, list_amount, approved_on, signed_on, created_by, created_at)
                        SELECT ?, c.id, c.owner_id, c.office_id, c.department_id, c.company_id, 'SIGNED', ?, ?, ?, ?, ?, ?, ?, ?
                        FROM customer c WHERE c.id = ?""")
                .params(number, signedOn, signedOn, new BigDecimal(amount), new BigDecimal(amount), signedOn, signedOn, userId("sales1"),
                        OffsetDateTime.now(), customerId).update();
    }

    String segmentOf(long customerId, String set) {
        return jdbc.sql("SELECT segment_code FROM customer_segment WHERE customer_id = ? AND set_code = ?").params(customerId, set)
                .query(String.class).optional().orElse(null);
    }

    ResultActions assign(String username, long customerId, String set, Object segment) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("segment", segment);
        body.put("reason", "市场份额大");
        return mvc.perform(put("/api/v1/customers/" + customerId + "/segments/" + set).header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @SuppressWarnings("unchecked")
    Set<Long> listed(String username, String segment) throws Exception {
        Set<Long> ids = new HashSet<>();
        String cursor = null;
        do {
            var request = get("/api/v1/customers").param("segment", segment).param("size", "200")
                    .header("Authorization", bearer(token(username)));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            Map<String, Object> page = json.readValue(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(), Map.class);
            ((List<Map<String, Object>>) page.get("items")).forEach(i -> ids.add(((Number) i.get("id")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return ids;
    }

    Set<Long> members(String set, String segment) {
        return new HashSet<>(jdbc.sql("""
                        SELECT cs.customer_id FROM customer_segment cs JOIN customer c ON c.id = cs.customer_id
                        WHERE cs.set_code = ? AND cs.segment_code = ? AND c.deleted_at IS NULL""")
                .params(set, segment).query(Long.class).list());
    }

    // ---- rules

    @Test
    void theRefreshAssignsByTheRulesInOrderAndIsIdempotent_O_5() throws Exception {
        LocalDate today = clock.today();
        long big = customer("sales1", "分群大", "ACTIVE");
        signed(big, today.minusDays(30), "2000000.00");
        long almost = customer("sales1", "分群近", "ACTIVE");
        signed(almost, today.minusDays(30), "1999999.99");
        jdbc.sql("UPDATE customer SET grade = 'A' WHERE id = ?").param(almost).update();
        long old = customer("sales1", "分群旧", "ACTIVE");
        signed(old, today.minusMonths(12), "3000000.00");
        long prospect = customer("sales1", "分群潜", "PROSPECT");
        long lost = customer("sales1", "分群失", "LOST");

        refresh.batchSize(7);
        mvc.perform(post("/api/v1/segment-sets/refresh").header("Authorization", bearer(token("bizmgr"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.customers").isNumber());
        assertThat(segmentOf(big, "CLASS4")).isEqualTo("IMPORTANT");
        assertThat(segmentOf(almost, "CLASS4")).isEqualTo("CORE");
        // signed 12 months ago to the day: outside the last 12 months
        assertThat(segmentOf(old, "CLASS4")).isEqualTo("GENERAL");
        assertThat(segmentOf(prospect, "CLASS4")).isEqualTo("POTENTIAL");
        assertThat(segmentOf(lost, "CLASS4")).isNull();
        assertThat(segmentOf(big, "KEY4")).as("manual sets are not touched").isNull();

        assertThat(refresh.refresh(today).changed()).as("a second run on the same data").isZero();

        // the facts change: the next run moves the customer, with a history entry by the rules
        jdbc.sql("UPDATE customer SET stage = 'LOST' WHERE id = ?").param(prospect).update();
        assertThat(refresh.run(today)).contains("customers");
        assertThat(segmentOf(prospect, "CLASS4")).isNull();
        assertThat(jdbc.sql("SELECT old_segment FROM customer_segment_change WHERE customer_id = ? AND changed_by IS NULL ORDER BY id DESC")
                .param(prospect).query(String.class).list()).first().isEqualTo("POTENTIAL");

        mvc.perform(get("/api/v1/customers/" + big + "/segments").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.set == 'CLASS4')].segment").value("IMPORTANT"))
                .andExpect(jsonPath("$.items[?(@.set == 'CLASS4')].assignedBy").value(org.hamcrest.Matchers.contains((Object) null)));
        mvc.perform(post("/api/v1/segment-sets/refresh").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isForbidden());
    }

    // ---- manual assignment

    @Test
    void manualSetsAreAssignedInsideTheScopeWithHistory_O_31() throws Exception {
        long c = customer("sales1", "分群甲", "ACTIVE");
        assign("director1", c, "KEY4", "STRATEGIC").andExpect(status().isOk())
                .andExpect(jsonPath("$.segment").value("STRATEGIC")).andExpect(jsonPath("$.assignedBy").isString());
        assertThat(segmentOf(c, "KEY4")).isEqualTo("STRATEGIC");
        // another office's director: as if absent; a salesperson: not allowed
        assign("director2", c, "KEY4", "CORE").andExpect(status().isNotFound());
        assign("sales1", c, "KEY4", "CORE").andExpect(status().isForbidden());
        assign("bizmgr", 987_654_321L, "KEY4", "CORE").andExpect(status().isNotFound());
        // bad input changes nothing
        assign("bizmgr", c, "NOSUCHSET", "CORE").andExpect(status().isNotFound());
        assign("bizmgr", c, "KEY4", "EMPEROR").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("segment"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("EMPEROR")));
        assign("bizmgr", c, "CLASS4", "IMPORTANT").andExpect(status().isConflict());
        assertThat(segmentOf(c, "KEY4")).isEqualTo("STRATEGIC");
        // the business-dept manager moves it, then takes it out
        assign("bizmgr", c, "KEY4", "core").andExpect(status().isOk()).andExpect(jsonPath("$.segment").value("CORE"));
        assign("bizmgr", c, "KEY4", null).andExpect(status().isOk()).andExpect(jsonPath("$.segment").doesNotExist());
        assertThat(segmentOf(c, "KEY4")).isNull();
        assertThat(jdbc.sql("SELECT COALESCE(old_segment, '-') || '>' || COALESCE(new_segment, '-') FROM customer_segment_change "
                + "WHERE customer_id = ? AND set_code = 'KEY4' ORDER BY id").param(c).query(String.class).list())
                .containsExactly("->STRATEGIC", "STRATEGIC>CORE", "CORE>-");
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMER_SEGMENT_ASSIGNED' AND subject_id = ?")
                .param(Long.toString(c)).query(Long.class).single()).isEqualTo(3);

        // the page form keeps what was typed on a refusal
        mvc.perform(post("/customers/" + c + "/segments/KEY4").with(login("bizmgr")).with(csrf())
                        .param("segment", "CORE").param("reason", "x".repeat(501)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("x".repeat(501))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("segment-form-error")));
        assertThat(segmentOf(c, "KEY4")).isNull();
        mvc.perform(post("/customers/" + c + "/segments/KEY4").with(login("director1")).with(csrf())
                        .param("segment", "POTENTIAL").param("reason", "有潜力"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/customers/" + c));
        assertThat(segmentOf(c, "KEY4")).isEqualTo("POTENTIAL");
        mvc.perform(get("/customers/" + c).with(login("sales1"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"segments-tab\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("潜在大客户")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("大客户分级：— → 潜在大客户")));
    }

    // ---- the list filter

    @Test
    void theCustomerListFiltersToExactlyTheMembersInScope() throws Exception {
        long a = customer("sales1", "分群乙", "ACTIVE");
        long b = customer("sales3", "分群丙", "ACTIVE");
        long notMember = customer("sales1", "分群丁", "ACTIVE");
        assign("bizmgr", a, "KEY4", "IMPORTANT").andExpect(status().isOk());
        assign("bizmgr", b, "KEY4", "IMPORTANT").andExpect(status().isOk());
        assign("bizmgr", notMember, "KEY4", "CORE").andExpect(status().isOk());

        Set<Long> all = listed("bizmgr", "KEY4:IMPORTANT");
        assertThat(all).isEqualTo(members("KEY4", "IMPORTANT")).contains(a, b).doesNotContain(notMember);
        // a director sees the members of the office only
        Set<Long> office = listed("director1", "key4:important");
        assertThat(office).contains(a).doesNotContain(b, notMember);
        assertThat(all).containsAll(office);
        assertThat(listed("bizmgr", "KEY4:NOSUCH")).isEmpty();
        mvc.perform(get("/api/v1/customers").param("segment", "KEY4").header("Authorization", bearer(token("bizmgr"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("segment"));

        // the screen offers the segments and keeps the choice; the export follows the filter
        mvc.perform(get("/customers").param("segment", "KEY4:IMPORTANT").with(login("bizmgr"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<option value=\"KEY4:IMPORTANT\" selected=\"selected\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("segment=KEY4:IMPORTANT")));
        byte[] xlsx = mvc.perform(get("/api/v1/customers/export").param("segment", "KEY4:IMPORTANT")
                .header("Authorization", bearer(token("bizmgr")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(all.size());
        }
    }

    // ---- configuration

    @Test
    @SuppressWarnings("unchecked")
    void setsAreConfiguredByAdminAndBusinessManagerWithTheirRefusals() throws Exception {
        mvc.perform(get("/api/v1/segment-sets").header("Authorization", bearer(token("sales1")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == 'CLASS4')].kind").value("RULE"))
                .andExpect(jsonPath("$.items[?(@.code == 'KEY4')].clause").value("O-31"));
        var got = mvc.perform(get("/api/v1/segment-sets/CLASS4").header("Authorization", bearer(token("bizmgr"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.segments[0].conditions[0].fact").value("CONTRACT_AMOUNT_12M"))
                .andReturn().getResponse();
        String etag = got.getHeader("ETag");
        Map<String, Object> set = json.readValue(got.getContentAsString(), Map.class);
        List<Map<String, Object>> segments = (List<Map<String, Object>>) set.get("segments");
        Map<String, Object> condition = ((List<Map<String, Object>>) segments.get(0).get("conditions")).get(0);

        condition.put("value", "-5");
        saveSet("bizmgr", "CLASS4", etag, set).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("segments[0].conditions[0].value"));
        condition.put("value", "abc");
        saveSet("bizmgr", "CLASS4", etag, set).andExpect(status().isBadRequest());
        condition.put("value", "200");
        condition.put("op", "IN");
        saveSet("bizmgr", "CLASS4", etag, set).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("segments[0].conditions[0].op"));
        condition.put("op", "GE");
        set.put("kind", "MANUAL");
        saveSet("bizmgr", "CLASS4", etag, set).andExpect(status().isBadRequest());
        set.put("kind", "RULE");
        saveSet("sales1", "CLASS4", etag, set).andExpect(status().isForbidden());
        saveSet("bizmgr", "CLASS4", null, set).andExpect(status().isPreconditionRequired());
        saveSet("bizmgr", "CLASS4", "\"999\"", set).andExpect(status().isPreconditionFailed());
        assertThat(jdbc.sql("SELECT operand FROM segment_condition sc JOIN segment_set s ON s.id = sc.set_id "
                + "WHERE s.code = 'CLASS4' AND sc.segment_code = 'IMPORTANT'").query(String.class).single()).isEqualTo("200");
        // unchanged rules saved: the version moves
        saveSet("admin", "CLASS4", etag, set).andExpect(status().isOk()).andExpect(header().exists("ETag"));

        // a new manual set, then assignable; its code is taken afterwards
        String code = "T" + Math.abs(RANDOM.nextInt(1_000_000));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("nameZh", "测试分群");
        created.put("nameEn", "Test segments");
        created.put("kind", "MANUAL");
        created.put("segments", List.of(Map.of("code", "X", "nameZh", "甲", "nameEn", "X", "conditions", List.of())));
        saveSet("bizmgr", code, null, created).andExpect(status().isCreated());
        long c = customer("sales1", "分群戊", "ACTIVE");
        assign("director1", c, code, "X").andExpect(status().isOk());
        mvc.perform(post("/segments").with(login("bizmgr")).with(csrf()).param("code", code).param("nameZh", "重复")
                        .param("nameEn", "Dup").param("kind", "MANUAL").param("segments[0].code", "Y")
                        .param("segments[0].nameZh", "乙").param("segments[0].nameEn", "Y"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("segment-form-error")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"重复\"")));
    }

    @Test
    void theSettingsScreenKeepsWhatWasTypedOnARefusal() throws Exception {
        mvc.perform(get("/segments").with(login("sales1"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("客户四类")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("segment-edit-CLASS4"))));
        mvc.perform(get("/segments/CLASS4/edit").with(login("sales1"))).andExpect(status().isForbidden());
        String form = mvc.perform(get("/segments/CLASS4/edit").with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String version = form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        mvc.perform(post("/segments").with(login("bizmgr")).with(csrf()).param("version", version).param("code", "CLASS4")
                        .param("nameZh", "客户四类").param("nameEn", "Four customer classes").param("kind", "RULE")
                        .param("segments[0].code", "IMPORTANT").param("segments[0].order", "1").param("segments[0].nameZh", "重要客户")
                        .param("segments[0].nameEn", "Important").param("segments[0].conditions[0].fact", "CONTRACT_AMOUNT_12M")
                        .param("segments[0].conditions[0].op", "GE").param("segments[0].conditions[0].value", "二百"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"二百\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("“二百”不是数字")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM segment s JOIN segment_set t ON t.id = s.set_id WHERE t.code = 'CLASS4'")
                .query(Long.class).single()).isEqualTo(4);
    }

    ResultActions saveSet(String username, String code, String etag, Map<String, Object> body) throws Exception {
        var request = put("/api/v1/segment-sets/" + code).header("Authorization", bearer(token(username)))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return mvc.perform(request);
    }
}
