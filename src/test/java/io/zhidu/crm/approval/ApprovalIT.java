package io.zhidu.crm.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.approval.ApprovalView.StepState;
import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestApprovalEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class ApprovalIT extends AbstractIntegrationTest {

    static final AtomicLong SUBJECTS = new AtomicLong(7_000);

    @Autowired
    Approvals approvals;
    @Autowired
    TestApprovalEvents.Recorder recorder;

    final Map<String, String> tokens = new HashMap<>();

    String tokenOf(String username) throws Exception {
        String t = tokens.get(username);
        if (t == null) {
            t = token(username);
            tokens.put(username, t);
        }
        return t;
    }

    ApprovalRequest request(String requester, long subjectId, Route route) {
        return new ApprovalRequest("TEST", subjectId, "approval.detail.title", List.of("T-" + subjectId),
                "/customers", route, userId(requester));
    }

    long submit(String requester, Route route) {
        return approvals.submit(request(requester, SUBJECTS.incrementAndGet(), route));
    }

    ResultActions act(String username, long id, String act, String comment) throws Exception {
        var request = post("/api/v1/approvals/" + id + "/" + act).header("Authorization", bearer(tokenOf(username)));
        if (comment != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("comment", comment)));
        }
        return mvc.perform(request);
    }

    ResultActions read(String username, long id) throws Exception {
        return mvc.perform(get("/api/v1/approvals/" + id).header("Authorization", bearer(tokenOf(username))));
    }

    @SuppressWarnings("unchecked")
    List<Long> ids(String username, String mine, int size) throws Exception {
        String body = mvc.perform(get("/api/v1/approvals").param("mine", mine).param("size", String.valueOf(size))
                        .header("Authorization", bearer(tokenOf(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = (List<Map<String, Object>>) json.readValue(body, Map.class).get("items");
        return items.stream().map(i -> ((Number) i.get("id")).longValue()).toList();
    }

    ApprovalDecided decidedOnce(long id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.decidedFor(id).isEmpty());
        // a second publication would arrive as quickly as the first
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(recorder.decidedFor(id)).hasSize(1);
        return recorder.decidedFor(id).get(0);
    }

    long auditCount(String action, long id, String actor) {
        chainAudit();
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_type = 'APPROVAL' AND subject_id = ? AND actor = ?")
                .param(action).param(Long.toString(id)).param(actor).query(Long.class).single();
    }

    List<Notice> notices(long id, String topic) {
        return recorder.noticesFor(id).stream().filter(n -> n.topic().equals(topic)).toList();
    }

    @Test
    void fixedRolesNeedEveryStepInOrderAndEndApprovedOnce() throws Exception {
        long id = submit("sales1", Route.Roles.of(Role.VP, Role.GM));

        // the GM sees it (an approver of step 2) but may not decide step 1
        read("gm", id).andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value(1))
                .andExpect(jsonPath("$.steps[0].role").value("VP"))
                .andExpect(jsonPath("$.steps[0].state").value("PENDING"))
                .andExpect(jsonPath("$.steps[0].approvers[0].name").value("李振华"))
                .andExpect(jsonPath("$.steps[1].state").value("WAITING"))
                .andExpect(jsonPath("$.title").value("审批申请 #T-" + approvals.find(id).orElseThrow().subjectId()));
        act("gm", id, "approve", "先批").andExpect(status().isForbidden());
        assertThat(ids("vp", "pending", 200)).contains(id);
        assertThat(ids("gm", "pending", 200)).doesNotContain(id);

        act("vp", id, "approve", "同意，请总经理定夺").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.currentStep").value(2))
                .andExpect(jsonPath("$.steps[0].state").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].decidedBy.name").value("李振华"))
                .andExpect(jsonPath("$.steps[0].comment").value("同意，请总经理定夺"))
                .andExpect(jsonPath("$.steps[0].decidedAt").isNotEmpty())
                .andExpect(jsonPath("$.steps[1].state").value("PENDING"));
        // the VP's turn is over
        act("vp", id, "approve", null).andExpect(status().isConflict());
        assertThat(ids("vp", "pending", 200)).doesNotContain(id);
        assertThat(ids("gm", "pending", 200)).contains(id);
        assertThat(recorder.decidedFor(id)).isEmpty();

        act("gm", id, "approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.currentStep").doesNotExist())
                .andExpect(jsonPath("$.closedAt").isNotEmpty())
                .andExpect(jsonPath("$.steps[1].decidedBy.name").value("王建国"));
        ApprovalDecided decided = decidedOnce(id);
        assertThat(decided.outcome()).isEqualTo(ApprovalOutcome.APPROVED);
        assertThat(decided.subjectType()).isEqualTo("TEST");
        assertThat(decided.subjectId()).isEqualTo(approvals.find(id).orElseThrow().subjectId());
        assertThat(decided.requesterId()).isEqualTo(userId("sales1"));
        assertThat(decided.decidedBy()).isEqualTo(userId("gm"));
        act("gm", id, "approve", null).andExpect(status().isConflict());

        // each step's approvers were told in turn, the requester at the end
        assertThat(notices(id, "approval.pending")).extracting(Notice::recipientIds)
                .containsExactly(Set.of(userId("vp")), Set.of(userId("gm")));
        List<Notice> told = notices(id, "approval.decided");
        assertThat(told).hasSize(1);
        assertThat(told.get(0).recipientIds()).containsExactly(userId("sales1"));
        assertThat(told.get(0).messageKey()).isEqualTo("approval.notice.approved");
        assertThat(told.get(0).args()).containsExactly(Long.toString(id), "王建国", "");

        assertThat(auditCount("APPROVAL_SUBMITTED", id, "sales1")).isOne();
        assertThat(auditCount("APPROVAL_APPROVED", id, "vp")).isOne();
        assertThat(auditCount("APPROVAL_APPROVED", id, "gm")).isOne();
    }

    @Test
    void theReportingLineOfSales1UpToTheBusinessManagerIsDirector1ThenBizmgr() throws Exception {
        long id = submit("sales1", new Route.ReportingLine(Role.BUSINESS_MANAGER));
        ApprovalView view = approvals.find(id).orElseThrow();
        assertThat(view.steps()).extracting(s -> s.approvers().get(0).name()).containsExactly("陈明", "张伟");
        assertThat(view.steps()).extracting(ApprovalView.Step::role).containsOnlyNulls();
        assertThat(view.awaits(userId("director1"))).isTrue();
        assertThat(view.awaits(userId("bizmgr"))).isFalse();

        // another office's director is no approver of it: absent for them
        read("director2", id).andExpect(status().isNotFound());
        act("director2", id, "approve", null).andExpect(status().isNotFound());
        act("bizmgr", id, "approve", null).andExpect(status().isForbidden());

        act("director1", id, "approve", "情况属实").andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value(2));
        act("bizmgr", id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(decidedOnce(id).decidedBy()).isEqualTo(userId("bizmgr"));

        // sales4 reports to bizmgr directly: one step
        long direct = submit("sales4", new Route.ReportingLine(Role.BUSINESS_MANAGER));
        assertThat(approvals.find(direct).orElseThrow().steps()).extracting(s -> s.approvers().get(0).name()).containsExactly("张伟");
    }

    @Test
    void aRouteWithoutAnApproverIsRefusedAndNothingIsStored() {
        long before = jdbc.sql("SELECT COUNT(*) FROM approval").query(Long.class).single();
        // nobody holds MARKETING in the demo company
        assertThatThrownBy(() -> submit("sales1", Route.Roles.of(Role.VP, Role.MARKETING)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.messageKey()).isEqualTo("approval.route.noHolder");
                });
        // the only GM cannot approve his own request
        assertThatThrownBy(() -> submit("gm", Route.Roles.of(Role.GM)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.route.noHolder"));
        // nobody above the GM; no office director above sales4 (who reports to bizmgr)
        assertThatThrownBy(() -> submit("gm", new Route.ReportingLine(Role.VP)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.messageKey()).isEqualTo("approval.route.noSupervisor");
                });
        assertThatThrownBy(() -> submit("sales4", new Route.ReportingLine(Role.OFFICE_DIRECTOR)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.route.noSupervisor"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM approval").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void approvingOnesOwnRequestIsRefusedWithItsOwnMessage() throws Exception {
        // director1 asks the office directors: only director2 may decide
        long id = submit("director1", Route.Roles.of(Role.OFFICE_DIRECTOR));
        assertThat(ids("director1", "pending", 200)).doesNotContain(id);
        assertThat(ids("director2", "pending", 200)).contains(id);
        assertThat(approvals.find(id).orElseThrow().steps().get(0).approvers()).extracting(ApprovalView.Person::name)
                .containsExactly("赵磊");

        act("director1", id, "approve", "我同意").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("不能审批自己提交的申请。"));
        act("director1", id, "reject", "不行").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("不能审批自己提交的申请。"));
        assertThatThrownBy(() -> approvals.approve(id, userId("director1"), null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("approval.ownRequest");
                });
        read("director1", id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(post("/api/v1/approvals/" + id + "/approve").header("Authorization", bearer(tokenOf("director1")))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value("You cannot approve or reject your own request."));
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheRequest() throws Exception {
        long id = submit("sales2", new Route.ReportingLine(Role.BUSINESS_MANAGER));
        act("director1", id, "reject", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.detail").value("驳回时必须填写理由。"));
        act("director1", id, "reject", "   ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        act("director1", id, "reject", "x".repeat(1001)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        read("sales2", id).andExpect(jsonPath("$.status").value("PENDING"));

        act("director1", id, "reject", "金额与合同不符").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.steps[0].state").value("REJECTED"))
                .andExpect(jsonPath("$.steps[0].comment").value("金额与合同不符"))
                .andExpect(jsonPath("$.steps[1].state").value("SKIPPED"));
        ApprovalDecided decided = decidedOnce(id);
        assertThat(decided.outcome()).isEqualTo(ApprovalOutcome.REJECTED);
        assertThat(decided.comment()).isEqualTo("金额与合同不符");
        assertThat(decided.decidedBy()).isEqualTo(userId("director1"));
        // later steps are never asked; a closed request takes no more acts
        assertThat(ids("bizmgr", "pending", 200)).doesNotContain(id);
        act("bizmgr", id, "approve", null).andExpect(status().isConflict());
        act("sales2", id, "withdraw", null).andExpect(status().isConflict());

        List<Notice> told = notices(id, "approval.decided");
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.recipientIds()).containsExactly(userId("sales2"));
            assertThat(n.messageKey()).isEqualTo("approval.notice.rejected");
            assertThat(n.args()).containsExactly(Long.toString(id), "陈明", "金额与合同不符");
        });
        assertThat(auditCount("APPROVAL_REJECTED", id, "director1")).isOne();
        assertThat(ids("director1", "decided", 200)).contains(id);
    }

    @Test
    void theRequesterWithdrawsWhileOpenAndTheSubjectMayBeSubmittedAgain() throws Exception {
        long subject = SUBJECTS.incrementAndGet();
        long id = approvals.submit(request("sales3", subject, new Route.ReportingLine(Role.BUSINESS_MANAGER)));
        // one open request per subject
        assertThatThrownBy(() -> approvals.submit(request("sales3", subject, Route.Roles.of(Role.GM))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("approval.alreadyOpen");
                });
        assertThat(approvals.open("TEST", subject)).map(ApprovalView::id).contains(id);

        // only the requester withdraws
        act("director2", id, "withdraw", null).andExpect(status().isForbidden());
        act("sales3", id, "withdraw", "材料有误，重新提交").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawComment").value("材料有误，重新提交"))
                .andExpect(jsonPath("$.steps[0].state").value("SKIPPED"));
        ApprovalDecided decided = decidedOnce(id);
        assertThat(decided.outcome()).isEqualTo(ApprovalOutcome.WITHDRAWN);
        assertThat(decided.decidedBy()).isEqualTo(userId("sales3"));
        assertThat(notices(id, "approval.decided")).singleElement().satisfies(n -> {
            assertThat(n.recipientIds()).containsExactly(userId("director2"));
            assertThat(n.messageKey()).isEqualTo("approval.notice.withdrawn");
        });
        assertThat(auditCount("APPROVAL_WITHDRAWN", id, "sales3")).isOne();

        act("director2", id, "approve", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该申请已结束（已撤回），不能再操作。"));
        act("sales3", id, "withdraw", null).andExpect(status().isConflict());
        assertThat(approvals.open("TEST", subject)).isEmpty();

        long again = approvals.submit(request("sales3", subject, Route.Roles.of(Role.GM)));
        assertThat(approvals.open("TEST", subject)).map(ApprovalView::id).contains(again);
        List<ApprovalView> history = approvals.history("TEST", subject);
        assertThat(history).extracting(ApprovalView::id).containsExactly(again, id);
        assertThat(history).extracting(ApprovalView::status).containsExactly(ApprovalStatus.PENDING, ApprovalStatus.WITHDRAWN);
        assertThat(history.get(0).steps()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo(Role.GM);
            assertThat(s.state()).isEqualTo(StepState.PENDING);
            assertThat(s.approvers()).extracting(ApprovalView.Person::name).containsExactly("王建国");
        });
    }

    @Test
    void someoneWhoIsNeitherRequesterNorApproverFindsNothing() throws Exception {
        long id = submit("sales1", Route.Roles.of(Role.GM));
        for (String outsider : List.of("sales3", "finance", "director2")) {
            read(outsider, id).andExpect(status().isNotFound());
            act(outsider, id, "approve", null).andExpect(status().isNotFound());
            act(outsider, id, "reject", "no").andExpect(status().isNotFound());
            act(outsider, id, "withdraw", null).andExpect(status().isNotFound());
            assertThat(ids(outsider, "pending", 200)).doesNotContain(id);
            mvc.perform(get("/approvals/" + id).with(login(outsider))).andExpect(status().isNotFound());
        }
        read("sales1", id).andExpect(status().isOk());
        read("gm", id).andExpect(status().isOk());
        read("sales1", 987_654_321L).andExpect(status().isNotFound());
    }

    @Test
    void twoApproversDecidingTheSameStepAtOnceEndWithOneWinner() throws Exception {
        long director1 = userId("director1");
        long director2 = userId("director2");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = submit("sales1", Route.Roles.of(Role.OFFICE_DIRECTOR));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> results = new ArrayList<>();
                for (long approver : List.of(director1, director2)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            if (approver == director1) {
                                approvals.approve(id, approver, "同意");
                            } else {
                                approvals.reject(id, approver, "不同意");
                            }
                            return "won";
                        } catch (DomainException e) {
                            return e.kind().name();
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsExactlyInAnyOrder("won", "CONFLICT");
                ApprovalDecided decided = decidedOnce(id);
                ApprovalView view = approvals.find(id).orElseThrow();
                assertThat(view.steps()).singleElement().satisfies(s -> assertThat(s.decidedBy().id()).isEqualTo(decided.decidedBy()));
                assertThat(decided.outcome()).isEqualTo(decided.decidedBy() == director1 ? ApprovalOutcome.APPROVED : ApprovalOutcome.REJECTED);
                chainAudit();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'APPROVAL' AND subject_id = ? AND action <> 'APPROVAL_SUBMITTED'")
                        .param(Long.toString(id)).query(Long.class).single()).isOne();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theInboxListsWhatWaitsForMeWhatIRequestedAndWhatIDecided() throws Exception {
        // sales5 reports to bizmgr: three requests for bizmgr
        long first = submit("sales5", new Route.ReportingLine(Role.BUSINESS_MANAGER));
        long second = submit("sales5", new Route.ReportingLine(Role.BUSINESS_MANAGER));
        long third = submit("sales5", new Route.ReportingLine(Role.BUSINESS_MANAGER));

        String sales5 = bearer(tokenOf("sales5"));
        String page1 = mvc.perform(get("/api/v1/approvals").param("mine", "requested").param("size", "2").header("Authorization", sales5))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(third))
                .andExpect(jsonPath("$.items[1].id").value(second))
                .andExpect(jsonPath("$.items[0].title").value("审批申请 #T-" + approvals.find(third).orElseThrow().subjectId()))
                .andExpect(jsonPath("$.items[0].requesterName").value("黄敏"))
                .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String cursor = (String) json.readValue(page1, Map.class).get("nextCursor");
        mvc.perform(get("/api/v1/approvals").param("mine", "requested").param("size", "2").param("cursor", cursor)
                        .header("Authorization", sales5))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        assertThat(ids("sales5", "pending", 200)).doesNotContain(first, second, third);

        assertThat(ids("bizmgr", "pending", 200)).contains(first, second, third);
        // the default list is what waits for me
        mvc.perform(get("/api/v1/approvals").header("Authorization", bearer(tokenOf("bizmgr"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(third));
        act("bizmgr", second, "approve", "可以").andExpect(status().isOk());
        assertThat(ids("bizmgr", "pending", 200)).contains(first, third).doesNotContain(second);
        assertThat(ids("bizmgr", "decided", 200)).contains(second).doesNotContain(first, third);
        assertThat(ids("sales5", "requested", 200)).contains(first, second, third);

        mvc.perform(get("/api/v1/approvals").param("mine", "everything").header("Authorization", sales5))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mine"));
        mvc.perform(get("/api/v1/approvals").param("cursor", "%%%").header("Authorization", sales5))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/approvals")).andExpect(status().isUnauthorized());

        // the top bar counts what waits for me
        int waiting = ids("bizmgr", "pending", 200).size();
        String home = mvc.perform(get("/").with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"zd-approvals\"", "id=\"zd-approvals-count\"");
        assertThat(home).containsPattern("id=\"zd-approvals-count\"[^>]*>" + (waiting > 99 ? "99\\+" : String.valueOf(waiting)) + "<");
        String none = mvc.perform(get("/").with(login("sales5"))).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("id=\"zd-approvals\"").doesNotContain("zd-approvals-count");
    }

    @Test
    void theScreensListDecideAndKeepWhatWasTyped() throws Exception {
        long id = submit("sales3", new Route.ReportingLine(Role.OFFICE_DIRECTOR));
        var director2 = login("director2");
        var sales3 = login("sales3");

        String inbox = mvc.perform(get("/approvals").with(director2)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("href=\"/approvals/" + id + "\"", "吴婷");
        mvc.perform(get("/approvals").param("tab", "requested").with(sales3)).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("href=\"/approvals/" + id + "\""));

        String page = mvc.perform(get("/approvals/" + id).with(director2)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"approve-form\"", "id=\"reject-form\"", "赵磊").doesNotContain("id=\"withdraw-form\"");
        String own = mvc.perform(get("/approvals/" + id).with(sales3)).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("id=\"withdraw-form\"").doesNotContain("id=\"approve-form\"");

        // a rejection without a reason: the error on the field, nothing decided
        String noReason = mvc.perform(post("/approvals/" + id + "/reject").with(director2).with(csrf()).param("comment", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("驳回时必须填写理由。", "is-invalid");
        String tooLong = "理由".repeat(501);
        String kept = mvc.perform(post("/approvals/" + id + "/reject").with(director2).with(csrf()).param("comment", tooLong))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(kept).contains("意见不能超过 1000 个字。", tooLong);
        read("director2", id).andExpect(jsonPath("$.status").value("PENDING"));

        // the requester cannot approve on the screen either
        String refused = mvc.perform(post("/approvals/" + id + "/approve").with(sales3).with(csrf()).param("comment", "好"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不能审批自己提交的申请。");

        mvc.perform(post("/approvals/" + id + "/approve").with(director2).with(csrf()).param("comment", "同意"))
                .andExpect(redirectedUrl("/approvals/" + id));
        String done = mvc.perform(get("/approvals/" + id).with(director2)).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("已通过", "同意").doesNotContain("id=\"approve-form\"");
        mvc.perform(post("/approvals/" + id + "/approve").with(director2).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("该申请已结束（已通过）"));
        mvc.perform(get("/approvals").param("tab", "nonsense").with(director2)).andExpect(status().isBadRequest());
    }
}
