package io.zhidu.crm.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rules of one policy version, complete: every setting of every declared section has a value
 * (the version's own, else the shipped default). Decisions read their numbers here and keep the
 * {@link #versionId()} or a {@link #cite citation} so they can explain themselves later.
 */
public final class PolicyRules {

    private final long versionId;
    private final String label;
    private final LocalDate effectiveFrom;
    private final Map<String, PolicySection> sections;
    private final Map<String, String> values;

    PolicyRules(long versionId, String label, LocalDate effectiveFrom, Map<String, PolicySection> sections,
                Map<String, String> values) {
        this.versionId = versionId;
        this.label = label;
        this.effectiveFrom = effectiveFrom;
        this.sections = sections;
        this.values = Map.copyOf(values);
    }

    public long versionId() {
        return versionId;
    }

    public String label() {
        return label;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public int integer(String section, String key) {
        return Integer.parseInt(value(section, key));
    }

    public BigDecimal decimal(String section, String key) {
        return new BigDecimal(value(section, key));
    }

    public boolean flag(String section, String key) {
        return Boolean.parseBoolean(value(section, key));
    }

    /** The code of a CHOICE setting. */
    public String choice(String section, String key) {
        return value(section, key);
    }

    /** The picked codes of a CHOICES setting, in the list's order. */
    public List<String> choices(String section, String key) {
        String v = value(section, key);
        return v.isEmpty() ? List.of() : Arrays.asList(v.split(","));
    }

    /** The setting as applied, for a decision to record or show. */
    public PolicyCitation cite(String section, String key) {
        PolicySetting s = setting(section, key);
        return new PolicyCitation(versionId, label, s.clause(), s.labelKey(), value(section, key));
    }

    /** The value in normal form. Unknown sections and keys are programming errors. */
    public String value(String section, String key) {
        setting(section, key);
        return values.get(section + "." + key);
    }

    private PolicySetting setting(String section, String key) {
        PolicySection s = sections.get(section);
        if (s == null) {
            throw new IllegalArgumentException("no policy section " + section);
        }
        return s.setting(key).orElseThrow(() -> new IllegalArgumentException("no policy setting " + section + "." + key));
    }
}
