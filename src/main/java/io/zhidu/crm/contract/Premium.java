package io.zhidu.crm.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The premium over list price (溢价), amount-weighted: {@code (amount − listAmount) / listAmount},
 * where {@code listAmount} is Σ quantity × list price and {@code amount} Σ quantity × contract
 * price, each line rounded to the cent. {@code rate} is a fraction with 4 decimals (0.0520 =
 * 5.20 %), null when there is nothing to measure against (no signed contract in a period).
 */
public record Premium(BigDecimal listAmount, BigDecimal amount, BigDecimal rate) {

    public static Premium of(BigDecimal listAmount, BigDecimal amount) {
        BigDecimal list = listAmount == null ? BigDecimal.ZERO.setScale(2) : listAmount.setScale(2, RoundingMode.HALF_UP);
        BigDecimal sold = amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
        BigDecimal rate = list.signum() == 0 ? null : sold.subtract(list).divide(list, 4, RoundingMode.HALF_UP);
        return new Premium(list, sold, rate);
    }

    /** The premium in yuan ({@code amount − listAmount}). */
    public BigDecimal over() {
        return amount.subtract(listAmount);
    }

    /** The rate in percent with 2 decimals, or null. */
    public BigDecimal percent() {
        return rate == null ? null : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
