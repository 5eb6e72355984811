/**
 * Declaration and protection (客户申报与保护期, SPEC R2, seed O-21): a salesperson declares a
 * prospect — new or from the public pool (公海) — and owns it for the protection period the policy
 * sets; recorded progress of the kinds the policy names renews it; a daily duty warns, expires and
 * returns lapsed customers to the pool; managers transfer customers and hand out leads; offices
 * keep their new-customer development plans (seed 6.2.4-3(2)).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "contract", "organization", "policy",
        "notification", "shared"})
package io.zhidu.crm.ownership;
