package io.zhidu.crm.shipping;

import io.zhidu.crm.credit.ExposureSource;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The released shipping orders not shipped yet: what they will bill counts in the customer's
 * exposure (ADR 0006) until they ship and raise their receivables. One grouped query per batch
 * (index {@code shipping_order_customer}).
 */
@Component
class ReleasedExposure implements ExposureSource {

    private final JdbcClient jdbc;

    ReleasedExposure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String labelKey() {
        return "shipping.exposure.released";
    }

    @Override
    public Map<Long, BigDecimal> amounts(Collection<Long> customerIds) {
        Map<Long, BigDecimal> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", java.util.Collections.nCopies(customerIds.size(), "?"));
        jdbc.sql("SELECT customer_id, SUM(amount) AS a FROM shipping_order WHERE status = 'RELEASED' AND customer_id IN (" + in
                        + ") GROUP BY customer_id")
                .params(java.util.List.copyOf(customerIds))
                .query(rs -> {
                    out.put(rs.getLong("customer_id"), rs.getBigDecimal("a"));
                });
        return out;
    }
}
