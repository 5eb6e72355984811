package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on receivables or payments for the audit log: RECEIVABLE_RAISED, PAYMENT_RECORDED,
 * PAYMENT_REVERSED, WRITE_OFF_PROPOSED, RECEIVABLE_WRITTEN_OFF, COLLECTION_ACTION.
 */
public record ReceivableChanged(String actor, String action, String subjectType, long id, String detail) implements Audited {

    @Override
    public String subjectId() {
        return Long.toString(id);
    }
}
