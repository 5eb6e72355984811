package io.zhidu.crm.receivable;

/** Where a receivable stands: something still open, fully paid, or written off as bad debt. */
public enum ReceivableStatus {
    OPEN, PAID, WRITTEN_OFF;

    public String labelKey() {
        return "receivable.status." + name();
    }
}
