package io.zhidu.crm.approval;

import io.zhidu.crm.organization.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Set;

/**
 * One step of a request, part of the {@link Approval} aggregate and changed only through it.
 * Decided either by any holder of {@code approverRole} or by the one person {@code approverId}.
 */
@Entity
class ApprovalStep {

    enum Decision { APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "approval_id")
    private Approval approval;
    private int stepNo;
    @Enumerated(EnumType.STRING)
    private Role approverRole;
    private Long approverId;
    private String approverName;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private Long decidedBy;
    private String deciderName;
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String comment;

    protected ApprovalStep() {
    }

    /** Who decides a step, as resolved at submission: a role, or one person. */
    record Approver(Role role, Long personId, String personName) {
        static Approver anyHolderOf(Role role) {
            return new Approver(role, null, null);
        }

        static Approver person(long id, String name) {
            return new Approver(null, id, name);
        }
    }

    ApprovalStep(Approval approval, int stepNo, Approver approver) {
        this.approval = approval;
        this.stepNo = stepNo;
        this.approverRole = approver.role();
        this.approverId = approver.personId();
        this.approverName = approver.personName();
    }

    /** May this member of staff (with these roles) decide the step? The requester is checked by the aggregate. */
    boolean decidableBy(long staffId, Set<Role> roles) {
        return approverRole != null ? roles.contains(approverRole) : approverId == staffId;
    }

    void decide(Decision decision, long staffId, String staffName, String comment, Instant now) {
        this.decision = decision;
        this.decidedBy = staffId;
        this.deciderName = staffName;
        this.comment = comment;
        this.decidedAt = now;
    }

    boolean decided() {
        return decision != null;
    }

    int getStepNo() {
        return stepNo;
    }

    Role getApproverRole() {
        return approverRole;
    }

    Long getApproverId() {
        return approverId;
    }

    String getApproverName() {
        return approverName;
    }

    Decision getDecision() {
        return decision;
    }

    Long getDecidedBy() {
        return decidedBy;
    }

    String getDeciderName() {
        return deciderName;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getComment() {
        return comment;
    }
}
