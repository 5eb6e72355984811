package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval journey in a real browser: a request of sales1 routed up the reporting line
 * reaches director1's inbox (counted in the top bar), who approves with a comment; bizmgr
 * approves in English; the trail shows both decisions to the requester.
 */
class ApprovalJourneyBrowserIT extends BrowserJourney {

    @Autowired
    Approvals approvals;
    @Autowired
    Staff staff;

    long id(String username) {
        return staff.byUsername(username).orElseThrow().id();
    }

    /** The test-only helper standing in for a requesting module: sales1 asks up the line to the business manager. */
    long submitAsSales1() {
        return approvals.submit(new ApprovalRequest("TEST", 1, "approval.detail.title", List.of("T-1"), "/customers",
                new Route.ReportingLine(Role.BUSINESS_MANAGER), id("sales1")));
    }

    @Test
    void aRequestGoesUpTheReportingLineAndTheTrailShowsBothDecisions() {
        long approval = submitAsSales1();

        signIn("director1", "zh-CN");
        assertThat(driver.findElement(By.id("zd-approvals-count")).getText()).isEqualTo("1");
        driver.findElement(By.id("zd-approvals")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("我的审批"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#approvals-table tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("审批申请 #T-1", "孙丽", "审批中", "第 1 步");
        Browser.screenshot(driver, "approval-01-inbox-zh");

        rows.get(0).findElement(By.tagName("a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        assertThat(driver.findElement(By.id("approval-title")).getText()).isEqualTo("审批申请 #T-1");
        assertThat(driver.findElement(By.id("approval-" + approval)).getText()).contains("第 1 步", "待审批", "陈明", "第 2 步", "未开始", "张伟");

        // a rejection needs a reason: the error is on the field, nothing is decided
        submitAndWait(By.id("reject-submit"));
        WebElement reason = driver.findElement(By.id("reject-comment"));
        assertThat(reason.getAttribute("class")).contains("is-invalid");
        assertThat(driver.getPageSource()).contains("驳回时必须填写理由。");
        Browser.screenshot(driver, "approval-02-reject-needs-reason-zh");

        driver.findElement(By.id("approve-comment")).sendKeys("客户情况属实，同意。");
        click(By.id("approve-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已同意。"));
        assertThat(driver.findElements(By.id("approve-form"))).isEmpty();
        assertThat(driver.findElements(By.id("zd-approvals-count"))).isEmpty();
        assertThat(driver.findElement(By.id("approval-" + approval)).getText()).contains("同意", "陈明", "客户情况属实，同意。", "第 2 步", "待审批", "张伟");
        Browser.screenshot(driver, "approval-03-director-approved-zh");

        signIn("bizmgr", "en");
        assertThat(driver.findElement(By.id("zd-approvals-count")).getText()).isEqualTo("1");
        driver.findElement(By.id("zd-approvals")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("My approvals"));
        assertThat(driver.findElement(By.id("tab-pending")).getText()).isEqualTo("Awaiting me");
        driver.findElement(By.cssSelector("#approvals-table tbody tr a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("approve-form")));
        assertThat(driver.findElement(By.id("approval-title")).getText()).isEqualTo("Approval request #T-1");
        Browser.screenshot(driver, "approval-04-request-en");
        driver.findElement(By.id("approve-comment")).sendKeys("Agreed.");
        click(By.id("approve-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval-status"), "Approved"));
        String trail = driver.findElement(By.id("approval-" + approval)).getText();
        assertThat(trail).contains("Step 1", "陈明", "客户情况属实，同意。", "Step 2", "张伟", "Agreed.");
        Browser.screenshot(driver, "approval-05-approved-en");

        signIn("sales1", "zh-CN");
        driver.get(url("/approvals?tab=requested"));
        driver.findElement(By.cssSelector("#approvals-table tbody tr a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("approval-status")));
        assertThat(driver.findElement(By.id("approval-status")).getText()).isEqualTo("已通过");
        assertThat(driver.findElements(By.id("withdraw-form"))).isEmpty();
        assertThat(driver.findElement(By.id("approval-" + approval)).getText())
                .contains("孙丽", "第 1 步", "陈明", "客户情况属实，同意。", "第 2 步", "张伟", "Agreed.");
        Browser.screenshot(driver, "approval-06-requester-trail-zh");
    }
}
