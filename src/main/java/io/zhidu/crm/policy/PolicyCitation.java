package io.zhidu.crm.policy;

/**
 * The rule behind a decision, for the decision to record and show: "制度 v2026-01 §O-21 保护期 2 个月".
 *
 * @param versionId    the policy version that was in force
 * @param versionLabel its label, e.g. {@code v2026-01}
 * @param clause       the seed clause the setting implements, e.g. {@code O-21}
 * @param labelKey     message key of the setting's label
 * @param value        the value that was applied, in normal form
 */
public record PolicyCitation(long versionId, String versionLabel, String clause, String labelKey, String value) {
}
