package io.zhidu.crm.ownership;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An ownership act for the audit log: CUSTOMER_DECLARED, PROTECTION_RENEWED, CUSTOMER_RELEASED,
 * CUSTOMERS_TRANSFERRED, PROTECTION_EXPIRED, CUSTOMER_RETURNED_TO_POOL, PROGRESS_RECORDED,
 * PLAN_SAVED; the detail names the policy version that decided it.
 */
record OwnershipChanged(String actor, String action, long customerId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return customerId == 0 ? null : "CUSTOMER";
    }

    @Override
    public String subjectId() {
        return customerId == 0 ? null : Long.toString(customerId);
    }
}
