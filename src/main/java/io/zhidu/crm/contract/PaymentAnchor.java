package io.zhidu.crm.contract;

/** What an installment's due date counts from: the signing date or the shipment date. */
public enum PaymentAnchor {
    SIGNING, SHIPMENT;

    public String labelKey() {
        return "contract.anchor." + name();
    }
}
