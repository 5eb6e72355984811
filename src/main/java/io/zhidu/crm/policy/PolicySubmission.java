package io.zhidu.crm.policy;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.ApprovalView;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.time.BusinessClock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A draft goes to the approvers the policy in force names (governance section, seed 6.1.2-3),
 * step by step in the order VP, GM. Approval puts it in force from its date; a rejection or a
 * withdrawal makes it a draft again.
 */
@Service
public class PolicySubmission {

    static final String SUBJECT = "POLICY_VERSION";

    private final PolicyVersions versions;
    private final Policies policies;
    private final Approvals approvals;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    PolicySubmission(PolicyVersions versions, Policies policies, Approvals approvals, BusinessClock clock,
                     ApplicationEventPublisher events) {
        this.versions = versions;
        this.policies = policies;
        this.approvals = approvals;
        this.clock = clock;
        this.events = events;
    }

    /** Freezes the draft and opens its approval request; returns the request's id. */
    @Transactional
    public long submit(long id, long userId) {
        PolicyVersion v = versions.findById(id).orElseThrow(DomainException::notFound);
        v.submit(clock.instant());
        List<Role> steps = policies.current().choices(PolicyGovernance.SECTION, PolicyGovernance.APPROVERS).stream()
                .map(Role::valueOf).toList();
        if (steps.isEmpty()) {
            throw DomainException.conflict("policy.error.noApprovers");
        }
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, id, "policy.approval.title",
                List.of(v.getLabel(), v.getEffectiveFrom().toString()), "/policy/versions/" + id, new Route.Roles(steps), userId));
        events.publishEvent(new PolicyChanged(CurrentActor.username(), "POLICY_SUBMITTED", id, v.getLabel()));
        return approvalId;
    }

    /** Every approval request of a version, newest first, for its page. */
    List<ApprovalView> history(long id) {
        return approvals.history(SUBJECT, id);
    }

    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        versions.findById(decided.subjectId()).filter(v -> v.getStatus() == PolicyVersion.Status.IN_APPROVAL).ifPresent(v -> {
            if (decided.outcome() == ApprovalOutcome.APPROVED) {
                v.approve(clock.today(), clock.instant());
                events.publishEvent(new PolicyChanged(CurrentActor.SYSTEM, "POLICY_APPROVED", v.getId(),
                        v.getLabel() + " from " + v.getEffectiveFrom()));
            } else {
                v.returnToDraft();
                events.publishEvent(new PolicyChanged(CurrentActor.SYSTEM, "POLICY_RETURNED", v.getId(),
                        decided.outcome() + (decided.comment() == null ? "" : ": " + decided.comment())));
            }
        });
    }
}
