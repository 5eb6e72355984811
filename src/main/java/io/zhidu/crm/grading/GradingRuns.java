package io.zhidu.crm.grading;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.grading.Proposal.Review;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The year-end grading run (6.1.2-3): started by the duty in the policy's month or by the
 * business-dept manager, it grades every active customer in batches by customer id. Each batch's
 * proposals and the run's progress commit together, so a run stopped by a crash resumes after its
 * last batch without doing one twice (the proposals are also unique per run and customer). The
 * reviewer accepts or changes the proposals, submits the run to the approver; only its approval
 * puts the grades into effect.
 */
@Service
public class GradingRuns {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GradingRuns.class);
    static final String SUBJECT = "GRADING_RUN";
    static final int DEFAULT_BATCH = 5000;
    static final int PAGE = 50;

    private final GradingRecords records;
    private final GradingInputsReader inputs;
    private final CustomerGrades grades;
    private final Policies policies;
    private final Approvals approvals;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final TaskExecutor executor;
    private int batchSize = DEFAULT_BATCH;

    GradingRuns(GradingRecords records, GradingInputsReader inputs, CustomerGrades grades, Policies policies, Approvals approvals,
                BusinessClock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
        this.records = records;
        this.inputs = inputs;
        this.grades = grades;
        this.policies = policies;
        this.approvals = approvals;
        this.clock = clock;
        this.events = events;
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
    }

    /** For tests: smaller batches show the resume. */
    void batchSize(int size) {
        this.batchSize = Math.max(1, size);
    }

    /** Opens a run as of the date (default today; never in the future). CONFLICT while another run is not decided. */
    @Transactional
    public GradingRun start(Long userId, LocalDate asOf) {
        LocalDate on = asOf == null ? clock.today() : asOf;
        if (on.isAfter(clock.today())) {
            throw DomainException.invalid("asOf", "grading.error.future");
        }
        if (records.openRun().isPresent()) {
            throw DomainException.conflict("grading.error.runOpen");
        }
        long version = policies.on(on).versionId();
        long id;
        try {
            id = records.insertRun(on, version, records.maxCustomerId(), userId, clock.instant());
        } catch (DataIntegrityViolationException raced) {
            throw DomainException.conflict("grading.error.runOpen");
        }
        events.publishEvent(GradingChanged.run(CurrentActor.username(), "GRADING_RUN_STARTED", id, "as of " + on + ", policy v" + version));
        return records.run(id).orElseThrow();
    }

    /**
     * Computes the run's next batches, at most {@code maxBatches}; when none is left the run goes to
     * review. The inputs of all the run's remaining customers are read in one transaction as one
     * stream (one grouped query per source, in customer order; ADR 0009). Each batch's proposals
     * and the run's progress commit together in a transaction of their own, on a second thread,
     * while the next batch is read (at most one batch is being written at a time, in order).
     * Returns the run as it stands. Safe to call again after a crash, or twice at once (a batch
     * another caller has moved past is rolled back and this call fails).
     */
    public GradingRun compute(long runId, int maxBatches) {
        GradingRun run = records.run(runId).orElseThrow(DomainException::notFound);
        if (run.status() == GradingRun.Status.RUNNING) {
            GradingPolicy policy = GradingPolicy.of(policies.version(run.policyVersionId()));
            // the run's own writer thread: a shared pool could be full of callers waiting for their writes
            ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "grading-run-" + runId + "-writer"));
            try {
                reading.executeWithoutResult(s -> {
                    CompletableFuture<Long> written = CompletableFuture.completedFuture(run.lastCustomerId());
                    try (GradingInputsReader.Cursor cursor = inputs.open(policy, run.lastCustomerId(), run.maxCustomerId(), run.asOf())) {
                        for (int i = 0; i < maxBatches; i++) {
                            List<GradingInputsReader.Graded> batch = cursor.next(batchSize); // while the previous batch is written
                            long after = done(written);
                            written = CompletableFuture.supplyAsync(() -> writing.execute(w -> batch(run, policy, after, batch)), writer);
                            if (batch.isEmpty()) {
                                break;
                            }
                        }
                    } finally {
                        done(written);
                    }
                });
            } finally {
                writer.shutdown();
            }
        }
        return records.run(runId).orElseThrow(DomainException::notFound);
    }

    /** Waits for a batch's write; its failure is rethrown as it was thrown. */
    private static long done(CompletableFuture<Long> written) {
        try {
            return written.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Computes the run to its end in the background (a started run, once its transaction committed). */
    public void launch(long runId) {
        executor.execute(() -> {
            try {
                computeAll(runId);
            } catch (RuntimeException e) {
                log.error("Grading run {} stopped; it resumes on the next call or the daily duty", runId, e);
            }
        });
    }

    /** Computes the run to its end. */
    public GradingRun computeAll(long runId) {
        return compute(runId, Integer.MAX_VALUE);
    }

    /** Stores one batch's proposals and moves the run past them (an empty batch: the run goes to review); returns the last customer id. */
    private long batch(GradingRun run, GradingPolicy policy, long after, List<GradingInputsReader.Graded> batch) {
        if (batch.isEmpty()) {
            if (records.runStatus(run.id(), GradingRun.Status.RUNNING, GradingRun.Status.REVIEW, clock.instant())) {
                long processed = records.run(run.id()).orElseThrow().processed();
                events.publishEvent(GradingChanged.run(CurrentActor.SYSTEM, "GRADING_RUN_COMPUTED", run.id(), processed + " customers"));
            }
            return after;
        }
        java.time.Instant now = clock.instant();
        List<GradingRecords.NewProposal> proposals = new java.util.ArrayList<>(batch.size());
        for (GradingInputsReader.Graded g : batch) {
            GradeResult r = GradingEngine.grade(policy, g.inputs(), run.asOf());
            proposals.add(new GradingRecords.NewProposal(run.id(), g.customer(), run.asOf(), policy.versionId(), g.inputs(), r, r.grade(),
                    r.category(), Review.PENDING, null, null, now));
        }
        long upTo = batch.get(batch.size() - 1).customer().id();
        if (!records.advance(run.id(), after, upTo, batch.size())) {
            throw new IllegalStateException("grading run " + run.id() + " was moved by another worker");
        }
        records.insertProposals(proposals);
        return upTo;
    }

    @Transactional(readOnly = true)
    public GradingRun run(long runId) {
        return records.run(runId).orElseThrow(DomainException::notFound);
    }

    @Transactional(readOnly = true)
    public List<GradingRun> runs() {
        return records.runs(20);
    }

    /** How many of the run's proposals inside the caller's scope move up, down or stay, and per review state. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts(DataScope scope, long runId) {
        run(runId);
        return records.counts(scope, runId);
    }

    /** A page of the review table inside the caller's scope. */
    @Transactional(readOnly = true)
    public List<Proposal> proposals(DataScope scope, long runId, Direction direction, Long officeId, Review review, long after) {
        run(runId);
        return records.proposals(scope, runId, direction, officeId, review, after, PAGE);
    }

    /** Accepts the proposal as computed, or changes its grade/category with a reason (the reason is required then). */
    @Transactional
    public void review(DataScope scope, long runId, long proposalId, String grade, String category, String reason) {
        GradingRun run = reviewable(runId);
        Proposal p = records.proposal(proposalId).filter(x -> x.runId() != null && x.runId() == runId)
                .orElseThrow(DomainException::notFound);
        grades.customer(scope, p.customerId());
        Grade g = grade == null || grade.isBlank() ? p.computedGrade() : CustomerGrades.parse(Grade.class, grade, "grade",
                "grading.error.grade");
        Category c = category == null || category.isBlank() ? p.computedCategory()
                : CustomerGrades.parse(Category.class, category, "category", "grading.error.category");
        boolean changed = g != p.computedGrade() || c != p.computedCategory();
        String why = CustomerGrades.reason(reason, changed);
        records.review(proposalId, run.id(), g, c, changed ? Review.CHANGED : Review.ACCEPTED, why, scope.userId());
        if (changed) {
            events.publishEvent(GradingChanged.run(CurrentActor.username(), "GRADING_RUN_REVIEWED", runId,
                    "customer " + p.customerId() + ": " + p.computedGrade() + "/" + p.computedCategory() + " → " + g + "/" + c + ": " + why));
        }
    }

    /** Accepts every proposal still pending (of the direction and office, when given). */
    @Transactional
    public int acceptAll(DataScope scope, long runId, Direction direction, Long officeId) {
        reviewable(runId);
        int n = records.acceptAll(runId, direction, officeId, scope.userId());
        events.publishEvent(GradingChanged.run(CurrentActor.username(), "GRADING_RUN_REVIEWED", runId, "accepted " + n));
        return n;
    }

    /** Submits the reviewed run to the approver the policy names; CONFLICT while proposals wait for review. */
    @Transactional
    public long submit(DataScope scope, long runId) {
        GradingRun run = reviewable(runId);
        Map<String, Long> counts = records.counts(runId);
        long pending = counts.getOrDefault(Review.PENDING.name(), 0L);
        if (pending > 0) {
            throw DomainException.conflict("grading.error.unreviewed", pending);
        }
        GradingPolicy policy = GradingPolicy.of(policies.version(run.policyVersionId()));
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, runId, "grading.approval.run",
                List.of(run.asOf().toString(), Long.toString(run.processed()), Long.toString(counts.getOrDefault("UP", 0L)),
                        Long.toString(counts.getOrDefault("DOWN", 0L))),
                "/grading/runs/" + runId, Route.Roles.of(policy.approver()), scope.userId()));
        records.runSubmitted(runId, approvalId);
        events.publishEvent(GradingChanged.run(CurrentActor.username(), "GRADING_RUN_SUBMITTED", runId, "approval " + approvalId));
        return approvalId;
    }

    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        records.run(decided.subjectId()).filter(r -> r.status() == GradingRun.Status.SUBMITTED).ifPresent(run -> {
            if (decided.outcome() != ApprovalOutcome.APPROVED) {
                records.closeRunProposals(run.id(), Proposal.Status.REJECTED);
                records.runStatus(run.id(), GradingRun.Status.SUBMITTED, GradingRun.Status.REJECTED, clock.instant());
                events.publishEvent(GradingChanged.run(CurrentActor.SYSTEM, "GRADING_RUN_REJECTED", run.id(),
                        "approval " + decided.approvalId() + (decided.comment() == null ? "" : ": " + decided.comment())));
                return;
            }
            // batch by batch (set-based), in this listener's one transaction: all the run's grades or none
            long after = 0;
            List<Proposal> page;
            Map<Long, CustomerGrades.OwnerChanges> changedByOwner = new java.util.HashMap<>();
            while (!(page = records.openProposals(run.id(), after, batchSize)).isEmpty()) {
                grades.takeEffect(page, run.id(), decided.approvalId())
                        .forEach((owner, changed) -> changedByOwner.merge(owner, changed, CustomerGrades.OwnerChanges::plus));
                after = page.get(page.size() - 1).customerId();
            }
            grades.tellOwners(run.id(), changedByOwner);
            records.runStatus(run.id(), GradingRun.Status.SUBMITTED, GradingRun.Status.APPROVED, clock.instant());
            events.publishEvent(GradingChanged.run(CurrentActor.SYSTEM, "GRADING_RUN_APPROVED", run.id(),
                    "approval " + decided.approvalId()));
        });
    }

    private GradingRun reviewable(long runId) {
        GradingRun run = run(runId);
        if (run.status() != GradingRun.Status.REVIEW) {
            throw DomainException.conflict("grading.error.notInReview");
        }
        return run;
    }
}
