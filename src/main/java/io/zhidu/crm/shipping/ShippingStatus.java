package io.zhidu.crm.shipping;

/**
 * Where a shipping order stands: DRAFT (entered by the warehouse) → CONFIRMED (by the shipper) →
 * RELEASED (the credit check passed, or a release request was approved) or BLOCKED (the check
 * refused; a release request may be pending) → SHIPPED (the goods left; its receivables raised).
 * CANCELLED before release gives its quantities back.
 */
public enum ShippingStatus {
    DRAFT, CONFIRMED, BLOCKED, RELEASED, SHIPPED, CANCELLED;

    public String labelKey() {
        return "shipping.status." + name();
    }

    public String badge() {
        return switch (this) {
            case RELEASED, SHIPPED -> "text-bg-success";
            case BLOCKED -> "text-bg-danger";
            case CANCELLED -> "text-bg-secondary";
            default -> "text-bg-warning";
        };
    }
}
