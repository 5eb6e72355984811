/**
 * Collections (催收, seed 6.2.3-4, 6.2.3-6, 6.2.4-7): a past-due receivable opens (or joins) its
 * customer's collection case, collected by the owning office with reminders to the salesperson at
 * the policy's days; past the normal collection period the case passes to the planning dept
 * (企划部); every action is logged; a dunning letter (催款函) prints as PDF; the case closes when
 * nothing in it is open any more.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"receivable", "customer", "organization", "policy",
        "notification", "shared"})
package io.zhidu.crm.collection;
