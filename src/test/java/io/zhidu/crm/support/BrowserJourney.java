package io.zhidu.crm.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser journeys: the application with the demo company on a real port (one shared
 * context, "zhidu_browser"), one Debian chromium per test class, and the moves every journey
 * makes: open a page, sign in, click what may be below the fold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"zhidu.demo-data=true", "zhidu.clock.adjustable=true", "zhidu.scheduling.enabled=false"})
@ExtendWith({BrowserAvailable.class, DatabaseAvailable.class})
public abstract class BrowserJourney {

    protected static WebDriver driver;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "zhidu_browser");
    }

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fills and sends the login form in a fresh session; does not wait for the outcome. */
    protected void submitLogin(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Signs a demo user in, in the given language ({@code zh-CN} or {@code en}), and waits for the workbench. */
    protected void signIn(String username, String lang) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login?lang=" + lang));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("zhidu123");
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("zd-user-name")));
    }

    /**
     * Clicks what leaves the page (a form's button, a link) and waits until the answer has replaced
     * the page, so that the next look-up cannot find an element of the page that was just left.
     */
    protected void submitAndWait(By button) {
        WebElement el = driver.findElement(button);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", el);
        el.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(el));
    }

    /** Clicks an element after scrolling it to the middle of the window (long forms, sticky bars). */
    protected void click(By by) {
        WebElement el = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", el);
        el.click();
    }
}
