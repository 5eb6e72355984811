package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import java.math.BigDecimal;

/**
 * What a rule may ask about one customer as of a date.
 *
 * @param grade             effective grade, null when not graded
 * @param contractAmount12m contract amount signed in the 12 months up to the date (yuan)
 * @param openReceivables   receivables open at the date (yuan)
 * @param cooperationYears  whole years since the first signed contract, 0 when none
 */
public record CustomerFacts(Grade grade, Category category, Stage stage, BigDecimal contractAmount12m,
                            BigDecimal openReceivables, int cooperationYears) {
}
