package io.zhidu.crm.receivable;

/** How a payment came in: bank transfer, acceptance bill (承兑汇票), cash or otherwise. */
public enum PaymentMethod {
    BANK_TRANSFER, ACCEPTANCE_BILL, CASH, OTHER;

    public String labelKey() {
        return "receivable.method." + name();
    }
}
