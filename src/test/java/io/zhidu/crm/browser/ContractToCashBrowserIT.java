package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import io.zhidu.crm.support.TestUscc;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From contract to cash in a real browser (issue #5): sales1 drafts a contract on the screen and
 * submits it for review; the approver the contract policy names approves it in 我的审批; sales1
 * signs it; finance enters a payment on /payments, which settles the oldest installment and part
 * of the next; the aging shows what is still open, in Chinese and English.
 */
class ContractToCashBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Policies policies;

    @Test
    void salesDraftsTheApproverApprovesSalesSignsFinanceEntersThePaymentAndTheAgingShowsTheRest() throws Exception {
        String name = "回款旅程测试有限公司" + new Random().nextInt(1_000_000);
        long customer = customerOfSales1(name);

        signIn("sales1", "zh-CN");
        driver.get(url("/contracts/new?customerId=" + customer));
        driver.findElement(By.name("lines[0].product")).sendKeys("离心泵 XJ-200");
        driver.findElement(By.name("lines[0].quantity")).sendKeys("2");
        driver.findElement(By.name("lines[0].unit")).sendKeys("台");
        driver.findElement(By.name("lines[0].listPrice")).sendKeys("50000");
        driver.findElement(By.name("lines[0].unitPrice")).sendKeys("52000");
        replace(By.name("terms[0].percent"), "40");
        replace(By.name("terms[0].days"), "0");
        driver.findElement(By.name("terms[1].percent")).sendKeys("60");
        new Select(driver.findElement(By.name("terms[1].anchor"))).selectByValue("SIGNING");
        driver.findElement(By.name("terms[1].days")).sendKeys("60");
        submitAndWait(By.id("contract-save"));
        long contract = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/contracts/(\\d+).*", "$1"));
        submitAndWait(By.id("contract-submit"));
        assertThat(driver.findElement(By.id("contract-status")).getText()).isEqualTo("评审中");

        // 104,000.00: the business-dept manager up to the policy's threshold, the VP above it
        BigDecimal threshold = policies.current().decimal("contract", "review-threshold");
        String approver = new BigDecimal("104000").compareTo(threshold) <= 0 ? "bizmgr" : "vp";
        long approval = jdbc.sql("SELECT id FROM approval WHERE subject_type = 'CONTRACT' AND subject_id = ? AND status = 'PENDING'")
                .param(contract).query(Long.class).single();
        signIn(approver, "zh-CN");
        driver.get(url("/approvals"));
        click(By.cssSelector("#approvals-table a[href$='/approvals/" + approval + "']"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        driver.findElement(By.id("approve-comment")).sendKeys("价格与条款合规，同意。");
        submitAndWait(By.id("approve-submit"));
        waitFor(() -> "APPROVED".equals(jdbc.sql("SELECT status FROM contract WHERE id = ?").param(contract)
                .query(String.class).single()));

        signIn("sales1", "zh-CN");
        driver.get(url("/contracts/" + contract));
        submitAndWait(By.id("contract-sign"));
        assertThat(driver.findElement(By.id("contract-status")).getText()).isEqualTo("已签订");
        Browser.screenshot(driver, "cash-01-contract-signed-zh");

        signIn("finance", "zh-CN");
        driver.get(url("/payments"));
        click(By.id("payment-new"));
        driver.findElement(By.id("q")).sendKeys(name);
        submitAndWait(By.id("payment-customer-search"));
        new Select(driver.findElement(By.id("customerId"))).selectByValue(Long.toString(customer));
        driver.findElement(By.id("amount")).sendKeys("50000.00");
        String reference = "BANK-" + System.nanoTime();
        driver.findElement(By.id("reference")).sendKeys(reference);
        Browser.screenshot(driver, "cash-02-payment-form-zh");
        submitAndWait(By.id("payment-save"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).isEqualTo("回款已登记。");
        assertThat(driver.findElement(By.id("allocations-table")).getText()).contains("第 1 期", "41,600.00", "第 2 期", "8,400.00");
        Browser.screenshot(driver, "cash-03-payment-zh");

        driver.get(url("/receivables/aging?groupBy=customer"));
        WebElement row = driver.findElement(By.xpath("//table[@id='aging-table']//tr[td/a[contains(@href, 'customerId=" + customer + "')]]"));
        assertThat(row.getText()).contains(name, "54,000.00");
        Browser.screenshot(driver, "cash-04-aging-zh");

        signIn("finance", "en");
        driver.get(url("/receivables/aging?groupBy=customer"));
        row = driver.findElement(By.xpath("//table[@id='aging-table']//tr[td/a[contains(@href, 'customerId=" + customer + "')]]"));
        assertThat(row.getText()).contains("54,000.00");
        assertThat(driver.findElement(By.id("aging-table")).getText()).contains("Not yet due", "Written off");
        Browser.screenshot(driver, "cash-05-aging-en");
        driver.get(url("/payments?customerId=" + customer));
        assertThat(driver.findElement(By.id("payments-table")).getText()).contains(reference, "50,000.00", "Bank transfer");
        Browser.screenshot(driver, "cash-06-payments-en");
    }

    private void replace(By by, String value) {
        WebElement el = driver.findElement(by);
        el.clear();
        el.sendKeys(value);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** A fresh customer of sales1, registered through the API (so the aging row is this journey's alone). */
    private long customerOfSales1(String name) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = field(http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sales1\",\"password\":\"zhidu123\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "token");
        String body = "{\"name\":\"" + name + "\",\"uscc\":\"" + TestUscc.next(new Random(), "91310000")
                + "\",\"type\":\"END_USER\",\"category\":\"REGULAR\",\"stage\":\"ACTIVE\",\"industry\":\"机械\",\"region\":\"华东\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/customers")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(field(created.body(), "id"));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
