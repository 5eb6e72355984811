package io.zhidu.crm.policy;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which rules apply: the approved version in force on a date (the newest whose effective date has
 * come), complete with shipped defaults for settings it does not hold. Approved versions never
 * change, so their rules are cached by id; only "which one is in force" is asked of the database.
 */
@Service
public class Policies {

    private final PolicyVersions versions;
    private final BusinessClock clock;
    private final Map<String, PolicySection> sections;
    private final Map<Long, PolicyRules> approved = new ConcurrentHashMap<>();

    Policies(PolicyVersions versions, BusinessClock clock, List<PolicySection> declared) {
        this.versions = versions;
        this.clock = clock;
        Map<String, PolicySection> byKey = new LinkedHashMap<>();
        declared.stream().sorted(Comparator.comparing(PolicySection::chapter).thenComparingInt(PolicySection::order))
                .forEach(s -> {
                    if (byKey.put(s.key(), s) != null) {
                        throw new IllegalStateException("policy section declared twice: " + s.key());
                    }
                });
        this.sections = byKey;
    }

    /** The rules in force today (business date). */
    @Transactional(readOnly = true)
    public PolicyRules current() {
        return on(clock.today());
    }

    /** The rules in force on a date; before the first version's date, the first version's. */
    @Transactional(readOnly = true)
    public PolicyRules on(LocalDate date) {
        List<PolicyVersion> found = versions.approvedOnOrBefore(date, PageRequest.of(0, 1));
        if (found.isEmpty()) {
            found = versions.approvedOnOrBefore(LocalDate.of(9999, 12, 31), PageRequest.of(0, 1000));
            if (found.isEmpty()) {
                throw new IllegalStateException("no approved policy version (migration V13 ships the first)");
            }
            found = List.of(found.get(found.size() - 1));
        }
        return rules(found.get(0));
    }

    /** The rules of one version, whatever its state: to explain a decision taken under it. */
    @Transactional(readOnly = true)
    public PolicyRules version(long id) {
        PolicyRules cached = approved.get(id);
        return cached != null ? cached : rules(versions.findById(id).orElseThrow(DomainException::notFound));
    }

    /** Every declared section, in document order (chapter, then order). */
    public List<PolicySection> sections() {
        return List.copyOf(sections.values());
    }

    Map<String, PolicySection> sectionsByKey() {
        return sections;
    }

    PolicyRules rules(PolicyVersion v) {
        if (v.getStatus() == PolicyVersion.Status.APPROVED) {
            return approved.computeIfAbsent(v.getId(), id -> build(v));
        }
        return build(v);
    }

    /** The version's own values plus the defaults of settings it lacks. */
    Map<String, String> complete(Map<String, String> own) {
        Map<String, String> all = new HashMap<>();
        for (PolicySection s : sections.values()) {
            for (PolicySetting setting : s.settings()) {
                String key = s.key() + "." + setting.key();
                all.put(key, own.getOrDefault(key, setting.defaultValue()));
            }
        }
        return all;
    }

    private PolicyRules build(PolicyVersion v) {
        return new PolicyRules(v.getId(), v.getLabel(), v.getEffectiveFrom(), sections, complete(v.getSettings()));
    }
}
