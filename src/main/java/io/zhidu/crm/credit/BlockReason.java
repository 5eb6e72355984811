package io.zhidu.crm.credit;

/** Why the credit check refuses an amount; each has a localized message {@code credit.block.<CODE>}. */
public enum BlockReason {
    /** No credit was ever granted: the customer is treated as having a limit of zero. */
    NO_CREDIT,
    /** The credit is on hold (冻结). */
    ON_HOLD,
    /** The credit's validity ended before today. */
    EXPIRED,
    /** A receivable is overdue by more than the policy's grace days. */
    OVERDUE,
    /** The exposure plus the amount exceeds the limit. */
    OVER_LIMIT;

    public String messageKey() {
        return "credit.block." + name();
    }
}
