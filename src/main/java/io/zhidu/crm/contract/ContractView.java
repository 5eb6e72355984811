package io.zhidu.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as its page and the API show it, with its premium and installments; {@code priceDate}
 * is the date whose catalogue list prices its lines carry (the contract date until signed, then
 * the signing date).
 */
public record ContractView(long id, String number, long customerId, String customerName, ContractStatus status,
                           LocalDate contractDate, BigDecimal amount, BigDecimal listAmount, Premium premium, LocalDate priceDate,
                           LocalDate approvedOn, LocalDate signedOn, LocalDate shippedOn, LocalDate closedOn,
                           boolean imported, Long ownerId, List<Line> lines, List<Installment> installments, long version) {

    /** One line; {@code catalogue} false marks a non-catalogue item whose list price was stated. */
    public record Line(int number, Long productId, String product, BigDecimal quantity, String unit, BigDecimal listPrice,
                       BigDecimal unitPrice, BigDecimal amount, boolean catalogue, Premium premium) {
    }

    static ContractView of(Contract c, String customerName) {
        List<ContractLine> ls = c.getLines();
        List<Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            ContractLine l = ls.get(i);
            lines.add(new Line(i + 1, l.getProductId(), l.getProductName(), l.getQuantity().stripTrailingZeros(), l.getUnit(),
                    l.getListPrice(), l.getUnitPrice(), l.getAmount(), l.isCatalogue(), l.premium()));
        }
        return new ContractView(c.getId(), c.getNumber(), c.getCustomerId(), customerName, c.getStatus(), c.getContractDate(),
                c.getAmount(), c.getListAmount(), c.premium(), c.getPriceDate(), c.getApprovedOn(), c.getSignedOn(), c.getShippedOn(),
                c.getClosedOn(), c.isImported(), c.getOwnerId(), List.copyOf(lines), c.installments(), c.getVersion());
    }
}
