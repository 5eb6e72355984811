package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The credit check as a pure function (6.2.4-4(2), 6.2.3-1): given the customer's credit, what it
 * owes now and the amount to be committed, every reason to refuse, with the amount it concerns.
 * Boundaries pass: an exposure reaching the limit exactly, a receivable overdue exactly the grace
 * days, a credit valid until today.
 */
final class CreditRules {

    /** One reason with the amount it concerns and its message arguments (amounts, days, dates). */
    record Finding(BlockReason code, BigDecimal amount, List<Object> args) {
        Finding {
            args = List.copyOf(args);
        }
    }

    /** What the customer owes as of today. */
    record Owed(BigDecimal exposure, BigDecimal overdueAmount, int oldestOverdueDays) {
    }

    private CreditRules() {
    }

    /**
     * @param credit the credit in force, null when none was granted (a limit of zero: NO_CREDIT
     *               instead of OVER_LIMIT whenever anything would be owed)
     * @param amount the amount to commit, zero or more
     */
    static List<Finding> check(CreditTerms credit, Owed owed, BigDecimal amount, int graceDays, LocalDate today) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be zero or more");
        }
        List<Finding> found = new ArrayList<>();
        BigDecimal total = owed.exposure().add(amount);
        if (credit == null) {
            if (total.signum() > 0) {
                found.add(new Finding(BlockReason.NO_CREDIT, total, List.of(total)));
            }
        } else {
            if (credit.onHold()) {
                found.add(new Finding(BlockReason.ON_HOLD, amount, List.of(amount)));
            }
            if (credit.validUntil().isBefore(today)) {
                found.add(new Finding(BlockReason.EXPIRED, amount, List.of(credit.validUntil(), amount)));
            }
        }
        if (owed.oldestOverdueDays() > graceDays) {
            found.add(new Finding(BlockReason.OVERDUE, owed.overdueAmount(), List.of(owed.oldestOverdueDays(), graceDays,
                    owed.overdueAmount())));
        }
        if (credit != null && total.compareTo(credit.limit()) > 0) {
            BigDecimal excess = total.subtract(credit.limit());
            found.add(new Finding(BlockReason.OVER_LIMIT, excess, List.of(owed.exposure(), amount, credit.limit(), excess)));
        }
        return List.copyOf(found);
    }
}
