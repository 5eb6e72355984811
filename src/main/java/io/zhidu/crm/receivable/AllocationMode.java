package io.zhidu.crm.receivable;

/**
 * How a payment is allocated: {@code AUTO} oldest due first at entry (the surplus settles the
 * customer's next receivables), or {@code MANUAL}: finance allocates it by hand to chosen
 * receivables, and until then no new receivable consumes it.
 */
public enum AllocationMode {
    AUTO, MANUAL;

    public String labelKey() {
        return "receivable.allocation." + name();
    }
}
