package io.zhidu.crm.credit;

/** Where a credit change stands. */
public enum ChangeStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN;

    public String labelKey() {
        return "credit.status." + name();
    }
}
