package io.zhidu.crm.customer;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's yearly financials (损益, 资产负债) and the key ratios derived from them: net margin
 * (profit / revenue) and debt ratio (liabilities / assets). Each year's figures are entered once
 * and may be corrected; every correction is in the customer's history.
 */
@Component
public class CustomerFinancials {

    /** One year's figures as entered (amounts in 元). */
    public record Form(@NotNull @Min(1900) @Max(2100) Integer year,
                       @Digits(integer = 16, fraction = 2) BigDecimal revenue,
                       @Digits(integer = 16, fraction = 2) BigDecimal profit,
                       @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal totalAssets,
                       @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal totalLiabilities) {
    }

    /** One year with its ratios (percent, two places; null where a denominator is missing or zero). */
    public record Year(int year, BigDecimal revenue, BigDecimal profit, BigDecimal totalAssets, BigDecimal totalLiabilities,
                       BigDecimal netMarginPercent, BigDecimal debtRatioPercent) {
    }

    private final JdbcClient jdbc;
    private final CustomerHistory history;
    private final Clock clock;

    CustomerFinancials(JdbcClient jdbc, CustomerHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** Newest year first. */
    public List<Year> of(long customerId) {
        return jdbc.sql("""
                        SELECT fiscal_year, revenue, profit, total_assets, total_liabilities FROM customer_financial
                        WHERE customer_id = ? ORDER BY fiscal_year DESC""")
                .param(customerId)
                .query((rs, n) -> year(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** Enters or corrects one year's figures. */
    @Transactional
    public Year record(long customerId, Form f) {
        if (f.totalAssets() != null && f.totalLiabilities() != null && f.totalAssets().signum() == 0 && f.totalLiabilities().signum() > 0) {
            throw DomainException.invalid("totalAssets", "financials.assetsZero");
        }
        String before = of(customerId).stream().filter(y -> y.year() == f.year()).findFirst().map(CustomerFinancials::text).orElse(null);
        int updated = jdbc.sql("""
                        UPDATE customer_financial SET revenue = ?, profit = ?, total_assets = ?, total_liabilities = ?
                        WHERE customer_id = ? AND fiscal_year = ?""")
                .params(f.revenue(), f.profit(), f.totalAssets(), f.totalLiabilities(), customerId, f.year()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO customer_financial (customer_id, fiscal_year, revenue, profit, total_assets, total_liabilities)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(customerId, f.year(), f.revenue(), f.profit(), f.totalAssets(), f.totalLiabilities()).update();
        }
        Year after = year(f.year(), f.revenue(), f.profit(), f.totalAssets(), f.totalLiabilities());
        history.record(customerId, clock.instant(), CurrentActor.username(), CustomerHistory.Kind.UPDATED, "financials",
                before, text(after));
        return after;
    }

    static Year year(int year, BigDecimal revenue, BigDecimal profit, BigDecimal assets, BigDecimal liabilities) {
        return new Year(year, revenue, profit, assets, liabilities, percent(profit, revenue), percent(liabilities, assets));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static String text(Year y) {
        return y.year() + ": " + y.revenue() + " / " + y.profit() + " / " + y.totalAssets() + " / " + y.totalLiabilities();
    }
}
