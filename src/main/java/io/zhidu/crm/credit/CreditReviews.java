package io.zhidu.crm.credit;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.contract.ContractGradingFigures;
import io.zhidu.crm.credit.CreditReviewRule.Direction;
import io.zhidu.crm.credit.ReviewProposal.Review;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.receivable.ReceivableGradingFigures;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The twice-yearly credit review (6.2.4-5(3)): a round per period (YYYY-MM), opened by the duty
 * in the policy's review months or by the business dept, looks at every customer with credit in
 * batches by customer id and proposes an upgrade or downgrade where {@link CreditReviewRule} gives
 * another rating than the one in force. Each batch's proposals and the round's progress commit
 * together, so a stopped round resumes after its last batch without doing one twice (proposals
 * are also unique per round and customer); one round per period, one open round at a time. The
 * business dept accepts, changes (with a reason) or drops the proposals and submits the round to
 * the policy's approver (6.2.3-2: the VP); only the approval puts the accepted ones into effect,
 * each as an approved change of the customer's credit history, and tells the offices' directors
 * and finance (6.2.4-5(3): 评审结果要及时通报办事处、财务部).
 */
@Service
public class CreditReviews {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CreditReviews.class);
    static final String SUBJECT = "CREDIT_REVIEW";
    static final int DEFAULT_BATCH = 500;
    static final int PAGE = 50;

    /** The reviewer's decision on a proposal. */
    public enum Decision {
        ACCEPT, CHANGE, DROP
    }

    private final CreditReviewRecords records;
    private final CreditPositions positions;
    private final CustomerCredits credits;
    private final CustomerSearch customers;
    private final ContractGradingFigures contracts;
    private final ReceivableGradingFigures receivables;
    private final CreditReviewNotices notices;
    private final Policies policies;
    private final Approvals approvals;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TaskExecutor executor;
    private int batchSize = DEFAULT_BATCH;

    CreditReviews(CreditReviewRecords records, CreditPositions positions, CustomerCredits credits, CustomerSearch customers,
                  ContractGradingFigures contracts, ReceivableGradingFigures receivables, CreditReviewNotices notices,
                  Policies policies, Approvals approvals, BusinessClock clock, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.records = records;
        this.positions = positions;
        this.credits = credits;
        this.customers = customers;
        this.contracts = contracts;
        this.receivables = receivables;
        this.notices = notices;
        this.policies = policies;
        this.approvals = approvals;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.executor = executor;
    }

    /** For tests: smaller batches show the resume. */
    void batchSize(int size) {
        this.batchSize = Math.max(1, size);
    }

    /** The period a text names (YYYY-MM; blank: this month); INVALID when unreadable or in the future. */
    YearMonth period(String text) {
        YearMonth now = YearMonth.from(clock.today());
        if (text == null || text.isBlank()) {
            return now;
        }
        YearMonth p;
        try {
            p = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("period", "creditreview.error.period");
        }
        if (p.isAfter(now)) {
            throw DomainException.invalid("period", "creditreview.error.future");
        }
        return p;
    }

    /**
     * Opens the round of the period (blank: this month), as of today or, for a past period, its last
     * day. CONFLICT while another round is open or when the period has its round already.
     */
    @Transactional
    public CreditReview start(Long userId, String periodText) {
        YearMonth period = period(periodText);
        LocalDate today = clock.today();
        LocalDate asOf = period.equals(YearMonth.from(today)) ? today : period.atEndOfMonth();
        if (records.openReview().isPresent()) {
            throw DomainException.conflict("creditreview.error.open");
        }
        if (records.periodTaken(period.toString())) {
            throw DomainException.conflict("creditreview.error.periodDone", period.toString());
        }
        long version = policies.on(asOf).versionId();
        long id;
        try {
            id = records.insertReview(period.toString(), asOf, version, records.maxCreditedCustomerId(), userId, clock.instant());
        } catch (DataIntegrityViolationException raced) {
            throw DomainException.conflict("creditreview.error.open");
        }
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_STARTED", id,
                "period " + period + ", as of " + asOf + ", policy v" + version));
        return records.review(id).orElseThrow();
    }

    /**
     * Computes the round's next batches, each in its own transaction, at most {@code maxBatches};
     * when none is left the round goes to review. Safe to call again after a crash or twice at once
     * (a batch another caller has moved past is rolled back).
     */
    public CreditReview compute(long reviewId, int maxBatches) {
        for (int i = 0; i < maxBatches; i++) {
            Boolean more = tx.execute(s -> batch(reviewId));
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
        }
        return records.review(reviewId).orElseThrow(DomainException::notFound);
    }

    public CreditReview computeAll(long reviewId) {
        return compute(reviewId, Integer.MAX_VALUE);
    }

    /** Computes the round to its end in the background (a started round, once its transaction committed). */
    public void launch(long reviewId) {
        executor.execute(() -> {
            try {
                computeAll(reviewId);
            } catch (RuntimeException e) {
                log.error("Credit review {} stopped; it resumes on the next call or the daily duty", reviewId, e);
            }
        });
    }

    private boolean batch(long reviewId) {
        CreditReview r = records.review(reviewId).orElseThrow(DomainException::notFound);
        if (r.status() != CreditReview.Status.RUNNING) {
            return false;
        }
        List<CreditReviewRecords.Credited> batch = records.credited(r.lastCustomerId(), r.maxCustomerId(), batchSize);
        if (batch.isEmpty()) {
            records.status(reviewId, CreditReview.Status.RUNNING, CreditReview.Status.REVIEW, clock.instant());
            events.publishEvent(new CreditReviewChanged(CurrentActor.SYSTEM, "CREDIT_REVIEW_COMPUTED", reviewId,
                    r.processed() + " customers"));
            return false;
        }
        long after = r.lastCustomerId();
        long upTo = batch.get(batch.size() - 1).customerId();
        PolicyRules rules = policies.version(r.policyVersionId());
        CreditStandard standard = CreditStandard.of(rules);
        CreditReviewPolicy policy = CreditReviewPolicy.of(rules);
        LocalDate asOf = r.asOf();
        LocalDate from = asOf.minusMonths(policy.windowMonths()).plusDays(1);
        Map<Long, ContractGradingFigures.Figures> now = contracts.of(after, upTo, from, asOf);
        Map<Long, ContractGradingFigures.Figures> before = contracts.of(after, upTo, from.minusMonths(policy.windowMonths()),
                from.minusDays(1));
        Map<Long, ReceivableGradingFigures.Figures> late = receivables.of(after, upTo, from, asOf, standard.graceDays());
        Map<Long, BigDecimal> debt = records.debtRatios(after, upTo, asOf.getYear());
        Map<Long, Integer> field = records.fieldGrades(after, upTo, asOf);
        Map<Long, CreditPosition> position = positions.of(batch.stream().map(CreditReviewRecords.Credited::customerId).toList());
        List<CreditReviewRecords.NewProposal> proposals = new ArrayList<>();
        for (CreditReviewRecords.Credited c : batch) {
            ContractGradingFigures.Figures n = now.get(c.customerId());
            ContractGradingFigures.Figures b = before.get(c.customerId());
            ReceivableGradingFigures.Figures l = late.get(c.customerId());
            CreditPosition p = position.get(c.customerId());
            CreditReviewRule.Inputs in = new CreditReviewRule.Inputs(c.terms().rating(), c.terms().limit(), p.oldestOverdueDays(),
                    l != null && l.arrears(), n == null ? null : n.firstSignedOn(), debt.get(c.customerId()), field.get(c.customerId()), p.exposure(),
                    amount(n), amount(b));
            CreditReviewRule.Outcome out = CreditReviewRule.apply(standard, policy, in, asOf);
            if (out.proposed()) {
                proposals.add(new CreditReviewRecords.NewProposal(reviewId, c, in, out, standard.defaults(out.rating())));
            }
        }
        records.insertProposals(proposals);
        if (!records.advance(reviewId, after, upTo, batch.size())) {
            throw new IllegalStateException("credit review " + reviewId + " was moved by another worker");
        }
        return true;
    }

    private static BigDecimal amount(ContractGradingFigures.Figures f) {
        return f == null || f.amount() == null ? BigDecimal.ZERO.setScale(2) : f.amount().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Transactional(readOnly = true)
    public CreditReview review(long reviewId) {
        return records.review(reviewId).orElseThrow(DomainException::notFound);
    }

    @Transactional(readOnly = true)
    public List<CreditReview> reviews() {
        return records.reviews(20);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> counts(long reviewId) {
        review(reviewId);
        return records.counts(reviewId);
    }

    /** A page of the review table inside the caller's scope. */
    @Transactional(readOnly = true)
    public List<ReviewProposal> proposals(DataScope scope, long reviewId, Direction direction, Long officeId, Review review, long after) {
        review(reviewId);
        return records.proposals(scope, reviewId, direction, officeId, review, after, PAGE);
    }

    /** One proposal inside the caller's scope (404 otherwise). */
    @Transactional(readOnly = true)
    public ReviewProposal proposal(DataScope scope, long reviewId, long proposalId) {
        ReviewProposal p = records.proposal(reviewId, proposalId).orElseThrow(DomainException::notFound);
        customers.find(scope, p.customerId(), false).orElseThrow(DomainException::notFound);
        return p;
    }

    /**
     * The reviewer's decision: ACCEPT puts the computed rating with its default limit and terms to
     * the approver; CHANGE another rating (and limit; blank: the rating's default) with a required
     * reason; DROP leaves the customer as it is. CONFLICT unless the round is in review.
     */
    @Transactional
    public ReviewProposal decide(DataScope scope, long reviewId, long proposalId, Decision decision, String rating, BigDecimal limit,
                                 String reason) {
        CreditReview r = reviewable(reviewId);
        ReviewProposal p = proposal(scope, reviewId, proposalId);
        if (decision == null) {
            throw DomainException.invalid("decision", "creditreview.error.decision");
        }
        CreditStandard standard = CreditStandard.of(policies.version(r.policyVersionId()));
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > CustomerCredits.MAX_REASON) {
            throw DomainException.invalid("reason", "credit.error.reasonLength", CustomerCredits.MAX_REASON);
        }
        CreditTerms terms;
        Review review;
        switch (decision) {
            case ACCEPT -> {
                CreditStandard.RatingDefaults d = standard.defaults(p.computedRating());
                terms = new CreditTerms(p.computedRating(), d.limit(), d.form(), d.days(), null, false);
                review = Review.ACCEPTED;
            }
            case CHANGE -> {
                terms = CustomerCredits.terms(standard, new CustomerCredits.Proposal(rating, limit, null, null, note));
                if (note == null) {
                    throw DomainException.invalid("reason", "credit.error.reasonRequired");
                }
                review = Review.CHANGED;
            }
            default -> {
                terms = p.proposed();
                review = Review.DROPPED;
            }
        }
        Direction direction = Direction.of(p.current().rating(), terms.rating());
        records.decide(reviewId, proposalId, terms, direction, review, note, scope.userId());
        if (review != Review.ACCEPTED) {
            events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_REVIEWED", reviewId,
                    "customer " + p.customerId() + ": " + review + " " + p.current().rating() + " → " + terms.rating()
                            + (note == null ? "" : ": " + note)));
        }
        return records.proposal(reviewId, proposalId).orElseThrow();
    }

    /** Accepts every pending proposal inside the scope (of the direction and office, when given). */
    @Transactional
    public int acceptAll(DataScope scope, long reviewId, Direction direction, Long officeId) {
        reviewable(reviewId);
        int n = records.acceptAll(scope, reviewId, direction, officeId, scope.userId());
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_REVIEWED", reviewId, "accepted " + n));
        return n;
    }

    /** Submits the reviewed round to the policy's approver; CONFLICT while proposals wait for review. */
    @Transactional
    public long submit(DataScope scope, long reviewId) {
        CreditReview r = reviewable(reviewId);
        Map<String, Long> counts = records.counts(reviewId);
        long pending = counts.getOrDefault(Review.PENDING.name(), 0L);
        if (pending > 0) {
            throw DomainException.conflict("creditreview.error.unreviewed", pending);
        }
        CreditReviewPolicy policy = CreditReviewPolicy.of(policies.version(r.policyVersionId()));
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, reviewId, "creditreview.approval.title",
                List.of(r.period(), Long.toString(r.processed()), Long.toString(counts.getOrDefault("UP", 0L)),
                        Long.toString(counts.getOrDefault("DOWN", 0L)), Long.toString(counts.getOrDefault(Review.DROPPED.name(), 0L))),
                "/credit/reviews/" + reviewId, Route.Roles.of(policy.approver()), scope.userId()));
        if (!records.submitted(reviewId, approvalId, scope.userId())) {
            throw DomainException.conflict("creditreview.error.notInReview");
        }
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_SUBMITTED", reviewId, "approval " + approvalId));
        return approvalId;
    }

    /** The approval's end: approved, every accepted or changed proposal takes effect and the offices and finance are told. */
    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        records.review(decided.subjectId()).filter(r -> r.status() == CreditReview.Status.SUBMITTED).ifPresent(r -> {
            if (decided.outcome() != ApprovalOutcome.APPROVED) {
                records.closeRest(r.id(), ReviewProposal.Status.REJECTED);
                records.status(r.id(), CreditReview.Status.SUBMITTED, CreditReview.Status.REJECTED, clock.instant());
                events.publishEvent(new CreditReviewChanged(CurrentActor.SYSTEM, "CREDIT_REVIEW_REJECTED", r.id(),
                        "approval " + decided.approvalId() + (decided.comment() == null ? "" : ": " + decided.comment())));
                return;
            }
            CreditReviewPolicy policy = CreditReviewPolicy.of(policies.version(r.policyVersionId()));
            long proposedBy = r.submittedBy() == null ? decided.requesterId() : r.submittedBy();
            long after = 0;
            List<ReviewProposal> page;
            while (!(page = records.toApply(r.id(), after, DEFAULT_BATCH)).isEmpty()) {
                for (ReviewProposal p : page) {
                    String why = "信用评审 " + r.period() + (p.note() == null ? "" : "：" + p.note());
                    records.applied(p.id(), credits.applyReview(p.customerId(), p.proposed(), why, policy.approver(),
                            r.policyVersionId(), decided.approvalId(), proposedBy, decided.decidedBy()));
                }
                after = page.get(page.size() - 1).customerId();
            }
            records.closeRest(r.id(), ReviewProposal.Status.SKIPPED);
            records.status(r.id(), CreditReview.Status.SUBMITTED, CreditReview.Status.APPROVED, clock.instant());
            notices.approved(r, records.appliedByOffice(r.id()));
            events.publishEvent(new CreditReviewChanged(CurrentActor.SYSTEM, "CREDIT_REVIEW_APPROVED", r.id(),
                    "approval " + decided.approvalId()));
        });
    }

    private CreditReview reviewable(long reviewId) {
        CreditReview r = review(reviewId);
        if (r.status() != CreditReview.Status.REVIEW) {
            throw DomainException.conflict("creditreview.error.notInReview");
        }
        return r;
    }
}
