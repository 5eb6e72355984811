package io.zhidu.crm.credit;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's credit for the screens and the API. Rating, limit and terms change only through
 * approval (6.2.3-2: the VP; above the policy's amount the GM, 6.2.3-1) and take effect on the
 * approval day, valid for the policy's months; the hold is put on at once by the business-dept
 * manager and taken off through the VP's approval (ADR 0006). One change per customer is pending
 * at a time. Every act first finds the customer inside the caller's data scope (404 otherwise) and
 * is audited; every change stays in the history.
 */
@Service
public class CustomerCredits {

    static final String SUBJECT = "CUSTOMER_CREDIT";
    static final int MAX_REASON = 500;
    static final BigDecimal MAX_LIMIT = new BigDecimal("100000000000");
    static final int MAX_DAYS = 3650;

    /**
     * A proposed credit. A missing limit, form or days takes the rating's default of the credit
     * standard in force.
     */
    public record Proposal(String rating, BigDecimal limit, TermsForm form, Integer termsDays, String reason) {
    }

    /** A proposal on its way: the change and the approval request deciding it. */
    public record Proposed(long changeId, long approvalId) {
    }

    private final CustomerSearch customers;
    private final CreditRecords records;
    private final CreditPositions positions;
    private final Policies policies;
    private final Approvals approvals;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    CustomerCredits(CustomerSearch customers, CreditRecords records, CreditPositions positions, Policies policies,
                    Approvals approvals, BusinessClock clock, ApplicationEventPublisher events) {
        this.customers = customers;
        this.records = records;
        this.positions = positions;
        this.policies = policies;
        this.approvals = approvals;
        this.clock = clock;
        this.events = events;
    }

    /** The customer's credit position today, if the customer is inside the scope. */
    @Transactional(readOnly = true)
    public Optional<CreditPosition> position(DataScope scope, long customerId) {
        return customers.find(scope, customerId, false).map(c -> positions.of(customerId));
    }

    /** The customer's credit history, newest first (404 outside the scope). */
    @Transactional(readOnly = true)
    public List<CreditChange> history(DataScope scope, long customerId) {
        customer(scope, customerId);
        return records.history(customerId);
    }

    /** The change waiting for approval, if any (404 outside the scope). */
    @Transactional(readOnly = true)
    public Optional<CreditChange> pending(DataScope scope, long customerId) {
        customer(scope, customerId);
        return records.pending(customerId);
    }

    /** The credit standard in force. */
    @Transactional(readOnly = true)
    public CreditStandard standard() {
        return CreditStandard.of(policies.current());
    }

    /**
     * Proposes a credit for the customer: checked in full (INVALID on its field, nothing saved), then
     * submitted to the approver the standard names for the limit. CONFLICT while another change is
     * pending.
     */
    @Transactional
    public Proposed propose(DataScope scope, long customerId, Proposal p) {
        CustomerSearch.Row customer = customer(scope, customerId);
        CreditStandard standard = standard();
        CreditTerms terms = terms(standard, p);
        String reason = reason(p == null ? null : p.reason(), false);
        Role approver = standard.approver(terms.limit());
        long changeId = insertPending(customerId, ChangeKind.CHANGE, terms, reason, approver, standard.versionId(), scope.userId());
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, changeId, "credit.approval.title",
                List.of(customer.name(), terms.rating(), terms.limit().toPlainString(), terms.form().name(),
                        Integer.toString(terms.days())),
                "/customers/" + customerId, Route.Roles.of(approver), scope.userId()));
        records.approval(changeId, approvalId);
        events.publishEvent(new CreditChanged(CurrentActor.username(), "CREDIT_PROPOSED", customerId,
                describe(terms) + " → " + approver + " (policy v" + standard.versionId() + ")" + (reason == null ? "" : ": " + reason)));
        return new Proposed(changeId, approvalId);
    }

    /**
     * Takes over a credit granted before the company used the system (the credit file kept so far;
     * the demo company's): checked as a proposal, in force at once until {@code validUntil}, and
     * recorded in the history as an approved change with its reason. No screen or API offers it; a
     * customer with a credit or a pending change already is a CONFLICT.
     */
    @Transactional
    public long importGranted(DataScope scope, long customerId, Proposal p, LocalDate validUntil) {
        customer(scope, customerId);
        CreditStandard standard = standard();
        CreditTerms terms = terms(standard, p);
        String reason = reason(p.reason(), true);
        if (validUntil == null) {
            throw DomainException.invalid("validUntil", "credit.error.validUntil");
        }
        if (records.terms(customerId).isPresent() || records.pending(customerId).isPresent()) {
            throw DomainException.conflict("credit.error.alreadyGranted");
        }
        Instant now = clock.instant();
        long changeId = records.insert(customerId, ChangeKind.CHANGE, ChangeStatus.APPROVED, terms, reason, null,
                standard.versionId(), scope.userId(), now);
        CreditTerms granted = new CreditTerms(terms.rating(), terms.limit(), terms.form(), terms.days(), validUntil, false);
        records.grant(customerId, granted, now);
        records.close(changeId, ChangeStatus.APPROVED, scope.userId(), now, null, validUntil);
        events.publishEvent(new CreditChanged(CurrentActor.username(), "CREDIT_IMPORTED", customerId,
                describe(granted) + " until " + validUntil + ": " + reason));
        return changeId;
    }

    /**
     * Puts the customer's credit on hold at once (a business-dept manager's act), with a reason.
     * CONFLICT without a credit or when it is on hold already.
     */
    @Transactional
    public long hold(DataScope scope, long customerId, String reason) {
        customer(scope, customerId);
        String why = reason(reason, true);
        CreditTerms old = records.terms(customerId).orElseThrow(() -> DomainException.conflict("credit.error.noCredit"));
        Instant now = clock.instant();
        if (!records.hold(customerId, true, now)) {
            throw DomainException.conflict("credit.error.alreadyOnHold");
        }
        long changeId = records.insert(customerId, ChangeKind.HOLD, ChangeStatus.APPROVED, null, why, null,
                policies.current().versionId(), scope.userId(), now);
        records.close(changeId, ChangeStatus.APPROVED, scope.userId(), now, old, null);
        events.publishEvent(new CreditChanged(CurrentActor.username(), "CREDIT_HELD", customerId, why));
        return changeId;
    }

    /** Asks the VP to take the hold off, with a reason. CONFLICT when not on hold or another change is pending. */
    @Transactional
    public Proposed requestRelease(DataScope scope, long customerId, String reason) {
        CustomerSearch.Row customer = customer(scope, customerId);
        String why = reason(reason, true);
        if (!records.terms(customerId).map(CreditTerms::onHold).orElse(false)) {
            throw DomainException.conflict("credit.error.notOnHold");
        }
        long version = policies.current().versionId();
        long changeId = insertPending(customerId, ChangeKind.RELEASE, null, why, Role.VP, version, scope.userId());
        long approvalId = approvals.submit(new ApprovalRequest(SUBJECT, changeId, "credit.approval.release",
                List.of(customer.name(), why), "/customers/" + customerId, Route.Roles.of(Role.VP), scope.userId()));
        records.approval(changeId, approvalId);
        events.publishEvent(new CreditChanged(CurrentActor.username(), "CREDIT_RELEASE_PROPOSED", customerId, why));
        return new Proposed(changeId, approvalId);
    }

    /** The approval's end: approved changes take effect today; any other end closes the change, nothing else changes. */
    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        records.change(decided.subjectId()).filter(c -> c.status() == ChangeStatus.PENDING).ifPresent(c -> {
            Instant now = clock.instant();
            if (decided.outcome() != ApprovalOutcome.APPROVED) {
                ChangeStatus end = decided.outcome() == ApprovalOutcome.REJECTED ? ChangeStatus.REJECTED : ChangeStatus.WITHDRAWN;
                records.close(c.id(), end, decided.decidedBy(), now, null, null);
                events.publishEvent(new CreditChanged(CurrentActor.SYSTEM, "CREDIT_" + end.name(), c.customerId(),
                        "approval " + decided.approvalId() + (decided.comment() == null ? "" : ": " + decided.comment())));
                return;
            }
            CreditTerms old = records.terms(c.customerId()).orElse(null);
            if (c.kind() == ChangeKind.RELEASE) {
                records.hold(c.customerId(), false, now);
                records.close(c.id(), ChangeStatus.APPROVED, decided.decidedBy(), now, old, null);
                events.publishEvent(new CreditChanged(CurrentActor.SYSTEM, "CREDIT_RELEASED", c.customerId(),
                        "approval " + decided.approvalId()));
                return;
            }
            LocalDate validUntil = clock.today().plusMonths(CreditStandard.of(policies.version(c.policyVersionId())).validityMonths());
            CreditTerms granted = new CreditTerms(c.newRating(), c.newLimit(), c.newForm(), c.newDays(), validUntil,
                    old != null && old.onHold());
            records.grant(c.customerId(), granted, now);
            records.close(c.id(), ChangeStatus.APPROVED, decided.decidedBy(), now, old, validUntil);
            events.publishEvent(new CreditChanged(CurrentActor.SYSTEM, "CREDIT_APPROVED", c.customerId(),
                    (old == null ? "—" : describe(old)) + " → " + describe(granted) + "; approval " + decided.approvalId()));
        });
    }

    /**
     * Puts a credit review round's approved proposal into effect today (6.2.4-5(3)): a CHANGE entry
     * of the history, approved by the round's approval, valid for the policy's months. Returns the
     * change id, or null when the customer no longer has a credit to review.
     */
    Long applyReview(long customerId, CreditTerms proposed, String reason, Role approver, long policyVersionId, long approvalId,
                     long proposedBy, Long decidedBy) {
        CreditTerms old = records.terms(customerId).orElse(null);
        if (old == null) {
            return null;
        }
        Instant now = clock.instant();
        LocalDate validUntil = clock.today().plusMonths(CreditStandard.of(policies.version(policyVersionId)).validityMonths());
        CreditTerms granted = new CreditTerms(proposed.rating(), proposed.limit(), proposed.form(), proposed.days(), validUntil,
                old.onHold());
        long changeId = records.insert(customerId, ChangeKind.CHANGE, ChangeStatus.APPROVED, granted, reason, approver.name(),
                policyVersionId, proposedBy, now);
        records.approval(changeId, approvalId);
        records.grant(customerId, granted, now);
        records.close(changeId, ChangeStatus.APPROVED, decidedBy, now, old, validUntil);
        events.publishEvent(new CreditChanged(CurrentActor.SYSTEM, "CREDIT_APPROVED", customerId,
                describe(old) + " → " + describe(granted) + "; credit review, approval " + approvalId));
        return changeId;
    }

    /** The proposal as terms, every field checked against the standard; the validity is set on approval. */
    static CreditTerms terms(CreditStandard standard, Proposal p) {
        String rating = p == null || p.rating() == null ? "" : p.rating().strip();
        if (!standard.onScale(rating)) {
            throw DomainException.invalid("rating", "credit.error.rating", String.join(", ", standard.scale()));
        }
        CreditStandard.RatingDefaults d = standard.defaults(rating);
        BigDecimal limit = p.limit() == null ? d.limit() : p.limit();
        if (limit.signum() < 0) {
            throw DomainException.invalid("limit", "credit.error.limitNegative");
        }
        if (limit.stripTrailingZeros().scale() > 2 || limit.compareTo(MAX_LIMIT) > 0) {
            throw DomainException.invalid("limit", "credit.error.limit", MAX_LIMIT.toPlainString());
        }
        int days = p.termsDays() == null ? d.days() : p.termsDays();
        if (days < 0 || days > MAX_DAYS) {
            throw DomainException.invalid("termsDays", "credit.error.days", MAX_DAYS);
        }
        return new CreditTerms(rating, limit.setScale(2, java.math.RoundingMode.UNNECESSARY), p.form() == null ? d.form() : p.form(),
                days, null, false);
    }

    private static String reason(String reason, boolean required) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() && required) {
            throw DomainException.invalid("reason", "credit.error.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "credit.error.reasonLength", MAX_REASON);
        }
        return why.isEmpty() ? null : why;
    }

    private long insertPending(long customerId, ChangeKind kind, CreditTerms terms, String reason, Role approver, long version,
                               long userId) {
        if (records.pending(customerId).isPresent()) {
            throw DomainException.conflict("credit.error.pending");
        }
        try {
            return records.insert(customerId, kind, ChangeStatus.PENDING, terms, reason, approver.name(), version, userId,
                    clock.instant());
        } catch (DataIntegrityViolationException raced) {
            throw DomainException.conflict("credit.error.pending");
        }
    }

    private CustomerSearch.Row customer(DataScope scope, long customerId) {
        return customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
    }

    private static String describe(CreditTerms t) {
        return t.rating() + " " + t.limit().toPlainString() + " " + t.form() + " " + t.days() + "d";
    }
}
