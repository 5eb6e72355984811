package io.zhidu.crm.policy;

/** How a setting's value is written and checked. Values are stored as text in a normal form. */
public enum SettingType {
    /** A whole number within min..max. */
    INTEGER,
    /** A decimal number (amounts, rates) within min..max, stored with the scale given. */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Exactly one code from a fixed list. */
    CHOICE,
    /** Zero or more codes from a fixed list, stored comma-separated in the list's order. */
    CHOICES
}
