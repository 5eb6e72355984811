package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grading journey in a real browser (issue #7): the business-dept manager starts the run,
 * watches it finish, reviews and submits; the VP approves; the salesperson reads the grade card,
 * in Chinese and English.
 */
class GradingJourneyBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessClock clock;

    String runStatus(long runId) {
        return jdbc.sql("SELECT status FROM grading_run WHERE id = ?").param(runId).query(String.class).single();
    }

    /** A signed contract of 520 万元, 10.6 % over list price. */
    void signed(long customer, java.time.LocalDate on) {
        jdbc.sql("""
                        INSERT INTO contract (number, customer_id, owner_id, office_id, department_id, company_id, status,
                                              contract_date, price_date, amount, list_amount, approved_on, signed_on, created_by, created_at)
                        SELECT ?, id, owner_id, office_id, department_id, company_id, 'SIGNED', ?, ?, ?, ?, ?, ?, owner_id, ?
                        FROM customer WHERE id = ?""")
                .params("HT-GB-" + System.nanoTime(), on, on, new BigDecimal("5200000.00"), new BigDecimal("4700000.00"), on, on,
                        OffsetDateTime.now(), customer).update();
    }

    @Test
    void bizmgrRunsAndSubmitsTheVpApprovesAndSalesReadsTheGradeCard() throws InterruptedException {
        jdbc.sql("UPDATE grading_proposal SET status = 'REJECTED' WHERE status = 'OPEN' AND run_id IN "
                + "(SELECT id FROM grading_run WHERE open_key IS NOT NULL)").update();
        jdbc.sql("UPDATE grading_run SET status = 'REJECTED', open_key = NULL WHERE open_key IS NOT NULL").update();
        long customer = jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales1' AND c.deleted_at IS NULL ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
        signed(customer, clock.today().minusDays(500));
        signed(customer, clock.today().minusDays(60));

        signIn("bizmgr", "zh-CN");
        driver.get(url("/grading/runs"));
        assertThat(driver.getTitle()).isEqualTo("年度客户评级");
        Browser.screenshot(driver, "grading-01-runs-zh");
        submitAndWait(By.id("grading-start"));
        String path = driver.getCurrentUrl();
        long runId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
        for (int i = 0; i < 300 && !runStatus(runId).equals("REVIEW"); i++) {
            Thread.sleep(100);
        }
        assertThat(runStatus(runId)).isEqualTo("REVIEW");
        // the journey reviews the one customer it prepared (the demo company's grades stay as they are)
        jdbc.sql("DELETE FROM grading_proposal WHERE run_id = ? AND customer_id <> ?").params(runId, customer).update();
        driver.get(url("/grading/runs/" + runId));
        assertThat(driver.findElement(By.id("grading-run-status")).getText()).isEqualTo("待审核");
        assertThat(driver.findElements(By.cssSelector("#grading-proposals tr[data-customer='" + customer + "']"))).hasSize(1);
        Browser.screenshot(driver, "grading-02-review-zh");
        submitAndWait(By.id("grading-accept-all"));
        submitAndWait(By.id("grading-submit"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).isEqualTo("评级已提交审批。");
        long approvalId = jdbc.sql("SELECT approval_id FROM grading_run WHERE id = ?").param(runId).query(Long.class).single();

        signIn("vp", "en");
        driver.get(url("/approvals/" + approvalId));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        Browser.screenshot(driver, "grading-03-vp-approval-en");
        click(By.id("approve-submit"));
        for (int i = 0; i < 100 && !runStatus(runId).equals("APPROVED"); i++) {
            Thread.sleep(100);
        }
        assertThat(runStatus(runId)).isEqualTo("APPROVED");

        signIn("sales1", "zh-CN");
        driver.get(url("/customers/" + customer));
        click(By.id("tab-grading"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("grading-tab")));
        String approved = jdbc.sql("SELECT final_grade FROM grading_proposal WHERE run_id = ?").param(runId).query(String.class).single();
        assertThat(driver.findElement(By.id("grading-grade")).getText()).isEqualTo(approved);
        assertThat(driver.findElement(By.id("grading-explanation")).getText()).contains("合同金额及回款", "合同溢价", "6.1.1-3(1)");
        assertThat(driver.findElement(By.id("grading-history")).getText()).contains("年度评级");
        assertThat(driver.findElements(By.id("grading-influence-form"))).isEmpty();
        Browser.screenshot(driver, "grading-04-card-zh");
        driver.get(url("/customers/" + customer + "?lang=en"));
        click(By.id("tab-grading"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("grading-tab")));
        assertThat(driver.findElement(By.id("grading-explanation")).getText()).contains("Contract amount and collection");
        Browser.screenshot(driver, "grading-05-card-en");
    }

    @Test
    void aDraftsWhatIfIsLinkedFromItsPolicyPageAndTheFiguresShowDistributionAndMigration() throws InterruptedException {
        jdbc.sql("DELETE FROM policy_version WHERE status IN ('DRAFT', 'IN_APPROVAL')").update();
        try {
            signIn("bizmgr", "zh-CN");
            driver.get(url("/policy"));
            driver.findElement(By.id("draft-label")).sendKeys("v-预演");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                    driver.findElement(By.id("draft-effectiveFrom")), clock.today().plusMonths(1).toString());
            submitAndWait(By.id("policy-draft"));
            String path = driver.getCurrentUrl().replaceAll("\\?.*", "");
            long version = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            var amount = driver.findElement(By.id("setting.grading.amount-4"));
            amount.clear();
            amount.sendKeys("250");
            submitAndWait(By.id("policy-save"));
            assertThat(driver.findElement(By.id("policy-draft-reviews")).getText()).contains("客户评级预演");
            submitAndWait(By.cssSelector("#policy-draft-reviews a"));
            assertThat(driver.getCurrentUrl()).contains("/grading/previews/" + version);
            assertThat(driver.findElement(By.id("grading-preview-none")).isDisplayed()).isTrue();
            submitAndWait(By.id("grading-preview-start"));
            for (int i = 0; i < 300 && !"DONE".equals(jdbc.sql("SELECT status FROM grading_preview WHERE policy_version_id = ? "
                    + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").param(version).query(String.class).optional().orElse("")); i++) {
                Thread.sleep(100);
            }
            driver.get(url("/grading/previews/" + version));
            assertThat(driver.findElement(By.id("grading-preview-status")).getText()).isEqualTo("已完成");
            long customers = jdbc.sql("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL").query(Long.class).single();
            assertThat(driver.findElement(By.cssSelector("#grading-preview-totals td:last-child")).getText())
                    .isEqualTo(Long.toString(customers));
            Browser.screenshot(driver, "grading-06-what-if-zh");

            driver.get(url("/grading/distribution"));
            assertThat(driver.findElement(By.id("grading-distribution-total")).getText()).isEqualTo(Long.toString(customers));
            Browser.screenshot(driver, "grading-07-distribution-zh");
            driver.get(url("/grading/migration?lang=en"));
            assertThat(driver.getTitle()).isEqualTo("Migration");
            assertThat(driver.findElements(By.cssSelector("#grading-migration td"))).hasSize(25);
            Browser.screenshot(driver, "grading-08-migration-en");
            driver.get(url("/grading/migration?lang=zh-CN"));
        } finally {
            jdbc.sql("DELETE FROM policy_version WHERE status IN ('DRAFT', 'IN_APPROVAL')").update();
        }
    }
}
