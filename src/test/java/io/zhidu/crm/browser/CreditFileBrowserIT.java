package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistician records a field investigation (实地调查记录表, 6.2.4-2(1)) with a photo in a real
 * browser: a missing grade is refused with the typed text kept, the saved record carries its file,
 * and the customer's credit tab shows it with the points its grade adds to the score (6.2.4-3(3)).
 */
class CreditFileBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStatisticianRecordsAnInvestigationWithAFileAndTheCreditTabShowsIt() throws Exception {
        long customer = jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales2' AND c.deleted_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM credit_investigation i WHERE i.customer_id = c.id)
                        ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
        Path dir = Files.createTempDirectory("investigation");
        Path photo = Files.write(dir.resolve("门店照片.pdf"), "%PDF-1.4\n% site photos\n%%EOF\n".getBytes());

        signIn("stat", "zh-CN");
        driver.get(url("/customers/" + customer));
        openCreditTab();
        assertThat(driver.findElement(By.id("credit-field-score")).getText()).contains("尚无实地调查");
        submitAndWait(By.id("investigation-new"));
        driver.findElement(By.id("investigators")).sendKeys("刘芳、周杰");
        driver.findElement(By.id("businessStatus")).sendKeys("两处门店，客流稳定");
        driver.findElement(By.id("findings")).sendKeys("经营正常，仓库整洁，付款及时");
        submitAndWait(By.id("investigation-save"));
        assertThat(driver.findElement(By.cssSelector("#grade + .invalid-feedback")).getText()).isEqualTo("请选择评定等级。");
        assertThat(driver.findElement(By.id("findings")).getAttribute("value")).isEqualTo("经营正常，仓库整洁，付款及时");
        assertThat(driver.findElement(By.id("businessStatus")).getAttribute("value")).isEqualTo("两处门店，客流稳定");
        Browser.screenshot(driver, "creditfile-00-refused-zh");

        new Select(driver.findElement(By.id("grade"))).selectByValue("3");
        driver.findElement(By.id("investigation-file")).sendKeys(photo.toString());
        submitAndWait(By.id("investigation-save"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).isEqualTo("实地调查已记录。");
        assertThat(driver.findElement(By.id("investigation-grade")).getText()).isEqualTo("3 级：良好");
        assertThat(driver.findElement(By.id("attachments-table")).getText()).contains("门店照片.pdf", "刘芳");
        Browser.screenshot(driver, "creditfile-01-recorded-zh");

        driver.get(url("/customers/" + customer));
        openCreditTab();
        assertThat(driver.findElement(By.id("credit-investigations")).getText()).contains("刘芳、周杰", "3 级：良好");
        assertThat(driver.findElement(By.id("credit-field-score")).getText()).contains("3 × 5 = 15 分");
        Browser.screenshot(driver, "creditfile-02-tab-zh");

        driver.get(url("/credit/files"));
        assertThat(driver.findElement(By.id("credit-files-help")).getText()).contains("30 天", "12 个月");
        Browser.screenshot(driver, "creditfile-03-worklist-zh");
    }

    private void openCreditTab() {
        click(By.id("tab-credit"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-files")));
    }
}
