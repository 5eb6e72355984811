package io.zhidu.crm.policy;

import io.zhidu.crm.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * One version of the policy set. Drafts are edited freely; a submitted version waits for its
 * approvers and is frozen; an approved version is in force from {@code effectiveFrom} until a later
 * approved version takes over. Values are keyed {@code section.setting}; a setting missing from a
 * version reads as its shipped default (sections added by later releases).
 */
@Entity
class PolicyVersion {

    /** What was stored: whether it is in force on a date follows from the dates of approved versions. */
    enum Status {
        DRAFT, IN_APPROVAL, APPROVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** Null: the group-wide policy; otherwise one company's own. */
    private Long companyId;
    private String label;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate effectiveFrom;
    private String note;
    private Long basedOn;
    private long createdBy;
    private Instant createdAt;
    private Instant submittedAt;
    private Instant approvedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "policy_setting", joinColumns = @JoinColumn(name = "version_id"))
    @MapKeyColumn(name = "setting_key")
    @Column(name = "setting_value")
    private Map<String, String> settings = new HashMap<>();

    protected PolicyVersion() {
    }

    static PolicyVersion draft(String label, LocalDate effectiveFrom, String note, PolicyVersion base,
                               Map<String, String> values, long createdBy, Instant now) {
        PolicyVersion v = new PolicyVersion();
        v.label = label;
        v.effectiveFrom = effectiveFrom;
        v.note = note;
        v.basedOn = base == null ? null : base.id;
        v.companyId = base == null ? null : base.companyId;
        v.settings.putAll(values);
        v.status = Status.DRAFT;
        v.createdBy = createdBy;
        v.createdAt = now;
        return v;
    }

    /** Changes a draft's header and values; anything else is frozen. */
    void revise(String newLabel, LocalDate newEffectiveFrom, String newNote, Map<String, String> values) {
        requireDraft();
        label = newLabel;
        effectiveFrom = newEffectiveFrom;
        note = newNote;
        settings.putAll(values);
    }

    void submit(Instant now) {
        requireDraft();
        status = Status.IN_APPROVAL;
        submittedAt = now;
    }

    /**
     * The approvers said yes: in force from the planned date, or from {@code today} when that date
     * has passed while it waited (a policy never applies retroactively).
     */
    void approve(LocalDate today, Instant now) {
        if (status != Status.IN_APPROVAL) {
            throw DomainException.conflict("policy.error.notInApproval");
        }
        status = Status.APPROVED;
        approvedAt = now;
        if (effectiveFrom.isBefore(today)) {
            effectiveFrom = today;
        }
    }

    /** Rejected or withdrawn: editable again. */
    void returnToDraft() {
        if (status == Status.IN_APPROVAL) {
            status = Status.DRAFT;
            submittedAt = null;
        }
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw DomainException.conflict("policy.error.notDraft");
        }
    }

    Long getId() {
        return id;
    }

    Long getCompanyId() {
        return companyId;
    }

    String getLabel() {
        return label;
    }

    Status getStatus() {
        return status;
    }

    LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    String getNote() {
        return note;
    }

    Long getBasedOn() {
        return basedOn;
    }

    long getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    long getVersion() {
        return version;
    }

    Map<String, String> getSettings() {
        return Map.copyOf(settings);
    }
}
