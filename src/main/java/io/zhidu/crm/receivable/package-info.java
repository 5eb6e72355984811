/**
 * Receivables (应收款) raised from contract installments, payments (回款) allocated oldest-due-first
 * with prepayments, reversal, the AR aging (应收账款账龄) as of any date, write-offs and collections.
 * Listens synchronously to {@link io.zhidu.crm.contract.ContractSigned} and
 * {@link io.zhidu.crm.contract.ContractShipped}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"contract", "customer", "organization", "policy",
        "approval", "notification", "shared"})
package io.zhidu.crm.receivable;
