package io.zhidu.crm.ownership;

/** Kinds of progress a salesperson records on a customer; the policy says which renew protection. */
enum ProgressKind {
    VISIT, QUOTATION, TRIAL, CONTRACT_SIGNED;

    public String labelKey() {
        return "ownership.policy.renewing." + name();
    }
}
