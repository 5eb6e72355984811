package io.zhidu.crm.collection;

/** What a collector did about a case (催收记录). */
public enum ActionKind {
    PHONE, LETTER, VISIT, LAWYER_LETTER, LAWSUIT, PROMISE_TO_PAY, NOTE;

    public String labelKey() {
        return "collection.action." + name();
    }
}
