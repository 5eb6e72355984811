package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit tab in a real browser: the statistician proposes a credit (a refused limit keeps what
 * was typed), the VP's approval puts it in force, the tab shows limit, exposure and arrears, in
 * Chinese and English.
 */
class CreditJourneyBrowserIT extends BrowserJourney {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessClock clock;
    @Autowired
    Approvals approvals;

    @Test
    void theStatisticianProposesACreditTheVpApprovesAndTheTabShowsTheFigures() throws InterruptedException {
        long customer = jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales2' AND c.deleted_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM credit_change ch WHERE ch.customer_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM receivable r WHERE r.customer_id = c.id)
                        ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
        ContractPlacement placement = jdbc.sql("SELECT owner_id, office_id, department_id, company_id FROM customer WHERE id = ?")
                .param(customer).query((rs, n) -> new ContractPlacement(rs.getLong("owner_id"), rs.getLong("office_id"),
                        rs.getLong("department_id"), rs.getLong("company_id"))).single();
        long contract = 991_000_000L + System.nanoTime() % 1_000_000L;
        tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(contract, "HT-C-" + contract, customer, placement,
                clock.today().minusDays(45), new BigDecimal("80000.00"), List.of(
                        new Installment(1, new BigDecimal("25"), PaymentAnchor.SIGNING, 30, new BigDecimal("20000.00")),
                        new Installment(2, new BigDecimal("75"), PaymentAnchor.SIGNING, 120, new BigDecimal("60000.00"))))));

        signIn("stat", "zh-CN");
        driver.get(url("/customers/" + customer));
        openCreditTab();
        assertThat(driver.findElement(By.id("credit-none")).getText()).contains("尚未核定信用");
        submitAndWait(By.id("credit-propose"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rating"))).selectByValue("A");
        driver.findElement(By.id("limit")).sendKeys("-100");
        driver.findElement(By.id("reason")).sendKeys("首次授信");
        submitAndWait(By.id("credit-submit"));
        assertThat(driver.findElement(By.id("credit-form-error")).getText()).isEqualTo("信用额度不能小于零。");
        assertThat(driver.findElement(By.id("limit")).getAttribute("value")).isEqualTo("-100");
        assertThat(driver.findElement(By.id("reason")).getAttribute("value")).isEqualTo("首次授信");
        Browser.screenshot(driver, "credit-00-form-refused-zh");
        driver.findElement(By.id("limit")).clear();
        driver.findElement(By.id("limit")).sendKeys("150000");
        submitAndWait(By.id("credit-submit"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).contains("信用变更已提交审批");

        long approval = jdbc.sql("SELECT approval_id FROM credit_change WHERE customer_id = ? AND status = 'PENDING'").param(customer)
                .query(Long.class).single();
        long vp = jdbc.sql("SELECT id FROM employee WHERE username = 'vp'").query(Long.class).single();
        approvals.approve(approval, vp, "同意");
        for (int i = 0; i < 100 && jdbc.sql("SELECT COUNT(*) FROM customer_credit WHERE customer_id = ?").param(customer)
                .query(Long.class).single() == 0; i++) {
            Thread.sleep(100);
        }

        driver.get(url("/customers/" + customer));
        openCreditTab();
        assertThat(driver.findElement(By.id("credit-rating")).getText()).isEqualTo("A");
        assertThat(driver.findElement(By.id("credit-limit")).getText()).isEqualTo("¥150,000.00");
        assertThat(driver.findElement(By.id("credit-exposure")).getText()).isEqualTo("¥80,000.00");
        assertThat(driver.findElement(By.id("credit-available")).getText()).isEqualTo("¥70,000.00");
        assertThat(driver.findElement(By.id("credit-overdue")).getText()).isEqualTo("¥20,000.00");
        assertThat(driver.findElement(By.id("credit-oldest")).getText()).isEqualTo("15 天");
        assertThat(driver.findElement(By.id("credit-history")).getText()).contains("已生效", "首次授信");
        Browser.screenshot(driver, "credit-01-tab-zh");

        driver.get(url("/customers/" + customer + "?lang=en"));
        openCreditTab();
        assertThat(driver.findElement(By.id("credit-figures")).getText()).contains("Credit limit", "Available credit", "15 days");
        assertThat(driver.findElement(By.id("credit-history")).getText()).contains("In effect");
        Browser.screenshot(driver, "credit-02-tab-en");
    }

    private void openCreditTab() {
        click(By.id("tab-credit"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-figures")));
    }
}
