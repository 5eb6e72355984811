package io.zhidu.crm.policy;

import java.time.LocalDate;

/** What a user types to open or re-head a draft. */
public final class PolicyForms {

    private PolicyForms() {
    }

    /**
     * @param label         e.g. {@code v2027-01}; unique
     * @param effectiveFrom when it shall apply once approved; not before today
     * @param note          why it changes (shown to approvers)
     */
    public record Draft(String label, LocalDate effectiveFrom, String note) {
    }
}
