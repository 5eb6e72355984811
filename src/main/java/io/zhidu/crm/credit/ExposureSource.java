package io.zhidu.crm.credit;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A part of the exposure (信用敞口) beside the open receivables, contributed by another module as a
 * bean: phase 2's shipping orders add what released shipments will bill but have not billed yet.
 * The module providing it depends on credit, never the reverse (see ADR 0006).
 */
public interface ExposureSource {

    /** Message key of the part's label on the credit tab (the providing module's bundle). */
    String labelKey();

    /** The amount of each given customer (absent: zero), read for the whole batch in one query. */
    Map<Long, BigDecimal> amounts(Collection<Long> customerIds);
}
