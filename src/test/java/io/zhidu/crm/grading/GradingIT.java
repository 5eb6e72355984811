package io.zhidu.crm.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.policy.Policies;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Customer grading end to end (issue #7 phase 1): the inputs from contracts, receivables and late
 * payments, the run in batches with its resume, review, the VP's approval putting grades into
 * effect with history and notices, strategic influence and ad-hoc changes with their permissions.
 */
class GradingIT extends GradingFixtures {

    @Autowired
    GradingInputsReader inputs;
    @Autowired
    GradingRecords records;
    @Autowired
    Policies policies;

    // ---- the inputs as of a date

    @Test
    void theFourIndicatorsComeFromContractsReceivablesAndLatePayments_6_1_1_3() throws Exception {
        LocalDate today = clock.today();
        // 500 万元 at 10 % over list, first signed over a year ago, nothing open: 4 + 4 + 4 + unrated 2 = 14 → A, key account
        long top = customer("sales1", "评级甲");
        signed(top, today.minusDays(400), "1000.00", "1000.00");
        signed(top, today.minusDays(100), "5000000.00", "4545454.55");
        grade("sales1", top, today).andExpect(status().isOk())
                .andExpect(jsonPath("$.preview").value(true))
                .andExpect(jsonPath("$.indicators[0].code").value("CONTRACT_AMOUNT"))
                .andExpect(jsonPath("$.indicators[0].points").value(4))
                .andExpect(jsonPath("$.indicators[1].points").value(4))
                .andExpect(jsonPath("$.indicators[2].code").value("PREMIUM"))
                .andExpect(jsonPath("$.indicators[2].points").value(4))
                .andExpect(jsonPath("$.indicators[3].flagged").value(true))
                .andExpect(jsonPath("$.total").value(14)).andExpect(jsonPath("$.grade").value("A"))
                .andExpect(jsonPath("$.category").value("KEY_ACCOUNT")).andExpect(jsonPath("$.newCustomerRule").value(false));

        // first contract 100 days ago: C whatever the score (6.1.1-3(6))
        long young = customer("sales1", "评级乙");
        signed(young, today.minusDays(100), "6000000.00", "5000000.00");
        grade("sales1", young, today).andExpect(jsonPath("$.total").value(14)).andExpect(jsonPath("$.scoreGrade").value("A"))
                .andExpect(jsonPath("$.newCustomerRule").value(true)).andExpect(jsonPath("$.grade").value("C"));

        // 30 万元 open and 31 days past due: arrears → 1; open ≤ 50 万元 → 3
        long late = customer("sales1", "评级丙");
        signed(late, today.minusDays(400), "100.00", "100.00");
        signed(late, today.minusDays(61), "3000000.00", "3000000.00", due(30, "300000.00"));
        grade("sales1", late, today).andExpect(jsonPath("$.indicators[0].points").value(1))
                .andExpect(jsonPath("$.indicators[0].ruleCode").value(org.hamcrest.Matchers.startsWith("arrears")))
                .andExpect(jsonPath("$.indicators[0].rule").value("期间内有应收款逾期超过 30 天（拖欠） → 1 分"))
                .andExpect(jsonPath("$.indicators[1].value").value(300000.00))
                .andExpect(jsonPath("$.indicators[1].points").value(3))
                .andExpect(jsonPath("$.indicators[1].rule").value("≤ 50 万元 → 3 分"));
        // the rule reads in the caller's language
        mvc.perform(get("/api/v1/customers/" + late + "/grade").param("asOf", today.toString())
                        .header("Authorization", bearer(token("sales1"))).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.indicators[1].rule").value("At most 50 x 10k yuan → 3 points"));
        // exactly 30 days past due the day before: not yet arrears
        grade("sales1", late, today.minusDays(1)).andExpect(jsonPath("$.indicators[0].points").value(3));

        // paid 30 days after due: on time; 31 days: late (grace 30, 6.1.1-3(1))
        long onTime = customer("sales1", "评级丁");
        signed(onTime, today.minusDays(400), "100.00", "100.00");
        signed(onTime, today.minusDays(100), "600000.00", "600000.00", due(10, "600000.00"));
        paid(onTime, "600000.00", today.minusDays(60));
        grade("sales1", onTime, today).andExpect(jsonPath("$.indicators[0].points").value(2))
                .andExpect(jsonPath("$.indicators[1].value").value(0.0));
        long paidLate = customer("sales1", "评级戊");
        signed(paidLate, today.minusDays(400), "100.00", "100.00");
        signed(paidLate, today.minusDays(100), "600000.00", "600000.00", due(10, "600000.00"));
        paid(paidLate, "600000.00", today.minusDays(59));
        grade("sales1", paidLate, today).andExpect(jsonPath("$.indicators[0].points").value(1));

        // bad input and scope: a future or unreadable date, another office's salesperson
        grade("sales1", top, today.plusDays(1)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/" + top + "/grade").param("asOf", "2026-13-45")
                .header("Authorization", bearer(token("sales1")))).andExpect(status().isBadRequest());
        grade("sales3", top, null).andExpect(status().isNotFound());
        grade("sales1", 987_654_321L, null).andExpect(status().isNotFound());
    }

    // ---- strategic influence and ad-hoc change

    @Test
    void influenceIsRatedByBusinessManagerOrAboveAndAnAdHocChangeGoesThroughTheVp_6_1_1_3_4() throws Exception {
        long c = customer("sales1", "评级己");
        rate("sales1", c, 3).andExpect(status().isForbidden());
        rate("director1", c, 3).andExpect(status().isForbidden());
        rate("bizmgr", c, 5).andExpect(status().isBadRequest());
        rate("bizmgr", c, 3).andExpect(status().isNoContent());
        rate("vp", c, 4).andExpect(status().isNoContent());
        grade("sales1", c, null).andExpect(jsonPath("$.strategicInfluence").value(4))
                .andExpect(jsonPath("$.indicators[3].points").value(4)).andExpect(jsonPath("$.indicators[3].flagged").value(false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grading_influence_change WHERE customer_id = ?").param(c).query(Long.class).single())
                .isEqualTo(2L);
        // the grade card: read by the salesperson, no rating form for her
        String page = mvc.perform(get("/customers/" + c).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("grading-tab", "grading-explanation").doesNotContain("grading-influence-form");

        // ad-hoc change: only as a proposal with a reason, decided by the VP
        String url = "/api/v1/customers/" + c + "/grade-changes";
        mvc.perform(post(url).header("Authorization", bearer(token("sales1"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\":\"B\",\"reason\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post(url).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\":\"B\"}")).andExpect(status().isBadRequest());
        mvc.perform(post(url).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\":\"Q\",\"reason\":\"x\"}")).andExpect(status().isBadRequest());
        String body = mvc.perform(post(url).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grade\":\"B\",\"reason\":\"大单签约\"}")).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        long approvalId = ((Number) json.readValue(body, Map.class).get("approvalId")).longValue();
        mvc.perform(post(url).header("Authorization", bearer(token("bizmgr"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\":\"A\",\"reason\":\"again\"}")).andExpect(status().isConflict());
        assertThat(customerGrade(c)).isNull();
        approve("vp", approvalId);
        for (int i = 0; i < 100 && customerGrade(c) == null; i++) {
            Thread.sleep(100);
        }
        assertThat(customerGrade(c)).isEqualTo("B");
        assertThat(jdbc.sql("SELECT source FROM grade_history WHERE customer_id = ?").param(c).query(String.class).list())
                .containsExactly("ADHOC");
        grade("sales1", c, null).andExpect(jsonPath("$.preview").value(false)).andExpect(jsonPath("$.grade").value("B"))
                .andExpect(jsonPath("$.effectiveGrade").value("B"));
    }

    // ---- the run

    @Test
    void aRunIsReviewedSubmittedAndOnlyTheVpApprovalPutsGradesIntoEffect_6_1_2_3() throws Exception {
        closeOpenRun();
        LocalDate today = clock.today();
        long top = customer("sales1", "评级庚");
        signed(top, today.minusDays(400), "1000.00", "1000.00");
        signed(top, today.minusDays(100), "5000000.00", "4500000.00");
        rate("bizmgr", top, 4).andExpect(status().isNoContent());
        long young = customer("sales1", "评级辛");
        signed(young, today.minusDays(100), "6000000.00", "5000000.00");
        long low = customer("sales2", "评级壬");
        List<Long> mine = List.of(top, young, low);

        mvc.perform(post("/api/v1/grading/runs").header("Authorization", bearer(token("sales1")))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        String started = mvc.perform(post("/api/v1/grading/runs").header("Authorization", bearer(token("bizmgr")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"asOf\":\"" + today + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long runId = ((Number) json.readValue(started, Map.class).get("id")).longValue();
        mvc.perform(post("/api/v1/grading/runs").header("Authorization", bearer(token("bizmgr")))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
        awaitRun(runId, "REVIEW");
        // only the test's customers go on (the demo company's grades stay as they are)
        jdbc.sql("DELETE FROM grading_proposal WHERE run_id = ? AND customer_id NOT IN (?, ?, ?)")
                .params(runId, top, young, low).update();
        record P(long id, long customerId, String computed, String category, String direction) {
        }
        List<P> proposals = jdbc.sql("""
                        SELECT id, customer_id, computed_grade, computed_category, direction FROM grading_proposal
                        WHERE run_id = ? ORDER BY customer_id""").param(runId)
                .query((rs, n) -> new P(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
        assertThat(proposals).extracting(P::customerId).containsExactlyElementsOf(mine);
        assertThat(proposals).extracting(P::computed).containsExactly("A", "C", "D");
        assertThat(proposals).extracting(P::category).containsExactly("KEY_ACCOUNT", "KEY_ACCOUNT", "REGULAR");
        assertThat(proposals).extracting(P::direction).containsOnly("UP");
        assertThat(customerGrade(top)).isNull();

        mvc.perform(get("/api/v1/grading/runs/" + runId).header("Authorization", bearer(token("vp"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEW")).andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.proposals.length()").value(3));
        mvc.perform(get("/api/v1/grading/runs/" + runId).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isForbidden());
        // submitting with proposals to review is refused
        mvc.perform(post("/api/v1/grading/runs/" + runId + "/submit").header("Authorization", bearer(token("bizmgr"))))
                .andExpect(status().isConflict());
        // a change needs a reason; the page keeps the run unchanged on a refusal
        var bizmgr = login("bizmgr");
        mvc.perform(post("/grading/runs/" + runId + "/proposals/" + proposals.get(2).id()).with(bizmgr)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("grade", "C").param("category", "REGULAR").param("reason", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT review FROM grading_proposal WHERE id = ?").param(proposals.get(2).id()).query(String.class)
                .single()).isEqualTo("PENDING");
        mvc.perform(post("/grading/runs/" + runId + "/proposals/" + proposals.get(2).id()).with(bizmgr)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("grade", "C").param("category", "REGULAR").param("reason", "新签框架协议"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/grading/runs/" + runId + "/accept-all").with(bizmgr)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/grading/runs/" + runId).with(bizmgr)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("grading-proposals")));
        String submitted = mvc.perform(post("/api/v1/grading/runs/" + runId + "/submit")
                        .header("Authorization", bearer(token("bizmgr")))).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        long approvalId = ((Number) json.readValue(submitted, Map.class).get("approvalId")).longValue();
        assertThat(customerGrade(top)).isNull();
        long sales1Notices = notices("sales1", "grading.notice.runChanged");
        long sales2Notices = notices("sales2", "grading.notice.changed");
        approve("vp", approvalId);
        awaitRun(runId, "APPROVED");

        assertThat(customerGrade(top)).isEqualTo("A");
        assertThat(customerGrade(young)).isEqualTo("C");
        assertThat(customerGrade(low)).isEqualTo("C");
        assertThat(jdbc.sql("SELECT category FROM customer WHERE id = ?").param(top).query(String.class).single())
                .isEqualTo("KEY_ACCOUNT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grade_history WHERE customer_id IN (?, ?, ?) AND source = 'RUN'")
                .params(top, young, low).query(Long.class).single()).isEqualTo(3L);
        // one notice per owner for the whole run: sales1's two customers in one, sales2's one by name
        // (sent after the approval's batches are applied, not in the approving request: wait for both)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> notices("sales1", "grading.notice.runChanged") > sales1Notices
                        && notices("sales2", "grading.notice.changed") > sales2Notices);
        assertThat(notices("sales1", "grading.notice.runChanged")).isEqualTo(sales1Notices + 1);
        assertThat(notices("sales2", "grading.notice.changed")).isEqualTo(sales2Notices + 1);
        // the grade card explains the grade in force with the run's inputs and policy version
        grade("sales1", top, null).andExpect(jsonPath("$.preview").value(false)).andExpect(jsonPath("$.grade").value("A"))
                .andExpect(jsonPath("$.total").value(16)).andExpect(jsonPath("$.clauses[0]").value("6.1.1-3(1)"));
        grade("sales2", low, null).andExpect(jsonPath("$.grade").value("C")).andExpect(jsonPath("$.scoreGrade").value("D"));
    }

    @Test
    void theRunsStreamedInputsAreTheInputsEachCustomersGradeCardReads() throws Exception {
        closeOpenRun();
        rate("bizmgr", customer("sales1", "评级流"), 4).andExpect(status().isNoContent());
        runs.batchSize(7); // several batches, each written while the next is read
        GradingRun run = runs.computeAll(runs.start(userId("bizmgr"), clock.today()).id());
        assertThat(run.status()).isEqualTo(GradingRun.Status.REVIEW);
        GradingPolicy policy = GradingPolicy.of(policies.version(run.policyVersionId()));
        List<Proposal> proposals = new java.util.ArrayList<>();
        List<Proposal> page;
        long after = 0;
        while (!(page = records.openProposals(run.id(), after, 500)).isEmpty()) {
            proposals.addAll(page);
            after = page.get(page.size() - 1).customerId();
        }
        assertThat((long) proposals.size()).isEqualTo(run.processed())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND id <= ?").param(run.maxCustomerId())
                        .query(Long.class).single());
        // the demo's contracts, receivables and late payments make every input vary
        assertThat(proposals).anyMatch(p -> p.inputs().contractAmount().signum() > 0).anyMatch(p -> p.inputs().arrears())
                .anyMatch(p -> p.inputs().openReceivables().signum() > 0).anyMatch(p -> p.inputs().firstSignedOn() != null)
                .anyMatch(p -> p.inputs().influence() != null);
        for (Proposal p : proposals) {
            GradingInputs single = inputs.read(policy, p.customerId(), run.asOf());
            assertThat(p.inputs()).as("customer %d", p.customerId()).usingRecursiveComparison()
                    .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(single);
        }
        closeOpenRun();
    }

    @Test
    void aStoppedRunResumesAfterItsLastBatchWithoutDoubleProposals() throws Exception {
        closeOpenRun();
        long before = clock.offsetDays();
        try {
            customer("sales1", "评级癸");
            runs.batchSize(5);
            GradingRun run = runs.start(userId("bizmgr"), clock.today());
            GradingRun afterOne = runs.compute(run.id(), 1);
            assertThat(afterOne.status()).isEqualTo(GradingRun.Status.RUNNING);
            assertThat(afterOne.processed()).isEqualTo(5);
            assertThat(afterOne.percent()).isBetween(0, 99);
            // the process stops here; the daily duty resumes from the last batch
            String summary = yearEnd.run(clock.today());
            assertThat(summary).startsWith("resumed run " + run.id());
            GradingRun done = runs.run(run.id());
            assertThat(done.status()).isEqualTo(GradingRun.Status.REVIEW);
            long active = jdbc.sql("SELECT COUNT(*) FROM customer WHERE id <= ? AND deleted_at IS NULL")
                    .param(done.maxCustomerId()).query(Long.class).single();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM grading_proposal WHERE run_id = ?").param(run.id()).query(Long.class).single())
                    .isEqualTo(active).isEqualTo((long) done.processed());
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT customer_id) FROM grading_proposal WHERE run_id = ?").param(run.id())
                    .query(Long.class).single()).isEqualTo(active);
            // computing again changes nothing
            assertThat(runs.computeAll(run.id()).processed()).isEqualTo(done.processed());
            closeOpenRun();

            // in the policy's month the duty opens the year's run by itself, once; a December some
            // years ahead, which no other test's run (dated today, itself in December near the
            // year's end) can fall into
            clock.setToday(LocalDate.of(clock.today().getYear() + 3, 12, 10));
            assertThat(yearEnd.run(clock.today())).startsWith("run ");
            closeOpenRun();
            jdbc.sql("UPDATE grading_run SET status = 'APPROVED' WHERE as_of = ? AND status = 'REJECTED'").param(clock.today()).update();
            assertThat(yearEnd.run(clock.today())).isEqualTo("this year's run exists");
        } finally {
            clock.restoreOffset(before);
        }
    }
}
