/**
 * Contracts (合同) and the product catalogue with its price lists (价目表): drafting, contract
 * review (合同评审) through the approval engine routed by amount, signing, shipment, completion;
 * installment payment terms; the premium over list price per contract and per customer period.
 * Publishes {@link io.zhidu.crm.contract.ContractSigned} and
 * {@link io.zhidu.crm.contract.ContractShipped}, from which receivables are raised.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "organization", "policy", "approval", "attachment",
        "notification", "shared"})
package io.zhidu.crm.contract;
