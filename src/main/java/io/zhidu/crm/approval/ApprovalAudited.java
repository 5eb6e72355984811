package io.zhidu.crm.approval;

import io.zhidu.crm.shared.audit.Audited;

/** An act on a request for the audit log: APPROVAL_SUBMITTED, _APPROVED (one step), _REJECTED, _WITHDRAWN. */
public record ApprovalAudited(String actor, String action, long approvalId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "APPROVAL";
    }

    @Override
    public String subjectId() {
        return Long.toString(approvalId);
    }
}
