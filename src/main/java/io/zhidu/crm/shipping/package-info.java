/**
 * Shipping orders (发货单, seed 6.2.4-4(2), issue #6 phase 2): the warehouse ships a signed contract in
 * parts up to the contracted quantities; the shipper confirms an order and its release runs the
 * credit check ({@link io.zhidu.crm.credit.CreditCheck}), serialised per customer; a blocked order
 * is released only through approval (over the limit the GM, overdue the VP, policy section
 * {@code shipping}); a released order counts in the customer's exposure until it ships, when its
 * share of the SHIPMENT installments is billed. The queue orders open orders by shipping priority.
 * Sits above credit (ADR 0006).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"contract", "credit", "customer", "benefit", "approval",
        "organization", "policy", "notification", "shared"})
package io.zhidu.crm.shipping;
