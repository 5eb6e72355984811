package io.zhidu.crm.approval;

/** How a request ended. */
public enum ApprovalOutcome {
    /** Every step approved. */
    APPROVED,
    /** One approver rejected it (with a reason); later steps were not asked. */
    REJECTED,
    /** The requester took it back while it was open. */
    WITHDRAWN
}
