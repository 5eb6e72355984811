package io.zhidu.crm.customer;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on the archive for the audit log: CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_DELETED,
 * CUSTOMER_RESTORED, CUSTOMER_VIEWED (a full archive opened: the policy's 借阅 record),
 * CUSTOMER_EXPORTED, CONTACT_ADDED.
 */
public record CustomerChanged(String actor, String action, long customerId, String detail) implements Audited {

    static final String VIEWED = "CUSTOMER_VIEWED";

    @Override
    public String subjectType() {
        return "CUSTOMER";
    }

    @Override
    public String subjectId() {
        return customerId == 0 ? null : Long.toString(customerId);
    }
}
