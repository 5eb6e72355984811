package io.zhidu.crm.receivable;

/** A payment is recorded until finance reverses it; it is never deleted. */
public enum PaymentStatus {
    RECORDED, REVERSED;

    public String labelKey() {
        return "receivable.paymentStatus." + name();
    }
}
