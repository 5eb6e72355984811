package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a customer stands against its credit today: the credit in force (null when none was
 * granted), the exposure in its parts (open receivables first), what is still available under the
 * limit (never below zero; zero without credit), and what is overdue.
 */
public record CreditPosition(long customerId, CreditTerms credit, List<Part> parts, BigDecimal exposure, BigDecimal available,
                             BigDecimal overdueAmount, int oldestOverdueDays) {

    /** The label key of the open receivables part. */
    public static final String RECEIVABLES = "credit.exposure.receivables";

    /** One part of the exposure. */
    public record Part(String labelKey, BigDecimal amount) {
    }

    public CreditPosition {
        parts = List.copyOf(parts);
    }

    public boolean onHold() {
        return credit != null && credit.onHold();
    }

    public BigDecimal limit() {
        return credit == null ? null : credit.limit();
    }
}
