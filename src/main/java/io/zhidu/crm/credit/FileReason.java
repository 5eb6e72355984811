package io.zhidu.crm.credit;

/**
 * Why a customer's credit file needs the statistician's attention (动态管理, 6.2.4-2(3)): each is
 * decided by {@link CreditFilePolicy#reasons} and, for the work list, by the same conditions in SQL.
 */
public enum FileReason {
    /** The credit's validity ended before today. */
    EXPIRED,
    /** The credit ends within the policy's notice days (valid until today counts). */
    EXPIRING,
    /** A customer with credit has had no field investigation within the policy's months. */
    NO_INVESTIGATION,
    /** An information slip is waiting to be handled. */
    OPEN_SLIP,
    /** The credit is on hold. */
    ON_HOLD;

    public String labelKey() {
        return "creditfile.reason." + name();
    }
}
