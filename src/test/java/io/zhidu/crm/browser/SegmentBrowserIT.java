package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Segments in a real browser (issue #7 item 6): an office director puts a customer in a key-account
 * tier from the customer page, then filters the customer list by that segment; the business-dept
 * manager refreshes the rule sets and opens the set editor.
 */
class SegmentBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDirectorAssignsATierAndFiltersTheCustomerListByIt() {
        long customer = jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales1' AND c.deleted_at IS NULL ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();

        signIn("director1", "zh-CN");
        driver.get(url("/customers/" + customer));
        click(By.id("tab-segments"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("segments-table")));
        Browser.screenshot(driver, "segment-01-tab-zh");
        submitAndWait(By.id("segment-assign-KEY4"));
        new Select(driver.findElement(By.id("segment"))).selectByValue("STRATEGIC");
        driver.findElement(By.id("reason")).sendKeys("深度合作，具有战略意义");
        submitAndWait(By.id("segment-assign-submit"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).isEqualTo("分群已调整。");

        driver.get(url("/customers"));
        new Select(driver.findElement(By.id("segment"))).selectByValue("KEY4:STRATEGIC");
        submitAndWait(By.id("customer-search"));
        Browser.screenshot(driver, "segment-02-filtered-zh");
        Set<Long> shown = new HashSet<>();
        for (WebElement link : driver.findElements(By.cssSelector("#customers-table tbody tr td:first-child a"))) {
            String href = link.getAttribute("href");
            shown.add(Long.parseLong(href.substring(href.lastIndexOf('/') + 1)));
        }
        Set<Long> members = new HashSet<>(jdbc.sql("""
                        SELECT cs.customer_id FROM customer_segment cs JOIN customer c ON c.id = cs.customer_id
                        JOIN employee d ON d.username = 'director1'
                        WHERE cs.set_code = 'KEY4' AND cs.segment_code = 'STRATEGIC' AND c.deleted_at IS NULL AND c.office_id = d.office_id""")
                .query(Long.class).list());
        assertThat(shown).contains(customer).isEqualTo(members);

        signIn("bizmgr", "en");
        driver.get(url("/segments"));
        assertThat(driver.getTitle()).isEqualTo("Customer segments");
        submitAndWait(By.id("segment-refresh"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).startsWith("Refreshed:");
        Browser.screenshot(driver, "segment-03-sets-en");
        submitAndWait(By.id("segment-edit-CLASS4"));
        assertThat(driver.findElement(By.id("segments[0].conditions[0].value")).getAttribute("value")).isEqualTo("200");
        Browser.screenshot(driver, "segment-04-editor-en");
    }
}
