package io.zhidu.crm.ownership;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One target of an office's new-customer development plan (新客户开发计划, seed 6.2.4-3(2)): a
 * prospect, who develops it and by when. Its progress is read from the linked customer (declared,
 * won); only giving a target up is stored here.
 */
@Entity
class DevelopmentPlan {

    enum Status {
        OPEN, DROPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long officeId;
    private long departmentId;
    private long companyId;
    private String prospectName;
    private Long customerId;
    private long ownerId;
    private LocalDate targetDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String note;
    private long createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected DevelopmentPlan() {
    }

    static DevelopmentPlan target(long officeId, long departmentId, long companyId, String prospectName, Long customerId,
                                  long ownerId, LocalDate targetDate, String note, long createdBy, Instant now) {
        DevelopmentPlan p = new DevelopmentPlan();
        p.officeId = officeId;
        p.departmentId = departmentId;
        p.companyId = companyId;
        p.status = Status.OPEN;
        p.createdBy = createdBy;
        p.createdAt = now;
        p.revise(prospectName, customerId, ownerId, targetDate, note);
        return p;
    }

    void revise(String newProspectName, Long newCustomerId, long newOwnerId, LocalDate newTargetDate, String newNote) {
        prospectName = newProspectName;
        customerId = newCustomerId;
        ownerId = newOwnerId;
        targetDate = newTargetDate;
        note = newNote;
    }

    void drop() {
        status = Status.DROPPED;
    }

    void reopen() {
        status = Status.OPEN;
    }

    Long getId() {
        return id;
    }

    long getOfficeId() {
        return officeId;
    }

    long getDepartmentId() {
        return departmentId;
    }

    long getCompanyId() {
        return companyId;
    }

    long getOwnerId() {
        return ownerId;
    }

    long getVersion() {
        return version;
    }
}
