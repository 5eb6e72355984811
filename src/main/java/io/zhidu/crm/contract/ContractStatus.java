package io.zhidu.crm.contract;

/** Where a contract stands: DRAFT → IN_REVIEW → APPROVED → SIGNED → COMPLETED, or TERMINATED. */
public enum ContractStatus {
    DRAFT, IN_REVIEW, APPROVED, SIGNED, COMPLETED, TERMINATED;

    public String labelKey() {
        return "contract.status." + name();
    }
}
