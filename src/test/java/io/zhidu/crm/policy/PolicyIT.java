package io.zhidu.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.support.AbstractIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The policy as versioned data: the shipped version with its clauses, a draft checked setting by
 * setting, the GM's approval putting it in force from its date, and decisions keeping the
 * version they were taken under (6.1.2-3, O-21). Approved versions here start far in the future,
 * so the other tests sharing this context keep running under v1.
 */
class PolicyIT extends AbstractIntegrationTest {

    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;
    @Autowired
    Policies policies;

    /**
     * The demo leaves a revision waiting for the GM; one draft at a time is the rule, so its
     * requester withdraws it (through the API, as a user would) and it is deleted.
     */
    @org.junit.jupiter.api.BeforeEach
    void noOpenRevision() throws Exception {
        List<Map<String, Object>> open = jdbc.sql("""
                SELECT a.id, e.username FROM approval a JOIN employee e ON e.id = a.requester_id
                WHERE a.subject_type = 'POLICY_VERSION' AND a.status = 'PENDING'""").query().listOfRows();
        for (Map<String, Object> request : open) {
            mvc.perform(post("/api/v1/approvals/" + request.get("id") + "/withdraw")
                            .header("Authorization", bearer(token(request.get("username").toString())))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"测试前撤回\"}"))
                    .andExpect(status().isOk());
        }
        for (int i = 0; i < 100 && jdbc.sql("SELECT COUNT(*) FROM policy_version WHERE status = 'IN_APPROVAL'")
                .query(Long.class).single() > 0; i++) {
            Thread.sleep(100);
        }
        cleanUp();
    }

    @AfterEach
    void cleanUp() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
        jdbc.sql("DELETE FROM policy_version WHERE status IN ('DRAFT', 'IN_APPROVAL')").update();
    }

    Map<?, ?> body(String content) throws Exception {
        return json.readValue(content, Map.class);
    }

    long draft(String token, String label, LocalDate from) throws Exception {
        String created = mvc.perform(post("/api/v1/policy/drafts").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"" + label + "\",\"effectiveFrom\":\"" + from + "\",\"note\":\"年度修订\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("ETag", "\"0\""))
                .andReturn().getResponse().getContentAsString();
        return ((Number) body(created).get("id")).longValue();
    }

    String versionStatus(long versionId) {
        return jdbc.sql("SELECT status FROM policy_version WHERE id = ?").param(versionId).query(String.class).single();
    }

    void awaitStatus(long versionId, String expected) throws InterruptedException {
        for (int i = 0; i < 100 && !versionStatus(versionId).equals(expected); i++) {
            Thread.sleep(100);
        }
        assertThat(versionStatus(versionId)).isEqualTo(expected);
    }

    @Test
    void theShippedPolicyIsInForceWithItsClausesAndReadableAsADocument() throws Exception {
        mvc.perform(get("/api/v1/policy").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.label").value("v1"))
                .andExpect(jsonPath("$.summary.state").value("EFFECTIVE"))
                .andExpect(jsonPath("$.chapters[?(@.chapter == 'DECLARATION')].sections[0].settings[?(@.key == 'period-months')].value")
                        .value("2"))
                .andExpect(jsonPath("$.chapters[?(@.chapter == 'DECLARATION')].sections[0].settings[?(@.key == 'period-months')].clause")
                        .value("O-21"))
                .andExpect(jsonPath("$.chapters[?(@.chapter == 'GOVERNANCE')].sections[0].settings[0].value").value("GM"));
        String page = mvc.perform(get("/policy").with(login("sales1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("第二章 客户申报与保护期（O-21）", "申报后的保护期", "O-21", "个月", "总经理", "出厂默认")
                .doesNotContain("policy-draft-form");
        assertThat(mvc.perform(get("/policy").param("lang", "en").with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Protection period after a declaration", "policy-draft-form");
        assertThat(policies.current().cite("protection", "period-months").clause()).isEqualTo("O-21");
    }

    @Test
    void aDraftApprovedByTheGmAppliesFromItsDateAndEarlierDecisionsKeepTheirVersion() throws Exception {
        String bizmgr = token("bizmgr");
        long v1 = policies.current().versionId();
        // a decision under v1: a new prospect protected for 2 months
        long customer = ((Number) body(mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"制度版本测试有限公司\",\"noUsccReason\":\"境外企业\",\"type\":\"END_USER\",\"category\":\"REGULAR\",\"stage\":\"PROSPECT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id")).longValue();
        LocalDate firstEnd = clock.today().plusMonths(2);

        LocalDate from = clock.today().plusYears(3);
        long v2 = draft(bizmgr, "v-test-approved", from);
        mvc.perform(put("/api/v1/policy/versions/" + v2).header("Authorization", bearer(bizmgr)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"settings\":{\"protection.period-months\":\"3\",\"protection.renewing-progress\":\"VISIT,CONTRACT_SIGNED\"}}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(get("/api/v1/policy/diff").param("from", Long.toString(v1)).param("to", Long.toString(v2))
                        .header("Authorization", bearer(bizmgr)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.field == 'protection.period-months')].to").value("3"));
        String submitted = mvc.perform(post("/api/v1/policy/versions/" + v2 + "/submit").header("Authorization", bearer(bizmgr)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long approval = ((Number) body(submitted).get("approvalId")).longValue();
        assertThat(versionStatus(v2)).isEqualTo("IN_APPROVAL");
        // frozen while it waits
        mvc.perform(put("/api/v1/policy/versions/" + v2).header("Authorization", bearer(bizmgr)).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"protection.period-months\":\"4\"}}"))
                .andExpect(status().isConflict());
        // the requester cannot approve; the GM does
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("gm")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意\"}"))
                .andExpect(status().isOk());
        awaitStatus(v2, "APPROVED");
        assertThat(policies.current().versionId()).isEqualTo(v1);
        assertThat(policies.on(from).versionId()).isEqualTo(v2);
        assertThat(policies.on(from).integer("protection", "period-months")).isEqualTo(3);
        mvc.perform(get("/api/v1/policy/versions").header("Authorization", bearer(bizmgr)))
                .andExpect(jsonPath("$.items[?(@.id == " + v2 + ")].state").value("SCHEDULED"));

        // on its date the new rule decides, and says so; the earlier decision keeps v1 and its end
        offsets.setToday(from);
        long later = ((Number) body(mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"制度新版测试有限公司\",\"noUsccReason\":\"境外企业\",\"type\":\"END_USER\",\"category\":\"REGULAR\",\"stage\":\"PROSPECT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id")).longValue();
        assertThat(jdbc.sql("SELECT policy_version_id FROM protection WHERE customer_id = ?").param(later).query(Long.class).single())
                .isEqualTo(v2);
        assertThat(jdbc.sql("SELECT ends_on FROM protection WHERE customer_id = ?").param(later).query(LocalDate.class).single())
                .isEqualTo(from.plusMonths(3));
        assertThat(jdbc.sql("SELECT policy_version_id FROM protection WHERE customer_id = ?").param(customer).query(Long.class).single())
                .isEqualTo(v1);
        assertThat(jdbc.sql("SELECT ends_on FROM protection WHERE customer_id = ?").param(customer).query(LocalDate.class).single())
                .isEqualTo(firstEnd);
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'POLICY_APPROVED' AND subject_id = ?")
                .param(Long.toString(v2)).query(Long.class).single()).isOne();
    }

    @Test
    void badValuesAreRefusedSettingBySettingAndChangeNothing() throws Exception {
        String bizmgr = token("bizmgr");
        long id = draft(bizmgr, "v-test-bad", clock.today().plusDays(10));
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(bizmgr)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"protection.period-months\":\"两个月\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("protection.period-months"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写整数。"));
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(bizmgr)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"protection.period-months\":\"99\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("取值须在 1 到 24 之间。"));
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(bizmgr)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"governance.approvers\":\"CEO\"}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(bizmgr))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"protection.period-months\":\"3\"}}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(bizmgr)).header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"protection.period-months\":\"3\"}}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(bizmgr)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"effectiveFrom\":\"2001-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_setting WHERE version_id = ? AND setting_key = 'protection.period-months' "
                + "AND setting_value = '2'").param(id).query(Long.class).single()).isOne();
        // one draft at a time; the label must be new; salespeople cannot draft
        mvc.perform(post("/api/v1/policy/drafts").header("Authorization", bearer(bizmgr)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"v-other\",\"effectiveFrom\":\"" + clock.today().plusDays(1) + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/policy/drafts").header("Authorization", bearer(token("sales1"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"v-sales\",\"effectiveFrom\":\"" + clock.today().plusDays(1) + "\"}"))
                .andExpect(status().isForbidden());

        // on the screen every bad value is shown at its field, with what was typed
        var session = login("bizmgr");
        String page = mvc.perform(post("/policy/versions/" + id).with(session).with(csrf()).param("version", "0")
                        .param("label", "v-test-bad").param("effectiveFrom", clock.today().plusDays(10).toString())
                        .param("setting.protection.period-months", "abc").param("setting.protection.warning-days", "-3")
                        .param("setting.protection.grace-days", "5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请改正标红的规则", "请填写整数。", "取值须在 0 到 60 之间。", "value=\"abc\"", "value=\"-3\"", "value=\"5\"");
        // and a good save goes through, then the draft is discarded
        mvc.perform(post("/policy/versions/" + id).with(session).with(csrf()).param("version", "0")
                        .param("label", "v-test-bad").param("effectiveFrom", clock.today().plusDays(10).toString())
                        .param("setting.protection.grace-days", "5").param("setting.governance.approvers", "", "VP", "GM"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT setting_value FROM policy_setting WHERE version_id = ? AND setting_key = 'governance.approvers'")
                .param(id).query(String.class).single()).isEqualTo("VP,GM");
        mvc.perform(post("/policy/versions/" + id + "/discard").with(session).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_version WHERE id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aRejectedDraftIsEditableAgainAndTheApproversComeFromThePolicy() throws Exception {
        String bizmgr = token("bizmgr");
        long id = draft(bizmgr, "v-test-rejected", clock.today().plusYears(4));
        long approval = ((Number) body(mvc.perform(post("/api/v1/policy/versions/" + id + "/submit").header("Authorization", bearer(bizmgr)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).get("approvalId")).longValue();
        // v1 names the GM alone: the VP is not an approver of this request
        mvc.perform(post("/api/v1/approvals/" + approval + "/approve").header("Authorization", bearer(token("vp")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"同意\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/approvals/" + approval + "/reject").header("Authorization", bearer(token("gm")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"保护期不宜延长\"}"))
                .andExpect(status().isOk());
        awaitStatus(id, "DRAFT");
        String page = mvc.perform(get("/policy/versions/" + id).with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("保护期不宜延长", "policy-save", "policy-submit");
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'POLICY_RETURNED' AND subject_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isOne();
    }
}
