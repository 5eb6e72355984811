package io.zhidu.crm.ownership;

import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.customer.Customer;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.customer.CustomerManagement;
import io.zhidu.crm.customer.CustomerReassigned;
import io.zhidu.crm.customer.CustomerRegistered;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The acts on ownership (SPEC R2, seed O-21): declaring a prospect, renewing its protection by
 * progress, giving it up, and managers' transfers. Every act reads the protection rules once from
 * the policy in force and records that version with what it decided.
 *
 * <p>Who holds a customer is decided by the database: a protection row claims the customer
 * through a unique column before the customer changes hands, so of two simultaneous declarations
 * exactly one commits and the other is told who won.
 */
@Service
public class Declarations {

    /** The most customers one transfer moves. */
    static final int MAX_TRANSFER = 5000;

    private final Protections protections;
    private final ProtectionLog log;
    private final Policies policies;
    private final CustomerManagement customers;
    private final Staff staff;
    private final StaffDirectory directory;
    private final OwnershipNotices notices;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Declarations(Protections protections, ProtectionLog log, Policies policies, CustomerManagement customers, Staff staff,
                 StaffDirectory directory, OwnershipNotices notices, BusinessClock clock, ApplicationEventPublisher events,
                 JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.protections = protections;
        this.log = log;
        this.policies = policies;
        this.customers = customers;
        this.staff = staff;
        this.directory = directory;
        this.notices = notices;
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What a declaration gave: the protection and its end, under which policy version. */
    public record Declared(long customerId, long protectionId, LocalDate endsOn, long policyVersionId) {
    }

    /**
     * The user declares (申报) a customer: one from the public pool they may see, or one of their
     * own that is not protected. A customer protected by someone else is refused with who holds it
     * and until when, nothing more; one owned by someone else without protection with its owner.
     */
    public Declared declare(DataScope scope, long customerId) {
        try {
            return tx.execute(status -> declareNow(scope.userId(), customerId));
        } catch (DataIntegrityViolationException lost) {
            // someone else's declaration committed first: tell who holds it now
            throw tx.execute(status -> protections.open(customerId).map(this::heldBy)
                    .orElseGet(() -> DomainException.conflict("ownership.error.raced")));
        }
    }

    private Declared declareNow(long userId, long customerId) {
        StaffAccount actor = staff.byId(userId).filter(StaffAccount::active).orElseThrow(DomainException::forbidden);
        Customer c = customers.load(customerId).filter(x -> !x.isDeleted()).orElseThrow(DomainException::notFound);
        ProtectionRules rules = ProtectionRules.of(policies.current());
        LocalDate today = clock.today();
        Optional<Protection> open = protections.open(customerId);
        Protection.Source source;
        if (c.getOwnerId() == null) {
            if (!poolScope(actor, rules).covers(null, c.getOfficeId(), c.getDepartmentId(), c.getCompanyId())) {
                throw DomainException.notFound();
            }
            protections.findFirstByCustomerIdAndOwnerIdAndStatusOrderByClosedOnDesc(customerId, userId, Protection.Status.LAPSED)
                    .filter(p -> p.coolingOff(today, rules)).ifPresent(p -> {
                        throw DomainException.conflict("ownership.error.coolOff", p.getClosedOn().plusDays(rules.coolOffDays()).toString());
                    });
            source = Protection.Source.FROM_POOL;
        } else if (c.getOwnerId() == userId) {
            if (open.isPresent()) {
                throw DomainException.conflict("ownership.error.alreadyYours", open.get().getEndsOn().toString());
            }
            source = Protection.Source.DECLARED;
        } else {
            throw open.map(this::heldBy)
                    .orElseGet(() -> DomainException.conflict("ownership.error.owned", notices.nameOf(c.getOwnerId())));
        }
        Protection p = start(customerId, actor, source, today, rules, null);
        customers.assignOwner(customerId, userId, "DECLARE");
        events.publishEvent(new OwnershipChanged(CurrentActor.username(), "CUSTOMER_DECLARED", customerId,
                source + " until " + p.getEndsOn() + " (policy " + rules.versionId() + ")"));
        return new Declared(customerId, p.getId(), p.getEndsOn(), rules.versionId());
    }

    private DomainException heldBy(Protection p) {
        return DomainException.conflict("ownership.error.protected", notices.nameOf(p.getOwnerId()), p.getEndsOn().toString());
    }

    /**
     * A salesperson's newly registered prospect is declared with it (source REGISTERED), in the
     * registering transaction: a new customer has no other claim to race with.
     */
    @EventListener
    void on(CustomerRegistered registered) {
        if (registered.stage() != Stage.PROSPECT && registered.stage() != Stage.DEVELOPING) {
            return;
        }
        staff.byId(registered.ownerId()).filter(a -> a.active() && a.holds(Role.SALES)).ifPresent(owner ->
                start(registered.customerId(), owner, Protection.Source.REGISTERED, clock.today(),
                        ProtectionRules.of(policies.current()), null));
    }

    /**
     * A customer changed hands outside this module (edited in the archive): the old owner's open
     * protection ends as TRANSFERRED, in the same transaction.
     */
    @EventListener
    void on(CustomerReassigned reassigned) {
        protections.open(reassigned.customerId())
                .filter(p -> reassigned.toOwnerId() == null || p.getOwnerId() != reassigned.toOwnerId())
                .ifPresent(p -> {
                    p.close(Protection.Status.TRANSFERRED, clock.today(), CurrentActor.username());
                    protections.flush();
                    log.record(p.getId(), ProtectionLog.Kind.TRANSFERRED, CurrentActor.username(), null, null);
                });
    }

    /**
     * Gives a protected customer up to the pool: the owner does, or (for an expired protection
     * waiting for reassignment, or any customer in their scope) a manager who may transfer.
     */
    @Transactional
    public void release(DataScope scope, long customerId, boolean manager) {
        Customer c = customers.load(customerId).filter(x -> !x.isDeleted()).orElseThrow(DomainException::notFound);
        boolean owner = c.getOwnerId() != null && c.getOwnerId() == scope.userId();
        boolean managing = manager && scope.covers(c.getOwnerId(), c.getOfficeId(), c.getDepartmentId(), c.getCompanyId());
        if (!owner && !managing) {
            throw DomainException.notFound();
        }
        if (c.getOwnerId() == null) {
            throw DomainException.conflict("ownership.error.inPool");
        }
        LocalDate today = clock.today();
        protections.open(customerId).ifPresent(p -> {
            p.close(owner ? Protection.Status.RELEASED : Protection.Status.LAPSED, today, CurrentActor.username());
            protections.flush();
            log.record(p.getId(), owner ? ProtectionLog.Kind.RELEASED : ProtectionLog.Kind.RETURNED_TO_POOL,
                    CurrentActor.username(), null, null);
        });
        customers.assignOwner(customerId, null, "RELEASE");
        events.publishEvent(new OwnershipChanged(CurrentActor.username(), "CUSTOMER_RELEASED", customerId, c.getName()));
    }

    /** A transfer: the given customers, or all of {@code fromUserId}'s, shared in turn among the targets. */
    public record Transfer(List<Long> customerIds, Long fromUserId, List<Long> toUserIds, boolean lead) {
    }

    /** How many customers each target received. */
    public record Transferred(Map<Long, Integer> byTarget, int total) {
    }

    /**
     * A manager hands customers to others (a salesperson leaves, an office is reorganised, a
     * director reassigns an expired protection). Every customer must be in the manager's scope,
     * every target an active salesperson or director in it. A customer that was protected, or any
     * customer given as a lead ({@code lead}), starts a fresh protection for its new owner; leads
     * are marked LEADERSHIP_LEAD for the reward rule. All or nothing.
     */
    @Transactional
    public Transferred transfer(DataScope scope, Transfer t) {
        List<Long> targets = t.toUserIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(t.toUserIds()));
        if (targets.isEmpty()) {
            throw DomainException.invalid("toUserId", "ownership.error.noTarget");
        }
        List<StaffAccount> to = new ArrayList<>();
        for (Long id : targets) {
            StaffAccount a = staff.byId(id).filter(StaffAccount::active)
                    .filter(x -> x.holds(Role.SALES) || x.holds(Role.OFFICE_DIRECTOR))
                    .filter(x -> directory.find(scope, x.id()).isPresent())
                    .orElseThrow(() -> DomainException.invalid("toUserId", "ownership.error.badTarget"));
            to.add(a);
        }
        List<Long> ids = customersToMove(scope, t);
        if (ids.isEmpty()) {
            throw DomainException.invalid("customerIds", "ownership.error.nothingToTransfer");
        }
        ProtectionRules rules = ProtectionRules.of(policies.current());
        LocalDate today = clock.today();
        Map<Long, Integer> byTarget = new LinkedHashMap<>();
        Map<Long, Set<Long>> previousOwners = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            long customerId = ids.get(i);
            StaffAccount target = to.get(i % to.size());
            Customer c = customers.load(customerId).filter(x -> !x.isDeleted())
                    .filter(x -> scope.covers(x.getOwnerId(), x.getOfficeId(), x.getDepartmentId(), x.getCompanyId()))
                    .orElseThrow(DomainException::notFound);
            Optional<Protection> open = protections.open(customerId);
            Protection.Source source = t.lead() ? Protection.Source.LEADERSHIP_LEAD
                    : open.filter(p -> p.getStatus() == Protection.Status.EXPIRED).isPresent()
                    ? Protection.Source.REASSIGNED : Protection.Source.TRANSFER;
            open.ifPresent(p -> {
                p.close(Protection.Status.TRANSFERRED, today, CurrentActor.username());
                protections.flush();
                log.record(p.getId(), ProtectionLog.Kind.TRANSFERRED, CurrentActor.username(), null,
                        notices.nameOf(p.getOwnerId()) + " → " + target.fullName());
            });
            if (open.isPresent() || t.lead()) {
                start(customerId, target, source, today, rules, scope.userId());
            }
            Long previous = customers.assignOwner(customerId, target.id(), t.lead() ? "LEAD" : "TRANSFER");
            if (previous != null && previous != target.id()) {
                previousOwners.computeIfAbsent(previous, k -> new LinkedHashSet<>()).add(customerId);
            }
            byTarget.merge(target.id(), 1, Integer::sum);
        }
        String actor = CurrentActor.username();
        events.publishEvent(new OwnershipChanged(actor, "CUSTOMERS_TRANSFERRED", ids.size() == 1 ? ids.get(0) : 0,
                ids.size() + " customers " + (t.lead() ? "as leads " : "") + "to " + byTarget + "; ids " + abbreviated(ids)));
        byTarget.forEach((target, n) -> notices.tell(Set.of(target), OwnershipNotices.TRANSFERRED,
                "ownership.notice.received", ids.get(0), Integer.toString(n), actor));
        previousOwners.forEach((owner, moved) -> notices.tell(Set.of(owner), OwnershipNotices.TRANSFERRED,
                "ownership.notice.handedOver", moved.iterator().next(), Integer.toString(moved.size()), actor));
        return new Transferred(byTarget, ids.size());
    }

    private List<Long> customersToMove(DataScope scope, Transfer t) {
        if (t.customerIds() != null && !t.customerIds().isEmpty()) {
            if (t.customerIds().size() > MAX_TRANSFER) {
                throw DomainException.invalid("customerIds", "ownership.error.tooMany", MAX_TRANSFER);
            }
            return List.copyOf(new LinkedHashSet<>(t.customerIds()));
        }
        if (t.fromUserId() == null) {
            throw DomainException.invalid("customerIds", "ownership.error.nothingToTransfer");
        }
        DataScope.Predicate p = scope.predicate(new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id"));
        List<Object> params = new ArrayList<>(p.params());
        params.add(t.fromUserId());
        params.add(MAX_TRANSFER + 1);
        List<Long> ids = jdbc.sql("SELECT c.id FROM customer c WHERE " + p.sql()
                        + " AND c.owner_id = ? AND c.deleted_at IS NULL ORDER BY c.id LIMIT ?")
                .params(params).query(Long.class).list();
        if (ids.size() > MAX_TRANSFER) {
            throw DomainException.invalid("customerIds", "ownership.error.tooMany", MAX_TRANSFER);
        }
        return ids;
    }

    /**
     * A signed contract is progress of kind CONTRACT_SIGNED on its customer, recorded by the
     * system for the owner at signing (seed O-21: a deal renews the protection), in the signing
     * transaction. A customer without owner (pool) has no protection to renew.
     */
    @EventListener
    void on(ContractSigned signed) {
        Long owner = signed.placement().ownerId();
        if (owner != null) {
            record(signed.customerId(), owner, ProgressKind.CONTRACT_SIGNED, signed.signedOn(), signed.number());
        }
    }

    /** Progress recorded on a customer; renews the owner's active protection when the policy counts its kind. */
    public record ProgressForm(ProgressKind kind, LocalDate happenedOn, String note) {
    }

    /** Result: whether the protection was renewed, and its end now (null when none is active). */
    public record ProgressRecorded(long progressId, boolean renewed, LocalDate endsOn) {
    }

    @Transactional
    public ProgressRecorded recordProgress(DataScope scope, long customerId, ProgressForm form) {
        customers.load(customerId).filter(x -> !x.isDeleted())
                .filter(x -> scope.covers(x.getOwnerId(), x.getOfficeId(), x.getDepartmentId(), x.getCompanyId()))
                .orElseThrow(DomainException::notFound);
        LocalDate today = clock.today();
        if (form.kind() == null) {
            throw DomainException.invalid("kind", "ownership.error.kindRequired");
        }
        if (form.happenedOn() == null) {
            throw DomainException.invalid("happenedOn", "ownership.error.dateRequired");
        }
        if (form.happenedOn().isAfter(today)) {
            throw DomainException.invalid("happenedOn", "ownership.error.dateFuture");
        }
        if (form.note() != null && form.note().length() > 1000) {
            throw DomainException.invalid("note", "ownership.error.noteLength", 1000);
        }
        return record(customerId, scope.userId(), form.kind(), form.happenedOn(), blankToNull(form.note()));
    }

    private ProgressRecorded record(long customerId, long recordedBy, ProgressKind kind, LocalDate happenedOn, String note) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO customer_progress (customer_id, kind, happened_on, note, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(customerId, kind.name(), happenedOn, note, recordedBy,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        ProtectionRules rules = ProtectionRules.of(policies.current());
        Optional<Protection> active = protections.open(customerId).filter(p -> p.getStatus() == Protection.Status.ACTIVE)
                .filter(p -> !happenedOn.isBefore(p.getStartsOn()));
        boolean renewed = false;
        if (active.isPresent() && rules.renewing().contains(kind)) {
            Protection p = active.get();
            renewed = p.renew(happenedOn, rules);
            if (renewed) {
                protections.flush();
                log.record(p.getId(), ProtectionLog.Kind.RENEWED, CurrentActor.username(), p.getEndsOn(),
                        kind + " " + happenedOn + " (policy " + rules.versionId() + ")");
            }
        }
        events.publishEvent(new OwnershipChanged(CurrentActor.username(), renewed ? "PROTECTION_RENEWED" : "PROGRESS_RECORDED",
                customerId, kind + " " + happenedOn));
        return new ProgressRecorded(id, renewed, protections.open(customerId).map(Protection::getEndsOn).orElse(null));
    }

    /**
     * Corrects when an open protection began (declarations taken over from paper registers or an
     * old system, and the demo): its end follows from the policy in force. Nothing else changes.
     */
    @Transactional
    public void correctStart(long customerId, LocalDate startsOn) {
        Protection p = protections.open(customerId).orElseThrow(DomainException::notFound);
        p.correctStart(startsOn, ProtectionRules.of(policies.current()));
        protections.flush();
    }

    /** The events of a customer's protections, newest first. */
    List<ProtectionLog.Entry> events(long customerId) {
        return log.of(customerId);
    }

    /** Days from today to the end (negative once passed). */
    long daysLeft(LocalDate endsOn) {
        return ChronoUnit.DAYS.between(clock.today(), endsOn);
    }

    /** The part of the pool a user may see: their company's (the group's for group staff), or their office's. */
    static DataScope poolScope(StaffAccount user, ProtectionRules rules) {
        if (rules.poolScope() == ProtectionRules.PoolScope.OFFICE && user.officeId() != null) {
            return new DataScope(user.id(), false, Set.of(), Set.of(user.officeId()), Set.of(), Set.of());
        }
        if (user.groupExecutive()) {
            return DataScope.everything(user.id());
        }
        return new DataScope(user.id(), false, Set.of(), Set.of(), Set.of(), Set.of(user.companyId()));
    }

    /** Opens a protection and logs it; runs inside the caller's transaction. */
    Protection start(long customerId, StaffAccount owner, Protection.Source source, LocalDate startsOn, ProtectionRules rules,
                     Long assignedBy) {
        Protection p = protections.saveAndFlush(Protection.start(customerId,
                new Protection.Owner(owner.id(), owner.officeId(), owner.departmentId(), owner.companyId()), source, startsOn,
                rules, assignedBy));
        log.record(p.getId(), ProtectionLog.Kind.DECLARED, CurrentActor.username(), p.getEndsOn(),
                source + " (policy " + rules.versionId() + ")");
        return p;
    }

    private static String abbreviated(List<Long> ids) {
        return ids.size() <= 20 ? ids.toString() : ids.subList(0, 20) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
