package io.zhidu.crm.credit;

/** Where a credit change stands. */
public enum ChangeStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN;

    /** The Bootstrap badge colour of the status. */
    public String badge() {
        return switch (this) {
            case PENDING -> "text-bg-warning";
            case APPROVED -> "text-bg-success";
            case REJECTED -> "text-bg-danger";
            case WITHDRAWN -> "text-bg-secondary";
        };
    }

    public String labelKey() {
        return "credit.status." + name();
    }
}
