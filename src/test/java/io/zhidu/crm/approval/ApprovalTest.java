package io.zhidu.crm.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request's own rules, without a database: order of steps, who may act, closed is closed. */
class ApprovalTest {

    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final long REQUESTER = 1;
    static final long VP = 2;
    static final long GM = 3;
    static final long DIRECTOR = 4;

    static Approval vpThenGm() {
        ApprovalRequest request = new ApprovalRequest("TEST", 9, "approval.detail.title", List.of("x"), "/customers/9",
                Route.Roles.of(Role.VP, Role.GM), REQUESTER);
        return Approval.submit(request, "孙丽", List.of(ApprovalStep.Approver.anyHolderOf(Role.VP),
                ApprovalStep.Approver.anyHolderOf(Role.GM)), NOW);
    }

    static void refused(Runnable act, DomainException.Kind kind, String key) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    @Test
    void stepsAreDecidedInOrderAndTheLastApprovalEndsTheRequest() {
        Approval a = vpThenGm();
        assertThat(a.getCurrentStep()).isEqualTo(1);
        refused(() -> a.approve(GM, "王建国", Set.of(Role.GM), null, NOW), DomainException.Kind.FORBIDDEN, "approval.notYourStep");

        assertThat(a.approve(VP, "李振华", Set.of(Role.VP), "同意", NOW)).isEmpty();
        assertThat(a.getCurrentStep()).isEqualTo(2);
        assertThat(a.getStatus()).isEqualTo(ApprovalStatus.PENDING);
        // the VP's step is decided: acting again is a conflict, not a lack of right
        refused(() -> a.approve(VP, "李振华", Set.of(Role.VP), null, NOW), DomainException.Kind.CONFLICT, "approval.alreadyDecided");

        assertThat(a.approve(GM, "王建国", Set.of(Role.GM), null, NOW.plusSeconds(60))).contains(ApprovalOutcome.APPROVED);
        assertThat(a.getStatus()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(a.getCurrentStep()).isNull();
        assertThat(a.getClosedAt()).isEqualTo(NOW.plusSeconds(60));
        refused(() -> a.approve(GM, "王建国", Set.of(Role.GM), null, NOW), DomainException.Kind.CONFLICT, "approval.closed");
        refused(() -> a.withdraw(REQUESTER, null, NOW), DomainException.Kind.CONFLICT, "approval.closed");
    }

    @Test
    void theRequesterNeverDecidesEvenHoldingTheRole() {
        Approval a = vpThenGm();
        refused(() -> a.approve(REQUESTER, "孙丽", Set.of(Role.VP), null, NOW), DomainException.Kind.FORBIDDEN, "approval.ownRequest");
        refused(() -> a.reject(REQUESTER, "孙丽", Set.of(Role.VP), "x", NOW), DomainException.Kind.FORBIDDEN, "approval.ownRequest");
        assertThat(a.getStatus()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aRejectionNeedsAReasonOnlyFromTheRightPerson() {
        Approval a = vpThenGm();
        // who may act is checked before what they typed
        refused(() -> a.reject(DIRECTOR, "陈明", Set.of(Role.OFFICE_DIRECTOR), null, NOW), DomainException.Kind.FORBIDDEN, "approval.notYourStep");
        refused(() -> a.reject(VP, "李振华", Set.of(Role.VP), null, NOW), DomainException.Kind.INVALID, "approval.comment.required");
        a.reject(VP, "李振华", Set.of(Role.VP), "不符合制度", NOW);
        assertThat(a.getStatus()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(a.lastDecided()).hasValueSatisfying(s -> {
            assertThat(s.getStepNo()).isEqualTo(1);
            assertThat(s.getComment()).isEqualTo("不符合制度");
            assertThat(s.getDeciderName()).isEqualTo("李振华");
        });
    }

    @Test
    void onlyTheRequesterWithdrawsAndTheSubjectIsFreedForANewRequest() {
        Approval a = vpThenGm();
        refused(() -> a.withdraw(VP, null, NOW), DomainException.Kind.FORBIDDEN, "approval.withdraw.notRequester");
        a.withdraw(REQUESTER, "重新提交", NOW);
        assertThat(a.getStatus()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThat(a.getWithdrawComment()).isEqualTo("重新提交");
        assertThat(a.current()).isEmpty();
    }

    @Test
    void aReportingLineStepIsDecidedByItsOnePerson() {
        ApprovalRequest request = new ApprovalRequest("TEST", 10, "approval.detail.title", List.of(), null,
                new Route.ReportingLine(Role.OFFICE_DIRECTOR), REQUESTER);
        Approval a = Approval.submit(request, "孙丽", List.of(ApprovalStep.Approver.person(DIRECTOR, "陈明")), NOW);
        // another holder of the same role is not that person
        refused(() -> a.approve(5, "赵磊", Set.of(Role.OFFICE_DIRECTOR), null, NOW), DomainException.Kind.FORBIDDEN, "approval.notYourStep");
        assertThat(a.approve(DIRECTOR, "陈明", Set.of(Role.OFFICE_DIRECTOR), null, NOW)).contains(ApprovalOutcome.APPROVED);
    }

    @Test
    void requestsAreCheckedWhenMade() {
        assertThatThrownBy(() -> new ApprovalRequest("policy version", 1, "k", List.of(), null, Route.Roles.of(Role.GM), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalRequest("POLICY", 1, "k", List.of(), "https://evil.example", Route.Roles.of(Role.GM), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route.Roles(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Approvals.comment("  ")).isNull();
        assertThat(Approvals.comment(" 好 ")).isEqualTo("好");
        refused(() -> Approvals.comment("长".repeat(1001)), DomainException.Kind.INVALID, "approval.comment.tooLong");
    }
}
