package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserAvailable;
import io.zhidu.crm.support.DatabaseAvailable;
import io.zhidu.crm.support.TestDatabase;
import io.zhidu.crm.support.TestNotices;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification centre in a real browser: a notice arrives, the bell counts it, opening it reads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhidu.demo-data=true", "zhidu.clock.adjustable=true", "zhidu.scheduling.enabled=false"})
@ExtendWith({BrowserAvailable.class, DatabaseAvailable.class})
@Import(TestNotices.class)
class NotificationBrowserIT {

    static WebDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "zhidu_notification_browser");
    }

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM employee WHERE username = ?").param(username).query(Long.class).single();
    }

    void publish(long recipient, String customer, String link) {
        long before = jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ?").param(recipient).query(Long.class).single();
        transactions.executeWithoutResult(status -> events.publishEvent(new Notice(Set.of(recipient), TestNotices.REMINDER,
                "test.notice.reminder", List.of(customer, "2027-01-31"), link)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ?").param(recipient).query(Long.class).single() == before + 1);
    }

    /** The bell's count as shown ("" without a badge), read in one step: htmx may swap the bell at any moment. */
    String bellCount() {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const c = document.getElementById('zd-bell-count'); return c ? c.textContent.trim() : '';");
        return text == null ? "" : text.toString();
    }

    @Test
    void aNoticeRingsTheBellAndOpeningItFromTheCentreReadsIt() {
        long sales1 = userId("sales1");
        long customer = jdbc.sql("SELECT MIN(id) FROM customer WHERE owner_id = ?").param(sales1).query(Long.class).single();
        String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(customer).query(String.class).single();

        // the demo company told sales1 about their expiring protections: start from a read inbox
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);
        jdbc.sql("UPDATE notice SET read_at = CURRENT_TIMESTAMP WHERE recipient_id = ? AND read_at IS NULL").param(sales1).update();

        driver.manage().deleteAllCookies();
        driver.get(url("/login?lang=zh-CN"));
        driver.findElement(By.id("username")).sendKeys("sales1");
        driver.findElement(By.id("password")).sendKeys("zhidu123");
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("工作台"));
        assertThat(bellCount()).isEmpty();

        publish(sales1, name, "/customers/" + customer);
        driver.navigate().refresh();
        assertThat(bellCount()).isEqualTo("1");
        Browser.screenshot(driver, "notification-01-bell-zh");

        driver.findElement(By.id("zd-bell")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("通知中心"));
        assertThat(driver.findElement(By.id("notices-list")).getText())
                .contains("客户" + name + "的保护期将于2027-01-31到期", "测试提醒");
        Browser.screenshot(driver, "notification-02-centre-zh");

        driver.findElement(By.cssSelector("#notices-list a.zd-notice-text")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
        assertThat(driver.getCurrentUrl()).endsWith("/customers/" + customer);
        assertThat(bellCount()).isEmpty();
        driver.findElement(By.id("zd-bell")).click();
        assertThat(driver.findElement(By.id("notices-empty")).getText()).startsWith("没有未读通知");
        driver.findElement(By.id("notices-all")).click();
        assertThat(driver.findElement(By.id("notices-list")).getText()).contains("已读");
        Browser.screenshot(driver, "notification-03-read-zh");

        // in English, marking read in place (htmx) updates the row and the bell without a reload
        publish(sales1, name, null);
        publish(sales1, "第二家公司", null);
        driver.get(url("/notifications?lang=en"));
        assertThat(driver.getTitle()).isEqualTo("Notifications");
        assertThat(bellCount()).isEqualTo("2");
        assertThat(driver.findElement(By.id("notices-list")).getText())
                .contains("The protection of customer 第二家公司 expires on 2027-01-31", "Test reminder");
        Browser.screenshot(driver, "notification-04-centre-en");
        driver.findElement(By.cssSelector("#notices-list .zd-notice-mark")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> bellCount().equals("1"));
        // the bell and the row are swapped by htmx separately: wait for the row too
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#notices-list .zd-notice-unread")).size() == 1);
        Browser.screenshot(driver, "notification-05-marked-en");

        driver.findElement(By.id("notices-preferences")).click();
        assertThat(driver.getTitle()).isEqualTo("Notification settings");
        assertThat(driver.findElement(By.id("preferences-topics")).getText()).contains("Test alert", "Test reminder");
        Browser.screenshot(driver, "notification-06-preferences-en");
        driver.get(url("/notifications/preferences?lang=zh-CN"));
        scrolledTo(By.id("email-test.reminder")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("emailLanguage"))).selectByValue("EN");
        scrolledTo(By.id("preferences-save")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.id("email-test.reminder")).isSelected()).isTrue();
        Browser.screenshot(driver, "notification-07-preferences-zh");
    }

    /** The element, scrolled to the middle of the window (the settings list is longer than the window). */
    private org.openqa.selenium.WebElement scrolledTo(By by) {
        org.openqa.selenium.WebElement el = driver.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", el);
        return el;
    }
}
