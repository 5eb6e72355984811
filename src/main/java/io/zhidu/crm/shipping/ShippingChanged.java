package io.zhidu.crm.shipping;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on a shipping order, for the audit log: SHIPMENT_CREATED, SHIPMENT_CONFIRMED,
 * SHIPMENT_RELEASED, SHIPMENT_BLOCKED, SHIPMENT_RELEASE_REQUESTED, SHIPMENT_RELEASE_APPROVED,
 * SHIPMENT_RELEASE_REFUSED, SHIPMENT_SHIPPED, SHIPMENT_CANCELLED.
 */
record ShippingChanged(String actor, String action, long orderId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "SHIPMENT";
    }

    @Override
    public String subjectId() {
        return Long.toString(orderId);
    }
}
