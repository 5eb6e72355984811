package io.zhidu.crm.approval;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An approval request and its steps (审批单). Open while PENDING, with one current step; each act
 * (approve, reject, withdraw) checks who acts and closes or advances the request. The version
 * makes two approvers deciding the same step at once end with one winner.
 */
@Entity
class Approval {

    /** The kind of route the steps came from (for the record; the steps themselves are stored). */
    enum RouteKind { ROLES, REPORTING_LINE }

    static final int MAX_COMMENT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String subjectType;
    private long subjectId;
    /** {@code TYPE:id} while open, null once closed: a unique index allows one open request per subject. */
    private String openSubject;
    private String titleKey;
    @Convert(converter = TitleArgs.class)
    private List<String> titleArgs = new ArrayList<>();
    private String link;
    @Enumerated(EnumType.STRING)
    private RouteKind routeKind;
    @Enumerated(EnumType.STRING)
    private Role routeUpTo;
    private long requesterId;
    private String requesterName;
    @Enumerated(EnumType.STRING)
    private ApprovalStatus status;
    private Integer currentStep;
    private Instant submittedAt;
    private Instant closedAt;
    private String withdrawComment;
    @Version
    private long version;

    @OneToMany(mappedBy = "approval", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("stepNo")
    private List<ApprovalStep> steps = new ArrayList<>();

    protected Approval() {
    }

    static Approval submit(ApprovalRequest request, String requesterName, List<ApprovalStep.Approver> approvers,
                           Instant now) {
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("no steps");
        }
        Approval a = new Approval();
        a.subjectType = request.subjectType();
        a.subjectId = request.subjectId();
        a.openSubject = openSubject(request.subjectType(), request.subjectId());
        a.titleKey = request.titleKey();
        a.titleArgs = new ArrayList<>(request.titleArgs());
        a.link = request.link();
        if (request.route() instanceof Route.ReportingLine line) {
            a.routeKind = RouteKind.REPORTING_LINE;
            a.routeUpTo = line.upTo();
        } else {
            a.routeKind = RouteKind.ROLES;
        }
        a.requesterId = request.requesterId();
        a.requesterName = requesterName;
        a.status = ApprovalStatus.PENDING;
        a.currentStep = 1;
        a.submittedAt = now;
        for (int i = 0; i < approvers.size(); i++) {
            a.steps.add(new ApprovalStep(a, i + 1, approvers.get(i)));
        }
        return a;
    }

    static String openSubject(String subjectType, long subjectId) {
        return subjectType + ":" + subjectId;
    }

    /**
     * The current step's approver approves: the request moves to the next step, or ends APPROVED
     * after the last one. Returns the outcome when the request ended.
     */
    Optional<ApprovalOutcome> approve(long staffId, String staffName, Set<Role> roles, String comment, Instant now) {
        ApprovalStep step = stepToDecide(staffId, roles);
        step.decide(ApprovalStep.Decision.APPROVED, staffId, staffName, comment, now);
        if (step.getStepNo() == steps.size()) {
            close(ApprovalStatus.APPROVED, now);
            return Optional.of(ApprovalOutcome.APPROVED);
        }
        currentStep = step.getStepNo() + 1;
        return Optional.empty();
    }

    /** The current step's approver rejects, giving a reason: the request ends, later steps are not asked. */
    void reject(long staffId, String staffName, Set<Role> roles, String comment, Instant now) {
        ApprovalStep step = stepToDecide(staffId, roles);
        if (comment == null) {
            throw DomainException.invalid("comment", "approval.comment.required");
        }
        step.decide(ApprovalStep.Decision.REJECTED, staffId, staffName, comment, now);
        close(ApprovalStatus.REJECTED, now);
    }

    /** The requester takes the request back while it is open. */
    void withdraw(long staffId, String comment, Instant now) {
        requireOpen();
        if (staffId != requesterId) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "approval.withdraw.notRequester", null);
        }
        withdrawComment = comment;
        close(ApprovalStatus.WITHDRAWN, now);
    }

    /**
     * The current step, when {@code staffId} may decide it. One's own request is refused with its
     * own message; a step someone else decided first is a conflict, not a lack of right.
     */
    private ApprovalStep stepToDecide(long staffId, Set<Role> roles) {
        requireOpen();
        if (staffId == requesterId) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "approval.ownRequest", null);
        }
        ApprovalStep step = current().orElseThrow();
        if (!step.decidableBy(staffId, roles)) {
            boolean hadItsTurn = steps.stream().anyMatch(s -> s.decided() && s.decidableBy(staffId, roles));
            if (hadItsTurn) {
                throw DomainException.conflict("approval.alreadyDecided");
            }
            throw new DomainException(DomainException.Kind.FORBIDDEN, "approval.notYourStep", null);
        }
        return step;
    }

    private void requireOpen() {
        if (status != ApprovalStatus.PENDING) {
            throw DomainException.conflict("approval.closed", new DefaultMessageSourceResolvable(status.labelKey()));
        }
    }

    private void close(ApprovalStatus outcome, Instant now) {
        status = outcome;
        closedAt = now;
        currentStep = null;
        openSubject = null;
    }

    Optional<ApprovalStep> current() {
        return currentStep == null ? Optional.empty()
                : steps.stream().filter(s -> s.getStepNo() == currentStep).findFirst();
    }

    /** The step that was decided last (the one that ended the request, once closed by a decision). */
    Optional<ApprovalStep> lastDecided() {
        return steps.stream().filter(ApprovalStep::decided).reduce((a, b) -> b);
    }

    Long getId() {
        return id;
    }

    String getSubjectType() {
        return subjectType;
    }

    long getSubjectId() {
        return subjectId;
    }

    String getTitleKey() {
        return titleKey;
    }

    List<String> getTitleArgs() {
        return List.copyOf(titleArgs);
    }

    String getLink() {
        return link;
    }

    RouteKind getRouteKind() {
        return routeKind;
    }

    Role getRouteUpTo() {
        return routeUpTo;
    }

    long getRequesterId() {
        return requesterId;
    }

    String getRequesterName() {
        return requesterName;
    }

    ApprovalStatus getStatus() {
        return status;
    }

    Integer getCurrentStep() {
        return currentStep;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    String getWithdrawComment() {
        return withdrawComment;
    }

    long getVersion() {
        return version;
    }

    List<ApprovalStep> getSteps() {
        return List.copyOf(steps);
    }
}
