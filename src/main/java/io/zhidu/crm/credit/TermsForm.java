package io.zhidu.crm.credit;

/** The form of credit terms (信用形式, seed 6.2.4-7): how the customer pays within the terms. */
public enum TermsForm {
    /** 现款: payment before or on delivery. */
    CASH,
    /** 月结: monthly settlement within the terms days. */
    MONTHLY,
    /** 承兑: bank acceptance bill. */
    ACCEPTANCE,
    /** 其他 */
    OTHER;

    public String labelKey() {
        return "credit.form." + name();
    }
}
