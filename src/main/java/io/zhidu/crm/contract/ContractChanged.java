package io.zhidu.crm.contract;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on a contract for the audit log: CONTRACT_DRAFTED, CONTRACT_SUBMITTED, CONTRACT_APPROVED,
 * CONTRACT_RETURNED, CONTRACT_SIGNED, CONTRACT_SHIPPED, CONTRACT_COMPLETED, CONTRACT_TERMINATED,
 * CONTRACT_IMPORTED.
 */
public record ContractChanged(String actor, String action, long contractId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "CONTRACT";
    }

    @Override
    public String subjectId() {
        return Long.toString(contractId);
    }
}
