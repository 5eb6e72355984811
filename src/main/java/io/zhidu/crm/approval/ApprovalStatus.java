package io.zhidu.crm.approval;

/** Where a request stands: open while PENDING, then closed with its outcome. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN;

    public String labelKey() {
        return "approval.status." + name();
    }

}
