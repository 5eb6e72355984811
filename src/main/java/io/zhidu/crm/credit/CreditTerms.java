package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's credit in force (客户信用): the rating, the limit (信用额度) the exposure may reach,
 * the terms (form and days), the date until which it is valid, and whether it is on hold.
 */
public record CreditTerms(String rating, BigDecimal limit, TermsForm form, int days, LocalDate validUntil, boolean onHold) {
}
