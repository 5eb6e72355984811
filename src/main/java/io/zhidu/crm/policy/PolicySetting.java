package io.zhidu.crm.policy;

import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One rule of a {@link PolicySection}: its key (unique in the section), the seed clause it
 * implements, a label and unit (message keys of the owning module), its type, the shipped
 * default and its limits. {@link #normalise} is the single check every new value passes.
 *
 * @param choices for {@link SettingType#CHOICES}: the allowed codes in display order; the label of
 *                a code is {@code labelKey + "." + code}
 */
public record PolicySetting(String key, String clause, String labelKey, String unitKey, SettingType type,
                            String defaultValue, BigDecimal min, BigDecimal max, List<String> choices) {

    public PolicySetting {
        choices = List.copyOf(choices);
    }

    public static PolicySetting integer(String key, String clause, String labelKey, String unitKey, int defaultValue,
                                        int min, int max) {
        return new PolicySetting(key, clause, labelKey, unitKey, SettingType.INTEGER, Integer.toString(defaultValue),
                BigDecimal.valueOf(min), BigDecimal.valueOf(max), List.of());
    }

    public static PolicySetting decimal(String key, String clause, String labelKey, String unitKey, String defaultValue,
                                        String min, String max) {
        return new PolicySetting(key, clause, labelKey, unitKey, SettingType.DECIMAL, defaultValue, new BigDecimal(min),
                new BigDecimal(max), List.of());
    }

    public static PolicySetting flag(String key, String clause, String labelKey, boolean defaultValue) {
        return new PolicySetting(key, clause, labelKey, null, SettingType.BOOLEAN, Boolean.toString(defaultValue), null,
                null, List.of());
    }

    public static PolicySetting choices(String key, String clause, String labelKey, List<String> allowed,
                                        List<String> defaults) {
        return new PolicySetting(key, clause, labelKey, null, SettingType.CHOICES, String.join(",", defaults), null, null,
                allowed);
    }

    public static PolicySetting choice(String key, String clause, String labelKey, List<String> allowed, String defaultValue) {
        return new PolicySetting(key, clause, labelKey, null, SettingType.CHOICE, defaultValue, null, null, allowed);
    }

    /**
     * The value in normal form, or INVALID (field = {@code section.key}) when it is not a value of
     * this setting: not a number, out of range, an unknown choice.
     */
    public String normalise(String sectionKey, String raw) {
        String field = sectionKey + "." + key;
        String v = raw == null ? "" : raw.trim();
        switch (type) {
            case INTEGER, DECIMAL -> {
                BigDecimal n;
                try {
                    n = new BigDecimal(v);
                } catch (NumberFormatException e) {
                    throw DomainException.invalid(field, type == SettingType.INTEGER ? "policy.error.integer" : "policy.error.decimal");
                }
                if (type == SettingType.INTEGER && n.stripTrailingZeros().scale() > 0) {
                    throw DomainException.invalid(field, "policy.error.integer");
                }
                if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                    throw DomainException.invalid(field, "policy.error.range", min.toPlainString(), max.toPlainString());
                }
                return type == SettingType.INTEGER ? n.toBigInteger().toString() : n.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw DomainException.invalid(field, "policy.error.boolean");
                }
                return b;
            }
            case CHOICE -> {
                if (!choices.contains(v)) {
                    throw DomainException.invalid(field, "policy.error.choice", v);
                }
                return v;
            }
            case CHOICES -> {
                Set<String> picked = new LinkedHashSet<>();
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        picked.add(part.trim());
                    }
                }
                List<String> ordered = new ArrayList<>();
                for (String p : picked) {
                    if (!choices.contains(p)) {
                        throw DomainException.invalid(field, "policy.error.choice", p);
                    }
                }
                for (String c : choices) {
                    if (picked.contains(c)) {
                        ordered.add(c);
                    }
                }
                return String.join(",", ordered);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }
}
