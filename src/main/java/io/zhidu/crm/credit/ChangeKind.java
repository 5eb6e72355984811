package io.zhidu.crm.credit;

/** What a credit change does. */
public enum ChangeKind {
    /** Grants or changes rating, limit and terms: through approval. */
    CHANGE,
    /** Puts the credit on hold: directly, by the business-dept manager. */
    HOLD,
    /** Takes the hold off: through approval. */
    RELEASE;

    public String labelKey() {
        return "credit.kind." + name();
    }
}
