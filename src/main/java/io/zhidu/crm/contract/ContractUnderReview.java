package io.zhidu.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A contract as a {@link ContractReviewCheck} sees it at submission: the customer, the amount, the
 * price date, and each line with its list and contract unit prices ({@code listPrice} null for a
 * named item without a list price).
 */
public record ContractUnderReview(long contractId, String number, long customerId, BigDecimal amount, LocalDate priceDate,
                                  List<Line> lines) {

    /** {@code lineNo} counts from 1, as the shipping API's {@code contractLineId}. */
    public record Line(int lineNo, Long productId, String productName, BigDecimal quantity, BigDecimal listPrice,
                       BigDecimal unitPrice) {
    }

    static ContractUnderReview of(Contract c) {
        return new ContractUnderReview(c.getId(), c.getNumber(), c.getCustomerId(), c.getAmount(), c.getPriceDate(),
                IntStream.range(0, c.getLines().size()).mapToObj(i -> {
                    ContractLine l = c.getLines().get(i);
                    return new Line(i + 1, l.getProductId(), l.getProductName(), l.getQuantity(), l.getListPrice(), l.getUnitPrice());
                }).toList());
    }
}
