/**
 * Customer benefits (分类客户享受待遇, seed 6.1.2, SPEC R4): the benefits matrix as the policy section
 * {@code benefit} (per category and grade: shipping priority, price tier, visit cadence, who visits),
 * the price tiers' discount floors, the {@link io.zhidu.crm.benefit.Benefits} look-up used by the
 * shipping queue, the benefits tab on the customer page and the price-floor check of contract review.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "policy", "contract", "organization",
        "shared"})
package io.zhidu.crm.benefit;
