package io.zhidu.crm.grading;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the engine needs of one customer as of a date, read for a batch of customers at once.
 *
 * @param contractAmount  signed contract amount in the period (yuan)
 * @param listAmount      the same contracts at list price (yuan), for the premium
 * @param firstSignedOn   the customer's first signed contract ever (up to the date), null when none
 * @param arrears         a receivable was more than the grace days past due during the period
 * @param openReceivables open receivables at the period's end (yuan)
 * @param influence       strategic influence 1–4, null when not yet rated
 */
public record GradingInputs(BigDecimal contractAmount, BigDecimal listAmount, LocalDate firstSignedOn, boolean arrears,
                            BigDecimal openReceivables, Integer influence) {

    static final GradingInputs NOTHING = new GradingInputs(BigDecimal.ZERO, BigDecimal.ZERO, null, false, BigDecimal.ZERO, null);
}
