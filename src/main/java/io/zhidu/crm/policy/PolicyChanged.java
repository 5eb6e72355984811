package io.zhidu.crm.policy;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on the policy for the audit log: POLICY_DRAFTED, POLICY_REVISED (old → new per
 * setting), POLICY_DISCARDED, POLICY_SUBMITTED, POLICY_APPROVED, POLICY_RETURNED.
 */
record PolicyChanged(String actor, String action, long versionId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "POLICY_VERSION";
    }

    @Override
    public String subjectId() {
        return Long.toString(versionId);
    }
}
