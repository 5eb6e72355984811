package io.zhidu.crm.receivable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Oldest-due-first allocation of money to open amounts: each open item, in the given order, takes
 * as much as it still needs until the money runs out; what is left over is the surplus
 * (the customer's prepayment).
 */
final class Allocation {

    /** An open item (receivable or prepaid payment) and what it still has open. */
    record Open(long id, BigDecimal open) {
    }

    /** What one item takes. */
    record Share(long id, BigDecimal amount) {
    }

    /** The shares, in the given order, and the surplus not taken. */
    record Result(List<Share> shares, BigDecimal surplus) {
    }

    private Allocation() {
    }

    /** Allocates {@code amount} to {@code items} in their order (the caller sorts oldest due first). */
    static Result inOrder(BigDecimal amount, List<Open> items) {
        BigDecimal left = amount;
        List<Share> shares = new ArrayList<>();
        for (Open item : items) {
            if (left.signum() <= 0) {
                break;
            }
            if (item.open().signum() <= 0) {
                continue;
            }
            BigDecimal take = item.open().min(left);
            shares.add(new Share(item.id(), take));
            left = left.subtract(take);
        }
        return new Result(List.copyOf(shares), left);
    }
}
