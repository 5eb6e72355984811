package io.zhidu.crm.policy;

import java.util.List;
import java.util.Optional;

/**
 * A part of the policy owned by one module (e.g. {@code protection} by ownership), declared as a
 * bean there. Its settings' defaults are the shipped policy; versions store the values in force.
 *
 * @param key      stable lower-case key, unique across sections
 * @param chapter  where the section stands in the policy document
 * @param titleKey message key of its heading (owning module's bundle)
 * @param order    position inside the chapter
 */
public record PolicySection(String key, PolicyChapter chapter, String titleKey, int order, List<PolicySetting> settings) {

    public PolicySection {
        settings = List.copyOf(settings);
    }

    public Optional<PolicySetting> setting(String settingKey) {
        return settings.stream().filter(s -> s.key().equals(settingKey)).findFirst();
    }
}
