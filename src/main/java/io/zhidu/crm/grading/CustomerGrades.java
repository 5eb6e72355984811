package io.zhidu.crm.grading;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerManagement;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.notification.NoticeTopic;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One customer's grading: the explanation of the grade in force or a preview as of a date, the
 * strategic influence (6.1.1-3(4), rated by the business-dept manager or above), the ad-hoc grade
 * change (客户升降级) through the approval the policy names, and the putting into effect of an
 * approved proposal (shared with the year-end run): the customer's grade and category, the grade
 * history and the owner's notice. Every act first finds the customer inside the caller's scope
 * (404 otherwise).
 */
@Service
public class CustomerGrades {

    static final String SUBJECT = "GRADE_CHANGE";
    static final String TOPIC = "grade.changed";
    static final int MAX_REASON = 500;

    /**
     * What the card and the API show.
     *
     * @param result   the explanation: of the grade in force when {@code preview} is false, else computed now
     * @param proposal the approved proposal behind it, null for a preview
     */
    public record Card(long customerId, Grade grade, Category category, GradeResult result, boolean preview, Proposal proposal,
                       Integer influence, Proposal pending) {
    }

    private final CustomerSearch customers;
    private final CustomerManagement management;
    private final GradingRecords records;
    private final GradingInputsReader inputs;
    private final Policies policies;
    private final Approvals approvals;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    CustomerGrades(CustomerSearch customers, CustomerManagement management, GradingRecords records, GradingInputsReader inputs,
                   Policies policies, Approvals approvals, BusinessClock clock, ApplicationEventPublisher events) {
        this.customers = customers;
        this.management = management;
        this.records = records;
        this.inputs = inputs;
        this.policies = policies;
        this.approvals = approvals;
        this.clock = clock;
        this.events = events;
    }

    @Bean
    static NoticeTopic gradeChangedTopic() {
        return new NoticeTopic(TOPIC, "grading.topic.changed", true);
    }

    /** The policy in force. */
    GradingPolicy policy() {
        return GradingPolicy.of(policies.current());
    }

    /**
     * The card: with {@code asOf} a preview computed as of that date by the policy in force then;
     * without, the explanation of the grade in force (its approved proposal, rebuilt with the
     * policy version it applied), or a preview as of today when none was approved yet.
     */
    @Transactional(readOnly = true)
    public Card card(DataScope scope, long customerId, LocalDate asOf) {
        CustomerSearch.Row c = customer(scope, customerId);
        Integer influence = records.influence(customerId).orElse(null);
        Proposal pending = records.pendingChange(customerId).orElse(null);
        if (asOf == null) {
            Optional<Proposal> approved = records.latestApproved(customerId);
            if (approved.isPresent()) {
                Proposal p = approved.get();
                return new Card(customerId, c.grade(), c.category(), explain(p), false, p, influence, pending);
            }
        }
        LocalDate on = asOf == null ? clock.today() : asOf;
        if (on.isAfter(clock.today())) {
            throw DomainException.invalid("asOf", "grading.error.future");
        }
        GradingPolicy policy = GradingPolicy.of(policies.on(on));
        GradeResult r = GradingEngine.grade(policy, inputs.read(policy, customerId, on), on);
        return new Card(customerId, c.grade(), c.category(), r, true, null, influence, pending);
    }

    /** A proposal's explanation, rebuilt from its inputs with the policy version it applied. */
    GradeResult explain(Proposal p) {
        return GradingEngine.grade(GradingPolicy.of(policies.version(p.policyVersionId())), p.inputs(), p.asOf());
    }

    @Transactional(readOnly = true)
    public List<GradingRecords.InfluenceChange> influenceHistory(DataScope scope, long customerId) {
        customer(scope, customerId);
        return records.influenceHistory(customerId);
    }

    @Transactional(readOnly = true)
    public List<GradingRecords.HistoryEntry> history(DataScope scope, long customerId) {
        customer(scope, customerId);
        return records.history(customerId);
    }

    /** Rates the strategic influence 1–4 (6.1.1-3(4)); the caller holds {@code grading:rate}. */
    @Transactional
    public void rateInfluence(DataScope scope, long customerId, Integer points, String reason) {
        customer(scope, customerId);
        if (points == null || points < 1 || points > 4) {
            throw DomainException.invalid("points", "grading.error.points");
        }
        String why = reason(reason, false);
        Integer old = records.influence(customerId).orElse(null);
        records.rate(customerId, old, points, why, scope.userId(), clock.instant());
        events.publishEvent(GradingChanged.customer(CurrentActor.username(), "INFLUENCE_RATED", customerId,
                old + " → " + points + (why == null ? "" : ": " + why)));
    }

    /**
     * Proposes an ad-hoc grade change (客户升降级) with a reason, to the approver the policy names;
     * the explanation computed today goes with it. CONFLICT while another change is pending.
     */
    @Transactional
    public Proposal proposeChange(DataScope scope, long customerId, String grade, String category, String reason) {
        CustomerSearch.Row c = customer(scope, customerId);
        Grade g = parse(Grade.class, grade, "grade", "grading.error.grade");
        Category cat = category == null || category.isBlank() ? c.category()
                : parse(Category.class, category, "category", "grading.error.category");
        String why = reason(reason, true);
        if (g == c.grade() && cat == c.category()) {
            throw DomainException.invalid("grade", "grading.error.unchanged");
        }
        if (records.pendingChange(customerId).isPresent()) {
            throw DomainException.conflict("grading.error.pending");
        }
        GradingPolicy policy = policy();
        LocalDate today = clock.today();
        GradingInputs in = inputs.read(policy, customerId, today);
        GradeResult r = GradingEngine.grade(policy, in, today);
        GradingRecords.Graded graded = records.customer(customerId).orElseThrow(DomainException::notFound);
        long id = records.insertProposal(new GradingRecords.NewProposal(null, graded, today, policy.versionId(), in, r, g, cat,
                Proposal.Review.CHANGED, why, scope.userId(), clock.instant()));
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, id, "grading.approval.change",
                List.of(c.name(), c.grade() == null ? "—" : c.grade().name(), g.name(), why), "/customers/" + customerId,
                Route.Roles.of(policy.approver()), scope.userId()));
        records.proposalApproval(id, approvalId);
        events.publishEvent(GradingChanged.customer(CurrentActor.username(), "GRADE_CHANGE_PROPOSED", customerId,
                c.grade() + "/" + c.category() + " → " + g + "/" + cat + ": " + why + "; approval " + approvalId));
        return records.proposal(id).orElseThrow();
    }

    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        records.proposal(decided.subjectId()).filter(p -> p.status() == Proposal.Status.OPEN).ifPresent(p -> {
            if (decided.outcome() == ApprovalOutcome.APPROVED) {
                takeEffect(p, "ADHOC", decided.approvalId());
                events.publishEvent(GradingChanged.customer(CurrentActor.SYSTEM, "GRADE_CHANGE_APPROVED", p.customerId(),
                        "approval " + decided.approvalId()));
            } else {
                records.closeProposal(p.id(), Proposal.Status.REJECTED);
                events.publishEvent(GradingChanged.customer(CurrentActor.SYSTEM, "GRADE_CHANGE_REJECTED", p.customerId(),
                        "approval " + decided.approvalId() + (decided.comment() == null ? "" : ": " + decided.comment())));
            }
        });
    }

    /** Puts an approved proposal into effect: grade and category, history, and the owner told. */
    void takeEffect(Proposal p, String source, long approvalId) {
        boolean changed = p.finalGrade() != p.currentGrade() || p.finalCategory() != p.currentCategory();
        try {
            management.applyGrade(p.customerId(), p.finalGrade(), p.finalCategory(),
                    ("RUN".equals(source) ? "grading run " + p.runId() : "grade change " + p.id()) + ", approval " + approvalId);
        } catch (DomainException gone) {
            // moved to the recycle bin since the proposal: nothing takes effect
            records.closeProposal(p.id(), Proposal.Status.REJECTED);
            return;
        }
        records.closeProposal(p.id(), Proposal.Status.APPROVED);
        records.history(p, source, approvalId, clock.today());
        if (changed && p.ownerId() != null) {
            events.publishEvent(new Notice(Set.of(p.ownerId()), TOPIC, "grading.notice.changed",
                    List.of(p.customerName(), p.currentGrade() == null ? "—" : p.currentGrade().name(), p.finalGrade().name()),
                    "/customers/" + p.customerId()));
        }
    }

    /** An owner's customers whose grade or category a run changed: how many, and the first (named when it is the only one). */
    record OwnerChanges(Proposal first, int count) {

        OwnerChanges plus(OwnerChanges more) {
            return new OwnerChanges(first, count + more.count());
        }
    }

    /**
     * Puts a batch of a run's approved proposals into effect at once: the customers' grades and
     * categories in one batched update (customer module), the proposals closed and the grade
     * history written in one statement each. Proposals of customers moved to the recycle bin since
     * are closed as rejected. Returns, per owner, the changes of grade or category in the batch, for
     * the notices the caller sends once per owner when the whole run is in effect.
     */
    Map<Long, OwnerChanges> takeEffect(List<Proposal> batch, long runId, long approvalId) {
        Set<Long> applied = management.applyGrades(batch.stream()
                        .map(p -> new CustomerManagement.GradeAssignment(p.customerId(), p.finalGrade(), p.finalCategory())).toList(),
                "grading run " + runId + ", approval " + approvalId);
        List<Proposal> done = batch.stream().filter(p -> applied.contains(p.customerId())).toList();
        List<Long> gone = batch.stream().filter(p -> !applied.contains(p.customerId())).map(Proposal::id).toList();
        records.closeProposals(done.stream().map(Proposal::id).toList(), Proposal.Status.APPROVED);
        records.closeProposals(gone, Proposal.Status.REJECTED);
        records.history(done, "RUN", approvalId, clock.today());
        Map<Long, OwnerChanges> byOwner = new HashMap<>();
        for (Proposal p : done) {
            if (p.ownerId() != null && (p.finalGrade() != p.currentGrade() || p.finalCategory() != p.currentCategory())) {
                byOwner.merge(p.ownerId(), new OwnerChanges(p, 1), OwnerChanges::plus);
            }
        }
        return byOwner;
    }

    /**
     * Tells each owner once about their customers whose grade or category a run changed: the
     * customer by name when it is one, else how many, with a link to the grade migration.
     */
    void tellOwners(long runId, Map<Long, OwnerChanges> changedByOwner) {
        changedByOwner.forEach((owner, changed) -> {
            if (changed.count() == 1) {
                Proposal p = changed.first();
                events.publishEvent(new Notice(Set.of(owner), TOPIC, "grading.notice.changed",
                        List.of(p.customerName(), p.currentGrade() == null ? "—" : p.currentGrade().name(), p.finalGrade().name()),
                        "/customers/" + p.customerId()));
            } else {
                events.publishEvent(new Notice(Set.of(owner), TOPIC, "grading.notice.runChanged",
                        List.of(Integer.toString(changed.count()), Long.toString(runId)), "/grading/migration"));
            }
        });
    }

    CustomerSearch.Row customer(DataScope scope, long customerId) {
        return customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
    }

    static String reason(String reason, boolean required) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() && required) {
            throw DomainException.invalid("reason", "grading.error.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "grading.error.reasonLength", MAX_REASON);
        }
        return why.isEmpty() ? null : why;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String messageKey) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, messageKey);
        }
    }
}
