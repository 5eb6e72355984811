package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Declaration to pool and back (SPEC R2, seed O-21) in a real browser: sales2 declares a pool
 * customer; the admin moves the business date past the protection and runs the expiry duty;
 * director1 finds it expired and returns it to the pool; sales3 declares it. The policy screen
 * shows the rule with its clause.
 */
class OwnershipJourneyBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;

    @AfterEach
    void realDate() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
    }

    /** A pool customer of the demo (a dormant customer its owner gave up), by name. */
    String poolCustomer() {
        return jdbc.sql("""
                SELECT c.name FROM customer c WHERE c.owner_id IS NULL AND c.deleted_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM protection p WHERE p.customer_id = c.id AND p.status = 'LAPSED')
                ORDER BY c.id LIMIT 1""").query(String.class).single();
    }

    @Test
    void aDeclarationExpiresReturnsToThePoolAndIsDeclaredByAnotherSalesperson() {
        String name = poolCustomer();
        long id = jdbc.sql("SELECT id FROM customer WHERE name = ?").param(name).query(Long.class).single();
        String search = name;

        signIn("sales2", "zh-CN");
        click(By.cssSelector("a[data-nav='/pool']"));
        driver.findElement(By.id("q")).sendKeys(search);
        submitAndWait(By.id("pool-search"));
        Browser.screenshot(driver, "ownership-01-pool");
        click(By.id("declare-" + id));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
        LocalDate ends = clock.today().plusMonths(2);
        assertThat(driver.findElement(By.id("zd-flash")).getText()).isEqualTo("申报成功，保护期至 " + ends + "。");
        driver.findElement(By.id("tab-ownership")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("protection-summary")));
        assertThat(driver.findElement(By.id("protection-summary")).getText()).contains("保护中", "由 周杰 申报，保护期至 " + ends);
        Browser.screenshot(driver, "ownership-02-declared");
        click(By.cssSelector("a[data-nav='/declarations']"));
        assertThat(driver.findElement(By.id("declarations-table")).getText()).contains(name);
        Browser.screenshot(driver, "ownership-03-my-declarations");

        // the protection runs out: the admin moves the business date and runs the daily duty
        signIn("admin", "zh-CN");
        driver.get(url("/admin/clock"));
        WebElement date = driver.findElement(By.id("clock-input"));
        date.clear();
        date.sendKeys(ends.plusDays(1).toString());
        driver.findElement(By.id("clock-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("clock-today"), ends.plusDays(1).toString()));
        driver.get(url("/admin/jobs"));
        click(By.id("run-protection-expiry"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("job-last-run")));
        assertThat(driver.findElement(By.id("job-last-run")).getText()).contains("expired");
        Browser.screenshot(driver, "ownership-04-expiry-run");

        // the director finds it expired and returns it to the pool
        signIn("director1", "zh-CN");
        click(By.cssSelector("a[data-nav='/declarations/expiring']"));
        WebElement row = driver.findElement(By.id("expiring-" + id));
        assertThat(row.getText()).contains(name, "周杰", "已届满待处理");
        Browser.screenshot(driver, "ownership-05-director-expiring");
        click(By.id("pool-" + id));
        driver.switchTo().alert().accept();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("zd-flash")));
        assertThat(driver.findElements(By.id("expiring-" + id))).isEmpty();

        // another salesperson declares it from the pool; the first is told who holds it now
        signIn("sales3", "zh-CN");
        click(By.cssSelector("a[data-nav='/pool']"));
        driver.findElement(By.id("q")).sendKeys(search);
        submitAndWait(By.id("pool-search"));
        click(By.id("declare-" + id));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).startsWith("申报成功");
        Browser.screenshot(driver, "ownership-06-redeclared");
        assertThat(jdbc.sql("SELECT e.username FROM customer c JOIN employee e ON e.id = c.owner_id WHERE c.id = ?")
                .param(id).query(String.class).single()).isEqualTo("sales3");

        // the policy screen shows the rule that decided it, with its seed clause, in both languages
        click(By.cssSelector("a[data-nav='/policy']"));
        WebElement rule = driver.findElement(By.id("setting-protection.period-months"));
        assertThat(rule.getText()).contains("O-21", "申报后的保护期", "2 个月");
        Browser.screenshot(driver, "ownership-07-policy");
        driver.get(url("/policy?lang=en"));
        assertThat(driver.findElement(By.id("setting-protection.period-months")).getText())
                .contains("O-21", "Protection period after a declaration", "2 month(s)");
        Browser.screenshot(driver, "ownership-08-policy-en");
        driver.get(url("/pool?lang=zh-CN"));
    }
}
