package io.zhidu.crm.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The what-if of a draft grading policy (issue #7 item 3): run over every customer in batches with
 * a resume, never changing a grade; who moves up or down by the draft's rules against the rules in
 * force, per office and within the viewer's scope; linked from the draft's policy page; stale once
 * the draft's rules change.
 */
class GradingPreviewIT extends GradingFixtures {

    @Autowired
    GradingPreviews previews;

    @AfterEach
    void dropDrafts() {
        previews.batchSize(GradingRuns.DEFAULT_BATCH);
        jdbc.sql("DELETE FROM policy_version WHERE status IN ('DRAFT', 'IN_APPROVAL')").update();
    }

    long draft(Map<String, String> settings) throws Exception {
        jdbc.sql("DELETE FROM policy_version WHERE status IN ('DRAFT', 'IN_APPROVAL')").update();
        String token = token("bizmgr");
        String created = mvc.perform(post("/api/v1/policy/drafts").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"v-what-if\",\"effectiveFrom\":\"" + clock.today().plusMonths(1) + "\",\"note\":\"评级测算\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) json.readValue(created, Map.class).get("id")).longValue();
        mvc.perform(put("/api/v1/policy/versions/" + id).header("Authorization", bearer(token)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("settings", settings))))
                .andExpect(status().isOk());
        return id;
    }

    record Row(String base, int baseTotal, String draft, int draftTotal, String direction) {
    }

    Row row(long previewId, long customerId) {
        return jdbc.sql("""
                        SELECT base_grade, base_total, draft_grade, draft_total, direction FROM grading_preview_row
                        WHERE preview_id = ? AND customer_id = ?""").params(previewId, customerId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5))).single();
    }

    List<String> grades() {
        return jdbc.sql("SELECT id || ':' || COALESCE(grade, '-') || ':' || category FROM customer ORDER BY id").query(String.class).list();
    }

    @Test
    void aDraftsGradingRulesRunOverEveryCustomerWithoutEffectAndShowWhoMovesPerOffice_issue7_3() throws Exception {
        LocalDate today = clock.today();
        // 300 万元 in the period, on time, at list price, not rated: 3+4+2+2 = 11 → C; the draft's 250 万元 band: 4 → 12 → B (up)
        long riser = customer("sales1", "预演甲");
        signed(riser, today.minusDays(400), "1000.00", "1000.00");
        signed(riser, today.minusDays(100), "3000000.00", "3000000.00");
        // 600 万元, 15 万元 open not yet due, at list price, rated 4: 4+4+2+4 = 14 → A; the draft's 10 万元 band: 3 → 13 → B (down)
        long faller = customer("sales2", "预演乙");
        signed(faller, today.minusDays(400), "1000.00", "1000.00");
        signed(faller, today.minusDays(100), "6000000.00", "6000000.00", due(200, "150000.00"));
        rate("bizmgr", faller, 4);
        // nothing signed: 1+4+1+2 = 8 → D either way
        long idle = customer("sales1", "预演丙");
        long version = draft(Map.of("grading.amount-4", "250", "grading.receivable-4", "10"));
        List<String> before = grades();
        long proposals = jdbc.sql("SELECT COUNT(*) FROM grading_proposal").query(Long.class).single();

        // the policy page of the draft links the what-if for those who approve it, not for a salesperson
        assertThat(mvc.perform(get("/policy/versions/" + version).with(login("gm"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("policy-draft-reviews", "/grading/previews/" + version);
        assertThat(mvc.perform(get("/policy/versions/" + version).with(login("sales1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).doesNotContain("policy-draft-reviews");
        mvc.perform(get("/grading/previews/" + version).with(login("sales1"))).andExpect(status().isForbidden());

        previews.batchSize(40);
        GradingPreview started = previews.start(version, userId("gm"));
        GradingPreview afterOne = previews.compute(started.id(), 1);
        assertThat(afterOne.status()).isEqualTo(GradingPreview.Status.RUNNING);
        assertThat(afterOne.processed()).isEqualTo(40);
        // stopped here; started again it goes on after its last batch
        GradingPreview done = previews.compute(started.id(), Integer.MAX_VALUE);
        assertThat(done.status()).isEqualTo(GradingPreview.Status.DONE);
        long active = jdbc.sql("SELECT COUNT(*) FROM customer WHERE id <= ? AND deleted_at IS NULL").param(done.maxCustomerId())
                .query(Long.class).single();
        assertThat(done.processed()).isEqualTo((int) active);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grading_preview_row WHERE preview_id = ?").param(done.id()).query(Long.class).single())
                .isEqualTo(active);

        assertThat(row(done.id(), riser)).isEqualTo(new Row("C", 11, "B", 12, "UP"));
        assertThat(row(done.id(), faller)).isEqualTo(new Row("A", 14, "B", 13, "DOWN"));
        assertThat(row(done.id(), idle)).isEqualTo(new Row("D", 8, "D", 8, "SAME"));
        // without effect: no grade, no proposal changed
        assertThat(grades()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grading_proposal").query(Long.class).single()).isEqualTo(proposals);

        // the summary per office: everything for the GM, the salesperson's own customers only for sales1
        List<GradingPreview.OfficeCounts> all = previews.summary(DataScope.everything(userId("gm")), done.id());
        assertThat(all.stream().mapToLong(GradingPreview.OfficeCounts::total).sum()).isEqualTo(active);
        long up = jdbc.sql("SELECT COUNT(*) FROM grading_preview_row WHERE preview_id = ? AND direction = 'UP'").param(done.id())
                .query(Long.class).single();
        assertThat(all.stream().mapToLong(GradingPreview.OfficeCounts::up).sum()).isEqualTo(up).isPositive();
        Long east = jdbc.sql("SELECT office_id FROM customer WHERE id = ?").param(riser).query(Long.class).single();
        GradingPreview.OfficeCounts eastCounts = all.stream().filter(c -> east.equals(c.officeId())).findFirst().orElseThrow();
        assertThat(eastCounts.total()).isEqualTo(jdbc.sql("""
                SELECT COUNT(*) FROM grading_preview_row r JOIN customer c ON c.id = r.customer_id
                WHERE r.preview_id = ? AND c.office_id = ?""").params(done.id(), east).query(Long.class).single());
        DataScope sales1 = DataScope.ownOnly(userId("sales1"));
        List<GradingPreview.OfficeCounts> own = previews.summary(sales1, done.id());
        assertThat(own.stream().mapToLong(GradingPreview.OfficeCounts::total).sum()).isEqualTo(jdbc.sql("""
                SELECT COUNT(*) FROM grading_preview_row r JOIN customer c ON c.id = r.customer_id
                WHERE r.preview_id = ? AND c.owner_id = ?""").params(done.id(), userId("sales1")).query(Long.class).single());
        List<GradingPreview.Mover> ownMovers = previews.movers(sales1, done.id(), null, null, 0);
        assertThat(ownMovers).extracting(GradingPreview.Mover::customerId).contains(riser).doesNotContain(faller, idle);
        assertThat(previews.movers(DataScope.everything(userId("gm")), done.id(), Direction.DOWN, null, faller - 1))
                .first().extracting(GradingPreview.Mover::customerId).isEqualTo(faller);

        // the page for the GM (approver of drafts): the figures and the movers
        String page = mvc.perform(get("/grading/previews/" + version).param("direction", "UP").with(login("gm")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("grading-preview-summary", "data-customer=\"" + riser + "\"", "C (11)", "B (12)");
        // an unknown direction shows every mover
        assertThat(mvc.perform(get("/grading/previews/" + version).param("direction", "SIDEWAYS").with(login("gm")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("grading-preview-movers");

        // the draft's rules change: the preview no longer describes it
        mvc.perform(put("/api/v1/policy/versions/" + version).header("Authorization", bearer(token("bizmgr"))).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"grading.amount-4\":\"300\"}}")).andExpect(status().isOk());
        assertThat(previews.latest(version).orElseThrow().status()).isEqualTo(GradingPreview.Status.STALE);
        // the policy in force has nothing to compare with
        long inForce = done.baseVersionId();
        mvc.perform(post("/grading/previews/" + inForce).with(login("gm"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("refusal", "grading.preview.error.inForce"));
    }
}
