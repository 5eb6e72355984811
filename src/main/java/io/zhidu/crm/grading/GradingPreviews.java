package io.zhidu.crm.grading;

import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.policy.PolicyDraftReview;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The what-if of a grading policy not yet in force (issue #7 item 3): the draft's grading rules
 * run over every active customer as of today, in batches like a run (each batch's rows and the
 * progress commit together; a stopped preview resumes after its last batch), and never applied —
 * nothing but the preview's own tables is written. Each customer is graded on the same inputs by
 * the rules in force and by the draft; the summary counts per office how many the draft moves up,
 * down or leaves, the movers list names them. Linked from the draft's policy page for whoever
 * edits or approves it.
 */
@Service
public class GradingPreviews {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GradingPreviews.class);
    static final int PAGE = 50;

    private final GradingPreviewRecords records;
    private final GradingRecords runs;
    private final GradingInputsReader inputs;
    private final Policies policies;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TaskExecutor executor;
    private int batchSize = GradingRuns.DEFAULT_BATCH;

    GradingPreviews(GradingPreviewRecords records, GradingRecords runs, GradingInputsReader inputs, Policies policies,
                    BusinessClock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                    @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.records = records;
        this.runs = runs;
        this.inputs = inputs;
        this.policies = policies;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.executor = executor;
    }

    /** The link on a draft's policy page. */
    @Bean
    static PolicyDraftReview gradingWhatIf() {
        return versionId -> new PolicyDraftReview.Link("grading.preview.link", "/grading/previews/" + versionId, "grading:rate");
    }

    /** For tests: smaller batches show the resume. */
    void batchSize(int size) {
        this.batchSize = Math.max(1, size);
    }

    /**
     * Opens a preview of the version's grading rules as of today against the rules in force today,
     * replacing its earlier finished previews. CONFLICT while one of the version is computing, or
     * when the version is the one in force (nothing to compare).
     */
    @Transactional
    public GradingPreview start(long versionId, Long userId) {
        GradingPolicy draft = GradingPolicy.of(policies.version(versionId));
        LocalDate today = clock.today();
        long base = policies.on(today).versionId();
        if (base == versionId) {
            throw DomainException.conflict("grading.preview.error.inForce");
        }
        Optional<GradingPreview> latest = records.latest(versionId);
        if (latest.isPresent() && latest.get().status() == GradingPreview.Status.RUNNING) {
            throw DomainException.conflict("grading.preview.error.running");
        }
        records.dropFinished(versionId);
        long id = records.insert(versionId, base, digest(draft), today, runs.maxCustomerId(), userId, clock.instant());
        events.publishEvent(new GradingChanged(CurrentActor.username(), "GRADING_PREVIEW_STARTED", "POLICY_VERSION", versionId,
                "preview " + id + " as of " + today + " against v" + base));
        return records.preview(id).orElseThrow();
    }

    /** Computes the preview's next batches, each in its own transaction, at most {@code maxBatches}. */
    public GradingPreview compute(long previewId, int maxBatches) {
        for (int i = 0; i < maxBatches; i++) {
            if (!Boolean.TRUE.equals(tx.execute(s -> batch(previewId)))) {
                break;
            }
        }
        return records.preview(previewId).orElseThrow(DomainException::notFound);
    }

    /** Computes the preview to its end in the background. */
    public void launch(long previewId) {
        executor.execute(() -> {
            try {
                compute(previewId, Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                log.error("Grading preview {} stopped; it resumes when started again from its page", previewId, e);
            }
        });
    }

    private boolean batch(long previewId) {
        GradingPreview p = records.preview(previewId).orElseThrow(DomainException::notFound);
        if (p.status() != GradingPreview.Status.RUNNING) {
            return false;
        }
        GradingPolicy draft = GradingPolicy.of(policies.version(p.policyVersionId()));
        if (!digest(draft).equals(p.rulesDigest())) {
            records.finish(previewId, GradingPreview.Status.STALE, clock.instant());
            return false;
        }
        List<GradingRecords.Graded> batch = runs.customers(p.lastCustomerId(), p.maxCustomerId(), batchSize);
        if (batch.isEmpty()) {
            records.finish(previewId, GradingPreview.Status.DONE, clock.instant());
            return false;
        }
        long upTo = batch.get(batch.size() - 1).id();
        GradingPolicy base = GradingPolicy.of(policies.version(p.baseVersionId()));
        Map<Long, GradingInputs> baseIn = inputs.read(base, p.lastCustomerId(), upTo, p.asOf());
        Map<Long, GradingInputs> draftIn = base.periodMonths() == draft.periodMonths() && base.graceDays() == draft.graceDays()
                ? baseIn : inputs.read(draft, p.lastCustomerId(), upTo, p.asOf());
        List<GradingPreviewRecords.Row> rows = new ArrayList<>(batch.size());
        for (GradingRecords.Graded c : batch) {
            GradeResult b = GradingEngine.grade(base, baseIn.getOrDefault(c.id(), GradingInputs.NOTHING), p.asOf());
            GradeResult d = GradingEngine.grade(draft, draftIn.getOrDefault(c.id(), GradingInputs.NOTHING), p.asOf());
            rows.add(new GradingPreviewRecords.Row(c.id(), c.officeId(), c.grade(), b.grade(), b.total(), d.grade(), d.total()));
        }
        records.insertRows(previewId, rows);
        if (!records.advance(previewId, p.lastCustomerId(), upTo, batch.size())) {
            throw new IllegalStateException("grading preview " + previewId + " was moved by another worker");
        }
        return true;
    }

    /** The version's latest preview, marked stale when the draft's grading rules changed since. */
    @Transactional(readOnly = true)
    public Optional<GradingPreview> latest(long versionId) {
        return records.latest(versionId).map(p -> p.status() == GradingPreview.Status.DONE
                && !digest(GradingPolicy.of(policies.version(versionId))).equals(p.rulesDigest())
                ? new GradingPreview(p.id(), p.policyVersionId(), p.baseVersionId(), p.rulesDigest(), p.asOf(),
                GradingPreview.Status.STALE, p.lastCustomerId(), p.maxCustomerId(), p.processed(), p.startedBy(), p.startedAt(),
                p.computedAt()) : p);
    }

    /** Per office, within the caller's scope, how many customers the draft moves up, down or leaves. */
    @Transactional(readOnly = true)
    public List<GradingPreview.OfficeCounts> summary(DataScope scope, long previewId) {
        return records.summary(scope, previewId);
    }

    /** A page of the customers the draft moves, within the caller's scope. */
    @Transactional(readOnly = true)
    public List<GradingPreview.Mover> movers(DataScope scope, long previewId, Direction direction, Long officeId, long after) {
        return records.movers(scope, previewId, direction, officeId, after, PAGE);
    }

    /** The grading rules of a policy, whatever its version id: equal rules give equal digests. */
    static String digest(GradingPolicy p) {
        String rules = List.of(p.periodMonths(), p.graceDays(), p.amounts(), p.receivables(), p.premiums(), p.totals(),
                p.newCustomerMonths(), p.keyAccountAmount()).toString();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rules.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
