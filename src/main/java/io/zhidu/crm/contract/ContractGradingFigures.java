package io.zhidu.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only contract figures for customer grading (seed 6.1.1-3(1), (3), (6)), for a batch of
 * customers at once: one grouped query over the index {@code contract_customer (customer_id,
 * signed_on)}.
 */
@Component
public class ContractGradingFigures {

    /**
     * @param amount        contract amount signed in the period
     * @param listAmount    the same contracts at list price
     * @param firstSignedOn the first signed contract up to the period's end
     */
    public record Figures(BigDecimal amount, BigDecimal listAmount, LocalDate firstSignedOn) {
    }

    private final JdbcClient jdbc;

    ContractGradingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of each customer with id in {@code (afterId, upToId]} that signed a contract by {@code to}. */
    @Transactional(readOnly = true)
    public Map<Long, Figures> of(long afterId, long upToId, LocalDate from, LocalDate to) {
        Map<Long, Figures> out = new HashMap<>();
        jdbc.sql("""
                        SELECT customer_id,
                               SUM(CASE WHEN signed_on >= ? THEN amount ELSE 0 END) AS amount_sum,
                               SUM(CASE WHEN signed_on >= ? THEN list_amount ELSE 0 END) AS list_sum,
                               MIN(signed_on) AS first_signed
                        FROM contract
                        WHERE customer_id > ? AND customer_id <= ? AND signed_on IS NOT NULL AND signed_on <= ?
                        GROUP BY customer_id""")
                .params(from, from, afterId, upToId, to)
                .query(rs -> {
                    out.put(rs.getLong("customer_id"), new Figures(rs.getBigDecimal("amount_sum"), rs.getBigDecimal("list_sum"),
                            rs.getObject("first_signed", LocalDate.class)));
                });
        return out;
    }
}
