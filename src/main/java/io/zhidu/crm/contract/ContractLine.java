package io.zhidu.crm.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a contract: a catalogue product (its list price taken from the price list, not
 * typed) or a named non-catalogue item with a stated list price ({@code catalogue} false, which the
 * review shows). {@code amount} = quantity × unit price and {@code listAmount} = quantity × list
 * price, each rounded to the cent.
 */
@Embeddable
class ContractLine {

    private Long productId;
    private String productName;
    private BigDecimal quantity;
    private String unit;
    private BigDecimal listPrice;
    private BigDecimal unitPrice;
    private BigDecimal amount;
    private BigDecimal listAmount;
    @Column(name = "catalogue")
    private boolean catalogue;

    protected ContractLine() {
    }

    ContractLine(Long productId, String productName, BigDecimal quantity, String unit, BigDecimal listPrice,
                 BigDecimal unitPrice) {
        this.productId = productId;
        this.productName = productName;
        this.quantity = quantity;
        this.unit = unit;
        this.listPrice = listPrice;
        this.unitPrice = unitPrice;
        this.amount = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        this.listAmount = quantity.multiply(listPrice).setScale(2, RoundingMode.HALF_UP);
        this.catalogue = productId != null;
    }

    /** The same line at another list price (the catalogue's on the signing date). */
    ContractLine pricedAt(BigDecimal newListPrice) {
        return new ContractLine(productId, productName, quantity, unit, newListPrice, unitPrice);
    }

    public Long getProductId() {
        return productId;
    }

    public String getProductName() {
        return productName;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getListAmount() {
        return listAmount;
    }

    public boolean isCatalogue() {
        return catalogue;
    }

    public Premium premium() {
        return Premium.of(listAmount, amount);
    }
}
