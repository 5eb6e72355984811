package io.zhidu.crm.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grading figures (issue #7 item 7) and the batched approval of a run (item 4): distribution
 * and migration numbers against the tables, within the scope, exported to Excel; a run's
 * approval applies every accepted proposal batch by batch, writes the history and tells each
 * owner once; the review counts are the viewer's scope.
 */
class GradingReportsIT extends GradingFixtures {

    @Autowired
    GradingReports reports;
    @Autowired
    GradingRuns runs;

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theDistributionCountsTheGradesInForcePerCategoryWithinTheScope_issue7_7() throws Exception {
        GradingReports.Distribution all = reports.distribution(DataScope.everything(userId("gm")), null);
        for (Grade g : Grade.values()) {
            for (Category c : Category.values()) {
                assertThat(all.count(g, c)).as(g + "/" + c).isEqualTo(count(
                        "SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND grade = ? AND category = ?", g.name(), c.name()));
            }
        }
        assertThat(all.total()).isEqualTo(count("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL"));
        long office = count("SELECT office_id FROM employee WHERE username = 'director1'");
        assertThat(reports.distribution(DataScope.everything(userId("gm")), office).total())
                .isEqualTo(count("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND office_id = ?", office));
        assertThat(reports.distribution(DataScope.ownOnly(userId("sales1")), null).total())
                .isEqualTo(count("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND owner_id = ?", userId("sales1")));

        assertThat(mvc.perform(get("/grading/distribution").with(login("director1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("grading-distribution", "等级分布");
        mvc.perform(get("/grading/distribution/export").with(login("sales1"))).andExpect(status().isOk())
                .andExpect(content().contentType(XlsxExport.CONTENT_TYPE));
        mvc.perform(get("/grading/distribution").with(login("warehouse"))).andExpect(status().isForbidden());
    }

    @Test
    void theMigrationComparesTheGradesInForceOnTwoDatesFromTheHistory_issue7_7() throws Exception {
        LocalDate to = clock.today();
        LocalDate from = to.minusDays(1);
        // the expected cells, computed here from the raw history
        record H(long customerId, String grade, LocalDate on, long id) {
        }
        List<H> history = jdbc.sql("""
                        SELECT h.customer_id, h.new_grade, h.effective_on, h.id FROM grade_history h
                        JOIN customer c ON c.id = h.customer_id WHERE c.deleted_at IS NULL""")
                .query((rs, n) -> new H(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4))).list();
        Map<Long, H[]> byCustomer = new HashMap<>();
        for (H h : history) {
            H[] at = byCustomer.computeIfAbsent(h.customerId(), k -> new H[2]);
            for (int i = 0; i < 2; i++) {
                LocalDate d = i == 0 ? from : to;
                if (!h.on().isAfter(d) && (at[i] == null || h.on().isAfter(at[i].on())
                        || h.on().equals(at[i].on()) && h.id() > at[i].id())) {
                    at[i] = h;
                }
            }
        }
        Map<String, Long> expected = new HashMap<>();
        List<Long> movedIds = new ArrayList<>();
        byCustomer.forEach((id, at) -> {
            String f = at[0] == null ? "-" : at[0].grade().trim();
            String t = at[1] == null ? "-" : at[1].grade().trim();
            if (!f.equals("-") || !t.equals("-")) {
                expected.merge(f + ">" + t, 1L, Long::sum);
            }
            if (!Objects.equals(f, t)) {
                movedIds.add(id);
            }
        });
        GradingReports.Migration m = reports.migration(DataScope.everything(userId("gm")), from, to, null);
        assertThat(m.cells()).isEqualTo(expected);
        assertThat(m.moved()).isEqualTo(movedIds.size()).isPositive();
        List<GradingReports.Moved> page = reports.moved(DataScope.everything(userId("gm")), from, to, null, 0, 10_000);
        assertThat(page).extracting(GradingReports.Moved::customerId).containsExactlyInAnyOrderElementsOf(movedIds);
        // within a salesperson's scope: only their customers
        List<GradingReports.Moved> own = reports.moved(DataScope.ownOnly(userId("sales1")), from, to, null, 0, 10_000);
        assertThat(own).isNotEmpty().allSatisfy(r -> assertThat(count("SELECT owner_id FROM customer WHERE id = ?", r.customerId()))
                .isEqualTo(userId("sales1")));

        String html = mvc.perform(get("/grading/migration").param("from", from.toString()).param("to", to.toString())
                .with(login("sales1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("grading-migration", "grading-moved");
        // a reversed period is refused in words, what was typed stays
        String refused = mvc.perform(get("/grading/migration").param("from", to.toString()).param("to", from.toString())
                .with(login("sales1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("grading-form-error", "value=\"" + to + "\"");
        mvc.perform(get("/grading/migration/export").param("from", from.toString()).param("to", to.toString()).with(login("sales1")))
                .andExpect(status().isOk()).andExpect(content().contentType(XlsxExport.CONTENT_TYPE));
    }

    @Test
    void anApprovedRunTakesEffectBatchByBatchWithHistoryAndOneNoticePerOwner_issue7_4() throws Exception {
        closeOpenRun();
        LocalDate today = clock.today();
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long c = customer("sales1", "批量甲");
            if (i % 3 == 0) {
                signed(c, today.minusDays(400), "1000.00", "1000.00");
                signed(c, today.minusDays(60), "2500000.00", "2200000.00");
            }
            mine.add(c);
        }
        long other = customer("sales3", "批量乙");
        mine.add(other);
        long gone = customer("sales1", "批量丙");
        mine.add(gone);
        try {
            runs.batchSize(5);
            GradingRun run = runs.computeAll(runs.start(userId("bizmgr"), today).id());
            jdbc.sql("DELETE FROM grading_proposal WHERE run_id = :run AND customer_id NOT IN (:ids)")
                    .param("run", run.id()).param("ids", mine).update();
            // the review counts are the viewer's: sales3 sees their one, the manager all
            assertThat(runs.counts(DataScope.ownOnly(userId("sales3")), run.id())).containsEntry("PENDING", 1L).containsEntry("UP", 1L);
            assertThat(runs.counts(DataScope.everything(userId("bizmgr")), run.id()).get("PENDING")).isEqualTo(mine.size());
            runs.acceptAll(DataScope.everything(userId("bizmgr")), run.id(), null, null);
            long approvalId = runs.submit(DataScope.everything(userId("bizmgr")), run.id());
            // moved to the recycle bin before the approval: nothing takes effect for it
            jdbc.sql("UPDATE customer SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?").param(gone).update();
            long sales1Before = notices("sales1", "grading.notice.runChanged");
            long sales3Before = notices("sales3", "grading.notice.changed");
            approve("vp", approvalId);
            awaitRun(run.id(), "APPROVED");

            assertThat(count("SELECT COUNT(*) FROM grading_proposal WHERE run_id = ? AND status = 'APPROVED'", run.id()))
                    .isEqualTo(mine.size() - 1);
            assertThat(jdbc.sql("SELECT status FROM grading_proposal WHERE run_id = ? AND customer_id = ?").params(run.id(), gone)
                    .query(String.class).single()).isEqualTo("REJECTED");
            assertThat(count("""
                    SELECT COUNT(*) FROM grading_proposal p JOIN customer c ON c.id = p.customer_id
                    WHERE p.run_id = ? AND p.status = 'APPROVED' AND (c.grade <> p.final_grade OR c.category <> p.final_category)""",
                    run.id())).isZero();
            assertThat(count("SELECT COUNT(*) FROM grade_history h JOIN grading_proposal p ON p.id = h.proposal_id "
                    + "WHERE p.run_id = ? AND h.source = 'RUN' AND h.approval_id = ?", run.id(), approvalId)).isEqualTo(mine.size() - 1);
            assertThat(count("SELECT COUNT(*) FROM customer_change WHERE customer_id = ? AND field = 'grade' AND kind = 'UPDATED'", mine.get(0))).isEqualTo(1);
            // one notice per owner: sales1 of their twelve customers, sales3 of their one by name
            for (int i = 0; i < 100 && notices("sales3", "grading.notice.changed") == sales3Before; i++) {
                Thread.sleep(100);
            }
            assertThat(notices("sales1", "grading.notice.runChanged")).isEqualTo(sales1Before + 1);
            assertThat(notices("sales3", "grading.notice.changed")).isEqualTo(sales3Before + 1);
            assertThat(jdbc.sql("SELECT args FROM notice WHERE recipient_id = ? AND message_key = 'grading.notice.runChanged' "
                    + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").param(userId("sales1")).query(String.class).single()).contains("12");
        } finally {
            jdbc.sql("UPDATE customer SET deleted_at = NULL WHERE id = ?").param(gone).update();
        }
    }
}
