package io.zhidu.crm.policy;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy as people read it: a version laid out by chapter and section, each setting with its
 * value, unit and seed clause; the list of versions with their state on the business date; and the
 * difference between two versions.
 */
@Component
public class PolicyDocuments {

    /** A version's state as of the business date. */
    public enum State {
        DRAFT, IN_APPROVAL, SCHEDULED, EFFECTIVE, SUPERSEDED;

        public String labelKey() {
            return "policy.state." + name();
        }
    }

    public record Summary(long id, String label, State state, LocalDate effectiveFrom, String note, long version) {
    }

    /**
     * @param own false when the version does not hold this setting and the shipped default applies
     */
    record Setting(String key, String field, String clause, String labelKey, String unitKey, SettingType type,
                   String value, String defaultValue, boolean own, List<String> choices) {

        /** The picked codes of a CHOICES setting. */
        public List<String> picked() {
            return value.isEmpty() ? List.of() : List.of(value.split(","));
        }
    }

    record Section(String key, String titleKey, List<Setting> settings) {
    }

    record Chapter(PolicyChapter chapter, String labelKey, List<Section> sections) {
    }

    record Document(Summary summary, List<Chapter> chapters) {
    }

    record Difference(String field, String clause, String labelKey, String unitKey, SettingType type, String from, String to) {

        /** Message keys of the two values when they are codes (CHOICES, BOOLEAN); the values themselves otherwise. */
        public List<String> fromKeys() {
            return keys(from);
        }

        public List<String> toKeys() {
            return keys(to);
        }

        private List<String> keys(String value) {
            return switch (type) {
                case CHOICES -> value.isEmpty() ? List.of() : java.util.Arrays.stream(value.split(",")).map(c -> labelKey + "." + c).toList();
                case BOOLEAN -> List.of("policy.bool." + value);
                case CHOICE -> List.of(labelKey + "." + value);
                default -> List.of();
            };
        }
    }

    private final PolicyVersions versions;
    private final Policies policies;
    private final BusinessClock clock;

    PolicyDocuments(PolicyVersions versions, Policies policies, BusinessClock clock) {
        this.versions = versions;
        this.policies = policies;
        this.clock = clock;
    }

    /** Every version, newest first, with its state today. */
    @Transactional(readOnly = true)
    List<Summary> versions() {
        long inForce = policies.current().versionId();
        LocalDate today = clock.today();
        return versions.findTop200ByCompanyIdIsNullOrderByIdDesc().stream().map(v -> summary(v, inForce, today)).toList();
    }

    @Transactional(readOnly = true)
    Document document(long id) {
        PolicyVersion v = versions.findById(id).orElseThrow(DomainException::notFound);
        return document(v, v.getSettings());
    }

    /** A draft as the user typed it, to show again with the errors. */
    @Transactional(readOnly = true)
    Document document(long id, Map<String, String> typed) {
        PolicyVersion v = versions.findById(id).orElseThrow(DomainException::notFound);
        Map<String, String> values = new LinkedHashMap<>(v.getSettings());
        values.putAll(typed);
        return document(v, values);
    }

    @Transactional(readOnly = true)
    Document effective() {
        return document(policies.current().versionId());
    }

    /** The settings whose values differ between two versions (defaults filled in on both sides). */
    @Transactional(readOnly = true)
    List<Difference> diff(long fromId, long toId) {
        Map<String, String> from = policies.complete(versions.findById(fromId).orElseThrow(DomainException::notFound).getSettings());
        Map<String, String> to = policies.complete(versions.findById(toId).orElseThrow(DomainException::notFound).getSettings());
        List<Difference> out = new ArrayList<>();
        for (PolicySection s : policies.sections()) {
            for (PolicySetting setting : s.settings()) {
                String field = s.key() + "." + setting.key();
                if (!Objects.equals(from.get(field), to.get(field))) {
                    out.add(new Difference(field, setting.clause(), setting.labelKey(), setting.unitKey(), setting.type(),
                            from.get(field), to.get(field)));
                }
            }
        }
        return out;
    }

    Summary summary(PolicyVersion v) {
        return summary(v, policies.current().versionId(), clock.today());
    }

    private Document document(PolicyVersion v, Map<String, String> own) {
        Map<String, String> all = policies.complete(own);
        Map<PolicyChapter, List<Section>> byChapter = new LinkedHashMap<>();
        for (PolicySection s : policies.sections()) {
            List<Setting> settings = s.settings().stream().map(st -> {
                String field = s.key() + "." + st.key();
                return new Setting(st.key(), field, st.clause(), st.labelKey(), st.unitKey(), st.type(), all.get(field),
                        st.defaultValue(), own.containsKey(field), st.choices());
            }).toList();
            byChapter.computeIfAbsent(s.chapter(), c -> new ArrayList<>()).add(new Section(s.key(), s.titleKey(), settings));
        }
        List<Chapter> chapters = byChapter.entrySet().stream()
                .map(e -> new Chapter(e.getKey(), e.getKey().labelKey(), e.getValue())).toList();
        return new Document(summary(v), chapters);
    }

    private static Summary summary(PolicyVersion v, long inForce, LocalDate today) {
        State state = switch (v.getStatus()) {
            case DRAFT -> State.DRAFT;
            case IN_APPROVAL -> State.IN_APPROVAL;
            case APPROVED -> v.getId() == inForce ? State.EFFECTIVE
                    : v.getEffectiveFrom().isAfter(today) ? State.SCHEDULED : State.SUPERSEDED;
        };
        return new Summary(v.getId(), v.getLabel(), state, v.getEffectiveFrom(), v.getNote(), v.getVersion());
    }
}
