package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers owe as of today (business date), read from the maintained open amounts of their
 * OPEN receivables (index {@code receivable_customer}): the open amount, the part past due
 * ({@code due_on} before today) and how many days the oldest past-due receivable is late. For
 * the credit check and the credit tab. The caller has already found the customers inside the
 * user's data scope: these figures are not scoped again.
 */
@Component
public class CustomerBalances {

    /** Customers read in one query; a larger batch is read in slices of this size. */
    static final int SLICE = 500;

    /**
     * @param oldestOverdueDays days since the due date of the oldest receivable past due; 0 when none is
     */
    public record Balance(long customerId, BigDecimal openAmount, BigDecimal overdueAmount, int oldestOverdueDays) {

        public static Balance none(long customerId) {
            return new Balance(customerId, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0);
        }
    }

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    CustomerBalances(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One customer's balance today. */
    @Transactional(readOnly = true)
    public Balance of(long customerId) {
        return of(List.of(customerId)).get(customerId);
    }

    /** The balance today of each customer given (one entry per id, zeros for customers owing nothing). */
    @Transactional(readOnly = true)
    public Map<Long, Balance> of(Collection<Long> customerIds) {
        LocalDate today = clock.today();
        List<Long> ids = customerIds.stream().distinct().sorted().toList();
        Map<Long, Balance> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
            List<Object> params = new ArrayList<>(List.of(today, today));
            params.addAll(slice);
            jdbc.sql("""
                            SELECT customer_id, SUM(open_amount) AS open_amount,
                                   SUM(CASE WHEN due_on < ? THEN open_amount ELSE 0 END) AS overdue_amount,
                                   MIN(CASE WHEN due_on < ? THEN due_on END) AS oldest_due_on
                            FROM receivable
                            WHERE status = 'OPEN' AND open_amount > 0 AND customer_id IN (%s)
                            GROUP BY customer_id""".formatted(String.join(", ", Collections.nCopies(slice.size(), "?"))))
                    .params(params)
                    .query((rs, n) -> {
                        LocalDate oldest = rs.getObject("oldest_due_on", LocalDate.class);
                        return new Balance(rs.getLong("customer_id"), rs.getBigDecimal("open_amount").setScale(2),
                                rs.getBigDecimal("overdue_amount").setScale(2),
                                oldest == null ? 0 : (int) ChronoUnit.DAYS.between(oldest, today));
                    })
                    .list().forEach(b -> out.put(b.customerId(), b));
        }
        ids.forEach(id -> out.putIfAbsent(id, Balance.none(id)));
        return out;
    }
}
