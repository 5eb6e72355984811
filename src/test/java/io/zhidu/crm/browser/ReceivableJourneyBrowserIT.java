package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The aging screen in a real browser: group by customer, drill down to the receivables, in Chinese and English. */
class ReceivableJourneyBrowserIT extends BrowserJourney {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessClock clock;

    @Test
    void financeReadsTheAgingByCustomerAndDrillsDownToTheReceivables() {
        long customer = jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales1' AND c.deleted_at IS NULL ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
        ContractPlacement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?")
                .param(customer).query((rs, n) -> new ContractPlacement(rs.getLong("owner_id"), rs.getLong("office_id"),
                        rs.getLong("department_id"), rs.getLong("company_id"))).single();
        tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(990_001L, "HT-2026-990001", customer, placement,
                clock.today().minusDays(75), new BigDecimal("100000.00"), List.of(
                        new Installment(1, new BigDecimal("30"), PaymentAnchor.SIGNING, 0, new BigDecimal("30000.00")),
                        new Installment(2, new BigDecimal("70"), PaymentAnchor.SIGNING, 90, new BigDecimal("70000.00"))))));

        signIn("finance", "zh-CN");
        driver.get(url("/receivables/aging?groupBy=customer"));
        assertThat(driver.getTitle()).isEqualTo("应收账款账龄");
        assertThat(driver.findElement(By.id("aging-table")).getText()).contains("逾期 61–90 天", "30,000.00", "70,000.00");
        Browser.screenshot(driver, "receivable-01-aging-zh");
        click(By.cssSelector("#aging-table a[href$='customerId=" + customer + "']"));
        assertThat(driver.findElement(By.id("receivables-table")).getText()).contains("HT-2026-990001 第 1 期", "逾期");
        Browser.screenshot(driver, "receivable-02-drill-down-zh");

        driver.get(url("/receivables/aging?groupBy=office&lang=en"));
        assertThat(driver.findElement(By.id("aging-table")).getText()).contains("61–90 days past due", "Total");
        Browser.screenshot(driver, "receivable-03-aging-en");
    }
}
