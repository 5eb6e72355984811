package io.zhidu.crm.policy;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.time.BusinessClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the policy: a draft copies the rules in force, is edited (every value checked against
 * its setting), then goes to the approvers the governance section names. Only one draft or
 * submitted version exists at a time, so approvers never weigh two competing changes.
 */
@Service
public class PolicyManagement {

    static final int MAX_LABEL = 40;
    static final int MAX_NOTE = 500;

    private final PolicyVersions versions;
    private final Policies policies;
    private final PolicyDocuments documents;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    PolicyManagement(PolicyVersions versions, Policies policies, PolicyDocuments documents, BusinessClock clock,
                     ApplicationEventPublisher events) {
        this.versions = versions;
        this.policies = policies;
        this.documents = documents;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public PolicyDocuments.Summary draft(PolicyForms.Draft form, long userId) {
        if (versions.existsByStatusIn(List.of(PolicyVersion.Status.DRAFT, PolicyVersion.Status.IN_APPROVAL))) {
            throw DomainException.conflict("policy.error.draftExists");
        }
        String label = checkHeader(form, null);
        PolicyRules current = policies.current();
        PolicyVersion base = versions.findById(current.versionId()).orElseThrow();
        PolicyVersion draft = versions.save(PolicyVersion.draft(label, form.effectiveFrom(), note(form), base,
                policies.complete(base.getSettings()), userId, clock.instant()));
        events.publishEvent(new PolicyChanged(CurrentActor.username(), "POLICY_DRAFTED", draft.getId(),
                label + " ← " + current.label()));
        return documents.summary(draft);
    }

    /**
     * Every problem with the typed values, by field ({@code section.setting}); empty when all are
     * values of their settings. Unknown fields are ignored.
     */
    Map<String, DomainException> check(Map<String, String> typed) {
        Map<String, DomainException> errors = new LinkedHashMap<>();
        normalise(typed, errors);
        return errors;
    }

    /** Re-heads a draft and sets the typed values; all or nothing. */
    @Transactional
    public PolicyDocuments.Summary revise(long id, long expectedVersion, PolicyForms.Draft form, Map<String, String> typed) {
        PolicyVersion v = versions.findById(id).orElseThrow(DomainException::notFound);
        if (v.getVersion() != expectedVersion) {
            throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
        }
        String label = checkHeader(form, id);
        Map<String, DomainException> errors = new LinkedHashMap<>();
        Map<String, String> values = normalise(typed, errors);
        if (!errors.isEmpty()) {
            throw errors.values().iterator().next();
        }
        Map<String, String> before = v.getSettings();
        List<String> changes = new ArrayList<>();
        values.forEach((k, val) -> {
            if (!Objects.equals(before.get(k), val)) {
                changes.add(k + ": " + before.get(k) + " → " + val);
            }
        });
        v.revise(label, form.effectiveFrom(), note(form), values);
        versions.flush();
        events.publishEvent(new PolicyChanged(CurrentActor.username(), "POLICY_REVISED", id, String.join("; ", changes)));
        return documents.summary(v);
    }

    @Transactional
    void discard(long id) {
        PolicyVersion v = versions.findById(id).orElseThrow(DomainException::notFound);
        if (v.getStatus() != PolicyVersion.Status.DRAFT) {
            throw DomainException.conflict("policy.error.notDraft");
        }
        versions.delete(v);
        events.publishEvent(new PolicyChanged(CurrentActor.username(), "POLICY_DISCARDED", id, v.getLabel()));
    }

    private String checkHeader(PolicyForms.Draft form, Long self) {
        String label = form.label() == null ? "" : form.label().trim();
        if (label.isEmpty()) {
            throw DomainException.invalid("label", "policy.error.labelRequired");
        }
        if (label.length() > MAX_LABEL) {
            throw DomainException.invalid("label", "policy.error.labelLength", MAX_LABEL);
        }
        versions.findByLabel(label).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw DomainException.invalid("label", "policy.error.labelTaken", label);
        });
        if (form.effectiveFrom() == null) {
            throw DomainException.invalid("effectiveFrom", "policy.error.effectiveFromRequired");
        }
        if (form.effectiveFrom().isBefore(clock.today())) {
            throw DomainException.invalid("effectiveFrom", "policy.error.effectiveFromPast");
        }
        if (form.note() != null && form.note().length() > MAX_NOTE) {
            throw DomainException.invalid("note", "policy.error.noteLength", MAX_NOTE);
        }
        return label;
    }

    private static String note(PolicyForms.Draft form) {
        return form.note() == null || form.note().isBlank() ? null : form.note().trim();
    }

    private Map<String, String> normalise(Map<String, String> typed, Map<String, DomainException> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PolicySection s : policies.sections()) {
            for (PolicySetting setting : s.settings()) {
                String field = s.key() + "." + setting.key();
                if (!typed.containsKey(field)) {
                    continue;
                }
                try {
                    values.put(field, setting.normalise(s.key(), typed.get(field)));
                } catch (DomainException e) {
                    errors.put(field, e);
                }
            }
        }
        return values;
    }
}
