package io.zhidu.crm.credit;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on a customer's credit, for the audit log: CREDIT_PROPOSED, CREDIT_APPROVED,
 * CREDIT_REJECTED, CREDIT_WITHDRAWN, CREDIT_HELD, CREDIT_RELEASE_PROPOSED, CREDIT_RELEASED,
 * CREDIT_CARD_PRINTED.
 */
public record CreditChanged(String actor, String action, long customerId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "CUSTOMER_CREDIT";
    }

    @Override
    public String subjectId() {
        return Long.toString(customerId);
    }
}
