package io.zhidu.crm.credit;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on a customer's credit file, for the audit log: INVESTIGATION_RECORDED (subject
 * CREDIT_INVESTIGATION), SLIP_RECORDED and SLIP_HANDLED (subject CREDIT_SLIP), and
 * CREDIT_FILES_EXPORTED (no subject).
 */
public record CreditFileChanged(String actor, String action, String subjectType, Long id, String detail) implements Audited {

    @Override
    public String subjectId() {
        return id == null ? null : Long.toString(id);
    }
}
