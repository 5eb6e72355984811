package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The main journeys in a real browser: the application served on a real port, Debian chromium. */
/** The main journeys in a real browser: sign-in, navigation per role, users, the customer archive. */
class LoginJourneyBrowserIT extends BrowserJourney {

    List<String> navigation() {
        return driver.findElements(By.cssSelector("#zd-sidebar a.nav-link")).stream().map(WebElement::getText).map(String::trim).toList();
    }

    @Test
    void aSalespersonSignsInInChineseSwitchesToEnglishSeesTheirNavigationAndSignsOut() {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        assertThat(driver.getTitle()).isEqualTo("登录 - 制度CRM");
        Browser.screenshot(driver, "01-login-zh");

        submitLogin("sales1", "wrong-password");
        assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误，或账户暂时被锁定。");

        submitLogin("sales1", "zhidu123");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("工作台"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("您好，孙丽");
        assertThat(driver.findElement(By.id("home-roles")).getText()).isEqualTo("业务员");
        assertThat(navigation()).containsExactly("工作台", "我的审批", "客户列表", "新建客户", "导入客户", "我的申报", "公海", "客户分群", "合同",
                "应收款", "回款", "应收账款账龄", "催收案件", "信用档案维护", "实地调查", "信息处理单", "客户分级统计", "管理制度");
        Browser.screenshot(driver, "02-home-sales1-zh");

        driver.findElement(By.id("zd-lang")).click();
        driver.findElement(By.id("lang-en")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Workbench"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hello, 孙丽");
        assertThat(navigation()).containsExactly("Workbench", "My approvals", "Customers", "New customer", "Import customers",
                "My declarations", "Public pool", "Segments", "Contracts", "Receivables", "Payments", "AR aging", "Collection cases",
                "Credit file upkeep", "Field investigations", "Information slips", "Grade figures", "Policy");
        assertThat(driver.findElement(By.id("home-roles")).getText()).isEqualTo("Salesperson");
        Browser.screenshot(driver, "03-home-sales1-en");

        // the admin screens stay shut whatever the URL
        driver.get(url("/admin/users"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("You are not allowed to do this.");

        driver.get(url("/"));
        driver.findElement(By.id("zd-user-menu")).click();
        driver.findElement(By.id("zd-logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.getPageSource()).contains("You have signed out.");
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        // back to Chinese for the other journeys
        driver.get(url("/login?lang=zh-CN"));
    }

    @Test
    void anAdminSeesTheSystemAreaAndCreatesAUserFixingABadField() {
        driver.get(url("/login?lang=zh-CN"));
        submitLogin("admin", "zhidu123");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("工作台"));
        assertThat(navigation()).containsExactly("工作台", "我的审批", "客户列表", "新建客户", "导入客户", "客户分群", "回收站", "管理制度", "用户管理",
                "组织架构", "审计日志", "定时任务", "业务日期");

        click(By.cssSelector("a[data-nav='/admin/users']"));
        assertThat(driver.findElements(By.cssSelector("#users-table tbody tr"))).hasSizeGreaterThanOrEqualTo(16);
        Browser.screenshot(driver, "04-users");
        driver.findElement(By.id("user-new")).click();
        driver.findElement(By.id("username")).sendKeys("bad name");
        driver.findElement(By.id("fullName")).sendKeys("郑小刚");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("departmentId"))).selectByVisibleText("业务部");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("officeId"))).selectByVisibleText("华北办事处");
        driver.findElement(By.cssSelector("input[name='roles'][value='SALES']")).click();
        submitAndWait(By.id("user-save"));

        WebElement username = driver.findElement(By.id("username"));
        assertThat(username.getAttribute("class")).contains("is-invalid");
        assertThat(username.getAttribute("value")).isEqualTo("bad name");
        assertThat(driver.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("郑小刚");
        assertThat(driver.getPageSource()).contains("用户名为 2–50 位字母、数字或 . _ -");
        Browser.screenshot(driver, "05-user-form-error");

        username.clear();
        username.sendKeys("zhengxg");
        driver.findElement(By.id("user-save")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("temporary-password")));
        assertThat(driver.findElement(By.id("temporary-password")).getText()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(driver.findElement(By.id("user-state")).getText()).isEqualTo("在职");
        Browser.screenshot(driver, "06-user-created");

        click(By.cssSelector("a[data-nav='/admin/audit']"));
        driver.findElement(By.id("audit-verify")).click();
        assertThat(driver.findElement(By.id("audit-verification")).getText()).startsWith("哈希链完整");
        Browser.screenshot(driver, "07-audit");
    }

    @Test
    void aSalespersonRegistersACustomerFixingTheCreditCodeFindsItByTwoCharactersExportsAndEditsIt() throws Exception {
        driver.get(url("/login?lang=zh-CN"));
        submitLogin("sales2", "zhidu123");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("工作台"));
        click(By.cssSelector("a[data-nav='/customers/new']"));
        driver.findElement(By.id("name")).sendKeys("嘉兴麒麟浏览器测试纺织有限公司");
        driver.findElement(By.id("uscc")).sendKeys("91350100M000100Y44");
        driver.findElement(By.id("industry")).sendKeys("纺织");
        driver.findElement(By.id("address")).sendKeys("嘉兴市南湖区 8 号");
        submitAndWait(By.id("customer-save"));

        WebElement uscc = driver.findElement(By.id("uscc"));
        assertThat(uscc.getAttribute("class")).contains("is-invalid");
        assertThat(uscc.getAttribute("value")).isEqualTo("91350100M000100Y44");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("嘉兴麒麟浏览器测试纺织有限公司");
        assertThat(driver.findElement(By.id("address")).getAttribute("value")).isEqualTo("嘉兴市南湖区 8 号");
        assertThat(driver.getPageSource()).contains("统一社会信用代码校验位不符，请核对。");
        Browser.screenshot(driver, "08-customer-bad-uscc");

        uscc.clear();
        uscc.sendKeys("91350100M000100Y43");
        click(By.id("customer-save"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
        assertThat(driver.findElement(By.id("customer-uscc")).getText()).isEqualTo("91350100M000100Y43");
        Browser.screenshot(driver, "09-customer-page");

        click(By.cssSelector("a[data-nav='/customers']"));
        driver.findElement(By.id("q")).sendKeys("麒麟");
        submitAndWait(By.id("customer-search"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#customers-table tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("嘉兴麒麟浏览器测试纺织有限公司");
        Browser.screenshot(driver, "10-customer-search");

        // the export carries the search: one customer in the file, the contacts sheet beside it
        Browser.clearDownloads();
        driver.findElement(By.id("customers-export")).click();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Browser.downloaded("customers.xlsx", Duration.ofSeconds(20)).toFile())) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isOne();
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("嘉兴麒麟浏览器测试纺织有限公司");
            assertThat(wb.getSheetName(1)).isEqualTo("联系人");
        }
        rows = driver.findElements(By.cssSelector("#customers-table tbody tr"));

        rows.get(0).findElement(By.tagName("a")).click();
        driver.findElement(By.id("customer-edit")).click();
        WebElement phone = driver.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys("0573-82345678");
        click(By.id("customer-save"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
        assertThat(driver.getPageSource()).contains("0573-82345678");
        driver.findElement(By.id("tab-history")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-timeline")));
        assertThat(driver.findElement(By.id("customer-timeline")).getText()).contains("修改", "电话", "0573-82345678");
        Browser.screenshot(driver, "11-customer-history");

        driver.findElement(By.id("zd-lang")).click();
        driver.findElement(By.id("lang-en")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("customer-name")));
        assertThat(driver.findElement(By.id("tab-contacts")).getText()).startsWith("Contacts");
        assertThat(driver.getPageSource()).contains("Unified social credit code", "End user", "Print");
        Browser.screenshot(driver, "12-customer-page-en");
        driver.get(url("/customers?lang=zh-CN"));
    }
}
