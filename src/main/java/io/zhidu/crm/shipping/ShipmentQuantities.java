package io.zhidu.crm.shipping;

import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quantity rule of partial shipments: each requested line names a contract line (1-based) once,
 * asks for a positive quantity (at most 3 decimals), and all orders of the contract that are not
 * cancelled never ship more of a line than was contracted. Refusals are INVALID on the line's field.
 */
final class ShipmentQuantities {

    static final int MAX_LINES = 50;

    /** A requested line: contract line number (1-based) and quantity. */
    record Requested(Integer contractLineId, BigDecimal quantity) {
    }

    private ShipmentQuantities() {
    }

    /**
     * @param contracted the contracted quantity of each contract line, in order
     * @param ordered    the quantity of each contract line (1-based) already on orders not cancelled
     */
    static void check(List<BigDecimal> contracted, Map<Integer, BigDecimal> ordered, List<Requested> requested) {
        if (requested == null || requested.isEmpty()) {
            throw DomainException.invalid("lines", "shipping.error.noLines");
        }
        if (requested.size() > MAX_LINES) {
            throw DomainException.invalid("lines", "shipping.error.tooManyLines", MAX_LINES);
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested r = requested.get(i);
            String f = "lines[" + i + "]";
            if (r == null || r.contractLineId() == null || r.contractLineId() < 1 || r.contractLineId() > contracted.size()) {
                throw DomainException.invalid(f + ".contractLineId", "shipping.error.line", contracted.size());
            }
            if (!seen.add(r.contractLineId())) {
                throw DomainException.invalid(f + ".contractLineId", "shipping.error.lineTwice", r.contractLineId());
            }
            BigDecimal q = r.quantity();
            if (q == null || q.signum() <= 0 || q.stripTrailingZeros().scale() > 3 || q.precision() - q.scale() > 11) {
                throw DomainException.invalid(f + ".quantity", "shipping.error.quantity");
            }
            BigDecimal left = contracted.get(r.contractLineId() - 1).subtract(ordered.getOrDefault(r.contractLineId(), BigDecimal.ZERO));
            if (q.compareTo(left) > 0) {
                throw DomainException.invalid(f + ".quantity", "shipping.error.tooMuch", r.contractLineId(),
                        left.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString(),
                        contracted.get(r.contractLineId() - 1).stripTrailingZeros().toPlainString());
            }
        }
    }
}
