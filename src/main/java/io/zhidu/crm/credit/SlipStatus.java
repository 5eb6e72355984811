package io.zhidu.crm.credit;

/** An information slip is OPEN until its handling is recorded, then HANDLED (final). */
public enum SlipStatus {
    OPEN, HANDLED;

    public String labelKey() {
        return "creditfile.slip.status." + name();
    }

    public String badge() {
        return this == OPEN ? "text-bg-warning" : "text-bg-success";
    }
}
