package io.zhidu.crm.contract;

import java.math.BigDecimal;

/**
 * One installment of a contract's payment terms: {@code percent} of the contract amount, due
 * {@code days} after the anchor date. {@code amount} is the share in yuan, rounded to the cent;
 * the last installment takes the rounding remainder, so the installments add up to the contract
 * amount exactly.
 *
 * @param number 1-based position in the terms
 */
public record Installment(int number, BigDecimal percent, PaymentAnchor anchor, int days, BigDecimal amount) {
}
