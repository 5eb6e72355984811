package io.zhidu.crm.approval;

import io.zhidu.crm.approval.ApprovalView.Person;
import io.zhidu.crm.approval.ApprovalView.Step;
import io.zhidu.crm.approval.ApprovalView.StepState;
import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.organization.ReportingLine;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval engine's face for other modules: submit a request, read the open one and the
 * history of a subject, and the acts on a request (approve, reject, withdraw).
 *
 * <p>Every method joins the caller's transaction. Every act is audited; the end of a request is
 * published once as {@link ApprovalDecided} in the deciding transaction; the approvers of each
 * step reached and the requester at the end are told by a {@link Notice}.
 */
@Service
public class Approvals {

    /** Notice topic: a request waits for you. */
    public static final String TOPIC_PENDING = "approval.pending";
    /** Notice topic: your request ended (or one you were to decide was withdrawn). */
    public static final String TOPIC_DECIDED = "approval.decided";

    private final ApprovalRecords records;
    private final Staff staff;
    private final StaffDirectory directory;
    private final ReportingLine reportingLine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Approvals(ApprovalRecords records, Staff staff, StaffDirectory directory, ReportingLine reportingLine,
              ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.staff = staff;
        this.directory = directory;
        this.reportingLine = reportingLine;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits a request and returns its id. The steps are resolved now and stored: a role nobody
     * but the requester holds, or a reporting line without a holder of {@code upTo}, is refused
     * (INVALID); a second open request for the same subject is refused (CONFLICT). The first
     * step's approvers are told.
     */
    @Transactional
    public long submit(ApprovalRequest request) {
        StaffAccount requester = staff.byId(request.requesterId()).filter(StaffAccount::active)
                .orElseThrow(() -> DomainException.invalid(null, "approval.requester.unknown"));
        if (records.existsByOpenSubject(Approval.openSubject(request.subjectType(), request.subjectId()))) {
            throw DomainException.conflict("approval.alreadyOpen");
        }
        List<ApprovalStep.Approver> approvers = resolve(request.route(), requester);
        Approval approval = Approval.submit(request, requester.fullName(), approvers, clock.instant());
        try {
            records.saveAndFlush(approval);
        } catch (DataIntegrityViolationException raced) {
            throw DomainException.conflict("approval.alreadyOpen");
        }
        events.publishEvent(new ApprovalAudited(requester.username(), "APPROVAL_SUBMITTED", approval.getId(),
                request.subjectType() + " " + request.subjectId() + "; " + describeSteps(approval)));
        tellCurrentApprovers(approval, requester.id());
        return approval.getId();
    }

    /** The subject's open request, if any. */
    @Transactional(readOnly = true)
    public Optional<ApprovalView> open(String subjectType, long subjectId) {
        return records.findByOpenSubject(Approval.openSubject(subjectType, subjectId)).map(a -> view(a, new Holders()));
    }

    /** Every request about the subject (the latest 50), newest first, each with all its steps. */
    @Transactional(readOnly = true)
    public List<ApprovalView> history(String subjectType, long subjectId) {
        Holders holders = new Holders();
        return records.findTop50BySubjectTypeAndSubjectIdOrderByIdDesc(subjectType, subjectId).stream()
                .map(a -> view(a, holders)).toList();
    }

    /**
     * The current step's approver approves, with an optional comment: the next step's approvers
     * are told, or the request ends APPROVED. FORBIDDEN for one's own request (its own message) and
     * for anyone not an approver of the current step; CONFLICT on a closed request or a step that
     * someone else decided first.
     */
    @Transactional
    public void approve(long approvalId, long actorId, String comment) {
        StaffAccount actor = actor(actorId);
        String text = comment(comment);
        Approval approval = records.lockById(approvalId).orElseThrow(DomainException::notFound);
        Optional<ApprovalOutcome> end = approval.approve(actor.id(), actor.fullName(), actor.roles(), text, clock.instant());
        flush();
        int step = approval.lastDecided().map(ApprovalStep::getStepNo).orElse(0);
        events.publishEvent(new ApprovalAudited(actor.username(), "APPROVAL_APPROVED", approvalId,
                "step " + step + (text == null ? "" : ": " + text)));
        if (end.isPresent()) {
            decided(approval, end.get(), actor, text);
        } else {
            tellCurrentApprovers(approval, actor.id());
        }
    }

    /** The current step's approver rejects; the comment (the reason) is required. The request ends REJECTED. */
    @Transactional
    public void reject(long approvalId, long actorId, String comment) {
        StaffAccount actor = actor(actorId);
        String text = comment(comment);
        Approval approval = records.lockById(approvalId).orElseThrow(DomainException::notFound);
        approval.reject(actor.id(), actor.fullName(), actor.roles(), text, clock.instant());
        flush();
        int step = approval.lastDecided().map(ApprovalStep::getStepNo).orElse(0);
        events.publishEvent(new ApprovalAudited(actor.username(), "APPROVAL_REJECTED", approvalId, "step " + step + ": " + text));
        decided(approval, ApprovalOutcome.REJECTED, actor, text);
    }

    /** The requester withdraws the open request (FORBIDDEN for anyone else, CONFLICT once closed). */
    @Transactional
    public void withdraw(long approvalId, long actorId) {
        withdraw(approvalId, actorId, null);
    }

    /** {@link #withdraw(long, long)} with an optional comment. */
    @Transactional
    public void withdraw(long approvalId, long actorId, String comment) {
        StaffAccount actor = actor(actorId);
        String text = comment(comment);
        Approval approval = records.lockById(approvalId).orElseThrow(DomainException::notFound);
        Set<Long> waiting = approval.current().map(s -> approvers(s, approval.getRequesterId(), new Holders()))
                .orElse(List.of()).stream().map(Person::id).collect(Collectors.toSet());
        approval.withdraw(actor.id(), text, clock.instant());
        flush();
        events.publishEvent(new ApprovalAudited(actor.username(), "APPROVAL_WITHDRAWN", approvalId, text));
        events.publishEvent(new ApprovalDecided(approvalId, approval.getSubjectType(), approval.getSubjectId(),
                ApprovalOutcome.WITHDRAWN, approval.getRequesterId(), actor.id(), text));
        if (!waiting.isEmpty()) {
            events.publishEvent(new Notice(waiting, TOPIC_DECIDED, "approval.notice.withdrawn",
                    List.of(approval.getRequesterName(), approval.getId().toString()), link(approval)));
        }
    }

    /** The request, whoever asks (the web layer checks who may see it first). */
    @Transactional(readOnly = true)
    Optional<ApprovalView> find(long approvalId) {
        return records.findById(approvalId).map(a -> view(a, new Holders()));
    }

    private void decided(Approval approval, ApprovalOutcome outcome, StaffAccount actor, String comment) {
        events.publishEvent(new ApprovalDecided(approval.getId(), approval.getSubjectType(), approval.getSubjectId(),
                outcome, approval.getRequesterId(), actor.id(), comment));
        String key = switch (outcome) {
            case APPROVED -> "approval.notice.approved";
            case REJECTED -> "approval.notice.rejected";
            case WITHDRAWN -> throw new IllegalStateException("a withdrawal is not a decision");
        };
        events.publishEvent(new Notice(Set.of(approval.getRequesterId()), TOPIC_DECIDED, key,
                List.of(approval.getId().toString(), actor.fullName(), comment == null ? "" : comment), link(approval)));
    }

    private void tellCurrentApprovers(Approval approval, long actorId) {
        Set<Long> recipients = approval.current().map(s -> approvers(s, approval.getRequesterId(), new Holders()))
                .orElse(List.of()).stream().map(Person::id).filter(id -> id != actorId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!recipients.isEmpty()) {
            events.publishEvent(new Notice(recipients, TOPIC_PENDING, "approval.notice.pending",
                    List.of(approval.getRequesterName(), approval.getId().toString()), link(approval)));
        }
    }

    private static String link(Approval approval) {
        return "/approvals/" + approval.getId();
    }

    private StaffAccount actor(long actorId) {
        return staff.byId(actorId).filter(StaffAccount::active)
                .orElseThrow(() -> new DomainException(DomainException.Kind.FORBIDDEN, "approval.notYourStep", null));
    }

    /** Trimmed, null when blank; longer than {@link Approval#MAX_COMMENT} is refused. */
    static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip();
        if (text.length() > Approval.MAX_COMMENT) {
            throw DomainException.invalid("comment", "approval.comment.tooLong");
        }
        return text;
    }

    private void flush() {
        try {
            records.flush();
        } catch (ConcurrencyFailureException raced) {
            throw DomainException.conflict("approval.alreadyDecided");
        }
    }

    private List<ApprovalStep.Approver> resolve(Route route, StaffAccount requester) {
        List<ApprovalStep.Approver> steps = new ArrayList<>();
        if (route instanceof Route.Roles roles) {
            for (Role role : roles.steps()) {
                if (holders(role).stream().noneMatch(p -> p.id() != requester.id())) {
                    throw DomainException.invalid(null, "approval.route.noHolder",
                            new DefaultMessageSourceResolvable(role.labelKey()));
                }
                steps.add(ApprovalStep.Approver.anyHolderOf(role));
            }
            return steps;
        }
        Route.ReportingLine line = (Route.ReportingLine) route;
        for (ReportingLine.Link link : reportingLine.chainUp(requester.id())) {
            Optional<StaffAccount> supervisor = staff.byId(link.id()).filter(StaffAccount::active);
            if (supervisor.isEmpty()) {
                continue; // has left: the line passes over them
            }
            steps.add(ApprovalStep.Approver.person(supervisor.get().id(), supervisor.get().fullName()));
            if (supervisor.get().holds(line.upTo())) {
                return steps;
            }
        }
        throw DomainException.invalid(null, "approval.route.noSupervisor",
                new DefaultMessageSourceResolvable(line.upTo().labelKey()));
    }

    /** The active holders of a role, by id. */
    private List<Person> holders(Role role) {
        return directory.page(DataScope.everything(0), new StaffDirectory.Filter(null, null, null, role, true),
                        StaffDirectory.Sort.DEFAULT, null, StaffDirectory.MAX_PAGE)
                .rows().stream().map(r -> new Person(r.id(), r.fullName())).toList();
    }

    /** Who may decide a step: the one supervisor, or the role's active holders but the requester. */
    private List<Person> approvers(ApprovalStep step, long requesterId, Holders holders) {
        if (step.getApproverRole() == null) {
            return List.of(new Person(step.getApproverId(), step.getApproverName()));
        }
        return holders.of(step.getApproverRole()).stream().filter(p -> p.id() != requesterId).toList();
    }

    private static String describeSteps(Approval approval) {
        return approval.getSteps().stream()
                .map(s -> s.getStepNo() + " " + (s.getApproverRole() != null ? s.getApproverRole().name() : s.getApproverName()))
                .collect(Collectors.joining(", "));
    }

    ApprovalView view(Approval a, Holders holders) {
        List<Step> steps = new ArrayList<>();
        for (ApprovalStep s : a.getSteps()) {
            StepState state;
            if (s.getDecision() != null) {
                state = s.getDecision() == ApprovalStep.Decision.APPROVED ? StepState.APPROVED : StepState.REJECTED;
            } else if (a.getStatus() != ApprovalStatus.PENDING) {
                state = StepState.SKIPPED;
            } else {
                state = a.getCurrentStep() != null && s.getStepNo() == a.getCurrentStep() ? StepState.PENDING : StepState.WAITING;
            }
            List<Person> approvers = s.getApproverRole() == null || state == StepState.PENDING || state == StepState.WAITING
                    ? approvers(s, a.getRequesterId(), holders) : List.of();
            Person decidedBy = s.getDecidedBy() == null ? null : new Person(s.getDecidedBy(), s.getDeciderName());
            steps.add(new Step(s.getStepNo(), s.getApproverRole(), approvers, state, decidedBy, s.getDecidedAt(), s.getComment()));
        }
        return new ApprovalView(a.getId(), a.getSubjectType(), a.getSubjectId(), a.getTitleKey(), a.getTitleArgs(), a.getLink(),
                a.getStatus(), new Person(a.getRequesterId(), a.getRequesterName()), a.getSubmittedAt(), a.getClosedAt(),
                a.getWithdrawComment(), a.getCurrentStep(), steps);
    }

    /** The holders of each role, looked up once per view or list of views. */
    final class Holders {
        private final Map<Role, List<Person>> byRole = new EnumMap<>(Role.class);

        List<Person> of(Role role) {
            return byRole.computeIfAbsent(role, Approvals.this::holders);
        }
    }
}
