/**
 * Credit management (信用管理, seed 6.2): the credit standard as a policy section (rating scale,
 * default limits and terms per rating, the scoring factors, grace days, who approves), each
 * customer's credit (rating, limit, terms, validity, hold) changed only through approval with its
 * full history, the exposure against the limit, and the credit check other modules call before
 * they commit goods or contracts ({@link io.zhidu.crm.credit.CreditCheck}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "contract", "receivable", "policy", "approval",
        "organization", "attachment", "notification", "shared"})
package io.zhidu.crm.credit;
