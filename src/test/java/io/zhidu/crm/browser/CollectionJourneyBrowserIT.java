package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.collection.CollectionDuty;
import io.zhidu.crm.contract.ContractPlacement;
import io.zhidu.crm.contract.ContractSigned;
import io.zhidu.crm.contract.Installment;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The planning dept takes up a case handed over past the normal period: logs a promise to pay and prints the dunning letter. */
class CollectionJourneyBrowserIT extends BrowserJourney {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessClock clock;
    @Autowired
    CollectionDuty duty;

    @Test
    void planningLogsAPromiseToPayOnAHandedOverCaseAndPrintsTheDunningLetter() {
        record Customer(long id, String name, ContractPlacement placement) {
        }
        Customer customer = jdbc.sql("""
                        SELECT c.id, c.name, c.owner_id, c.office_id, c.department_id, c.company_id
                        FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales2' AND c.deleted_at IS NULL ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY""")
                .query((rs, n) -> new Customer(rs.getLong("id"), rs.getString("name"), new ContractPlacement(rs.getLong("owner_id"),
                        rs.getLong("office_id"), rs.getLong("department_id"), rs.getLong("company_id")))).single();
        LocalDate today = clock.today();
        tx.executeWithoutResult(s -> events.publishEvent(new ContractSigned(990_501L, "HT-2026-990501", customer.id(),
                customer.placement(), today.minusDays(130), new BigDecimal("48000.00"), List.of(
                        new Installment(1, new BigDecimal("100"), PaymentAnchor.SIGNING, 30, new BigDecimal("48000.00"))))));
        duty.run(today); // 100 days past due: the case opens and passes to planning at once
        long caseId = jdbc.sql("SELECT id FROM collection_case WHERE open_customer_id = ?").param(customer.id())
                .query(Long.class).single();

        signIn("planning", "zh-CN");
        driver.get(url("/collections?stage=PLANNING"));
        assertThat(driver.getTitle()).isEqualTo("催收案件");
        assertThat(driver.findElement(By.id("collections-table")).getText()).contains(customer.name(), "企划部催收");
        Browser.screenshot(driver, "collection-01-list-zh");
        click(By.cssSelector("#collections-table a[href$='/collections/" + caseId + "']"));
        assertThat(driver.findElement(By.id("collection-stage")).getText()).isEqualTo("企划部催收");
        assertThat(driver.findElement(By.id("collection-receivables")).getText()).contains("HT-2026-990501 第 1 期", "100", "¥48,000.00");
        assertThat(driver.findElement(By.id("collection-history")).getText()).contains("超过正常收款期 90 天，移交企划部");

        assertThat(driver.findElement(By.id("on")).getAttribute("value")).isEqualTo(today.toString());
        new Select(driver.findElement(By.id("kind"))).selectByValue("PROMISE_TO_PAY");
        driver.findElement(By.id("text")).sendKeys("对方财务经理承诺下月十日前付清");
        setValue("promisedOn", today.plusDays(20).toString());
        driver.findElement(By.id("promisedAmount")).sendKeys("48000");
        submitAndWait(By.id("action-save"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).isEqualTo("催收记录已保存。");
        assertThat(driver.findElement(By.id("collection-actions")).getText())
                .contains("承诺付款", "对方财务经理承诺下月十日前付清", "¥48,000.00", today.plusDays(20).toString());
        Browser.screenshot(driver, "collection-02-case-zh");

        // the dunning letter, fetched in the signed-in session as the button opens it
        String href = driver.findElement(By.id("collection-letter")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> letter = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({type: r.headers.get('content-type'),
                    head: String.fromCharCode(...new Uint8Array(b.slice(0, 4))), size: b.byteLength})));""", href);
        assertThat(letter.get("type")).isEqualTo("application/pdf");
        assertThat(letter.get("head")).isEqualTo("%PDF");

        driver.get(url("/collections/" + caseId + "?lang=en"));
        assertThat(driver.findElement(By.id("collection-stage")).getText()).isEqualTo("Planning dept collecting");
        assertThat(driver.findElement(By.id("collection-actions")).getText()).contains("Promise to pay", "Promised ¥48,000.00");
        Browser.screenshot(driver, "collection-03-case-en");
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }
}
