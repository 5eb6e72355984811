package io.zhidu.crm.ownership;

import io.zhidu.crm.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * One salesperson's protection of one customer (申报保护). Open while ACTIVE, or EXPIRED and
 * waiting for the director; at most one open protection per customer (the database enforces it
 * through {@code open_customer_id}). Closed as RELEASED (given up), LAPSED (back to the pool) or
 * TRANSFERRED (handed to someone else).
 */
@Entity
class Protection {

    enum Status {
        ACTIVE, EXPIRED, RELEASED, LAPSED, TRANSFERRED;

        public String labelKey() {
            return "ownership.status." + name();
        }

        boolean open() {
            return this == ACTIVE || this == EXPIRED;
        }
    }

    /** How the owner came to hold it; LEADERSHIP_LEAD marks leads handed out by leadership (reward rule, O-21). */
    enum Source {
        REGISTERED, DECLARED, FROM_POOL, LEADERSHIP_LEAD, TRANSFER, REASSIGNED;

        public String labelKey() {
            return "ownership.source." + name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long customerId;
    private Long openCustomerId;
    private long ownerId;
    private Long officeId;
    private long departmentId;
    private long companyId;
    @Enumerated(EnumType.STRING)
    private Source source;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private LocalDate warnedOn;
    private LocalDate expiredOn;
    private LocalDate closedOn;
    private String closedBy;
    private long policyVersionId;
    private Long assignedBy;
    @Version
    private long version;

    protected Protection() {
    }

    /** A protection from {@code startsOn} for the period the policy version sets. */
    static Protection start(long customerId, Owner owner, Source source, LocalDate startsOn, ProtectionRules rules,
                            Long assignedBy) {
        Protection p = new Protection();
        p.customerId = customerId;
        p.openCustomerId = customerId;
        p.ownerId = owner.id();
        p.officeId = owner.officeId();
        p.departmentId = owner.departmentId();
        p.companyId = owner.companyId();
        p.source = source;
        p.status = Status.ACTIVE;
        p.startsOn = startsOn;
        p.endsOn = startsOn.plusMonths(rules.periodMonths());
        p.policyVersionId = rules.versionId();
        p.assignedBy = assignedBy;
        return p;
    }

    /** Where a protection's owner sits, copied so scoped lists need no join. */
    record Owner(long id, Long officeId, long departmentId, long companyId) {
    }

    /**
     * Progress on {@code on} renews an active protection: a new full period from that day, never
     * shortening it. Returns whether the end moved.
     */
    boolean renew(LocalDate on, ProtectionRules rules) {
        requireStatus(Status.ACTIVE);
        LocalDate newEnd = on.plusMonths(rules.periodMonths());
        if (!newEnd.isAfter(endsOn)) {
            return false;
        }
        endsOn = newEnd;
        warnedOn = null;
        policyVersionId = rules.versionId();
        return true;
    }

    /** The declaration really began on another day (taken over from paper registers): the end follows. */
    void correctStart(LocalDate actualStart, ProtectionRules rules) {
        requireStatus(Status.ACTIVE);
        startsOn = actualStart;
        endsOn = actualStart.plusMonths(rules.periodMonths());
        warnedOn = null;
    }

    /** The advance warning went out; it is sent once per period. */
    void warned(LocalDate on) {
        warnedOn = on;
    }

    /** The period ran out: waits for the director (EXPIRED), still open. */
    void expire(LocalDate on) {
        requireStatus(Status.ACTIVE);
        status = Status.EXPIRED;
        expiredOn = on;
    }

    /** The owner gives it up, or it goes back to the pool, or it passes to someone else. */
    void close(Status how, LocalDate on, String by) {
        if (!status.open()) {
            throw DomainException.conflict("ownership.error.closed");
        }
        if (how.open()) {
            throw new IllegalArgumentException(how.name());
        }
        status = how;
        closedOn = on;
        closedBy = by;
        openCustomerId = null;
    }

    /** Is the cool-off after a lapse still running on {@code today}? */
    boolean coolingOff(LocalDate today, ProtectionRules rules) {
        return status == Status.LAPSED && closedOn != null && today.isBefore(closedOn.plusDays(rules.coolOffDays()));
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw DomainException.conflict("ownership.error.notActive");
        }
    }

    Long getId() {
        return id;
    }

    long getCustomerId() {
        return customerId;
    }

    long getOwnerId() {
        return ownerId;
    }

    Long getOfficeId() {
        return officeId;
    }

    Source getSource() {
        return source;
    }

    Status getStatus() {
        return status;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    LocalDate getWarnedOn() {
        return warnedOn;
    }

    LocalDate getExpiredOn() {
        return expiredOn;
    }

    LocalDate getClosedOn() {
        return closedOn;
    }

    long getPolicyVersionId() {
        return policyVersionId;
    }

    long getVersion() {
        return version;
    }
}
