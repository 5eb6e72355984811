package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.credit.CustomerCredits;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shipping.ShippingFixtures;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A blocked shipment released by the GM in a real browser: the warehouse enters a shipping order
 * from a signed contract's page (a quantity beyond the contract is refused and kept), confirms it, the
 * credit check blocks it over the limit with its reason, the warehouse asks for release, the GM
 * approves it, the warehouse is told and the order is released; in Chinese, the queue also in English.
 * And a contract beyond the customer's credit: the GM sees why the review came to them.
 */
class ShippingJourneyBrowserIT extends BrowserJourney {

    @Autowired
    Contracts contracts;
    @Autowired
    CustomerCredits credits;
    @Autowired
    Approvals approvals;
    @Autowired
    BusinessClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBlockedShipmentIsReleasedByTheGm() throws InterruptedException {
        ShippingFixtures fx = new ShippingFixtures(contracts, credits, approvals, clock, jdbc);
        long customer = freshCustomerOfSales3();
        ContractView contract = fx.signedContract(customer);
        fx.grant(customer, "1500");

        signIn("warehouse", "zh-CN");
        // from the signed contract's page to a new order of it
        driver.get(url("/contracts/" + contract.id()));
        submitAndWait(By.id("contract-order-shipment"));
        assertThat(driver.findElement(By.id("contract-number")).getAttribute("value")).isEqualTo(contract.number());
        driver.findElement(By.id("q1")).sendKeys("11");
        assertThat(driver.findElement(By.id("requestedOn")).getAttribute("value")).isEqualTo(clock.today().toString());
        submitAndWait(By.id("shipment-save"));
        assertThat(driver.findElement(By.id("zd-refusal")).getText()).contains("合同行 1 最多还能发 10");
        assertThat(driver.findElement(By.id("q1")).getAttribute("value")).isEqualTo("11");
        Browser.screenshot(driver, "shipping-00-form-refused-zh");
        driver.findElement(By.id("q1")).clear();
        driver.findElement(By.id("q1")).sendKeys("2");
        submitAndWait(By.id("shipment-save"));
        assertThat(driver.findElement(By.id("shipment-status")).getText()).isEqualTo("草稿");
        assertThat(driver.findElement(By.id("shipment-amount")).getText()).isEqualTo("¥2,000.00");

        submitAndWait(By.id("shipment-confirm"));
        assertThat(driver.findElement(By.id("shipment-status")).getText()).isEqualTo("已确认");
        submitAndWait(By.id("shipment-release"));
        assertThat(driver.findElement(By.id("shipment-status")).getText()).isEqualTo("信用冻结");
        assertThat(driver.findElement(By.id("shipment-reasons")).getText()).contains("OVER_LIMIT", "¥500.00");
        Browser.screenshot(driver, "shipping-01-blocked-zh");
        submitAndWait(By.id("shipment-request-release"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).contains("放行申请已提交审批");
        assertThat(driver.findElement(By.id("shipment-trail")).getText()).contains("总经理");
        String orderUrl = driver.getCurrentUrl();

        long approval = jdbc.sql("SELECT release_approval_id FROM shipping_order WHERE contract_id = ?").param(contract.id())
                .query(Long.class).single();
        signIn("gm", "zh-CN");
        driver.get(url("/approvals/" + approval));
        submitAndWait(By.id("approve-submit"));
        for (int i = 0; i < 100 && !"RELEASED".equals(jdbc.sql("SELECT status FROM shipping_order WHERE release_approval_id = ?")
                .param(approval).query(String.class).single()); i++) {
            Thread.sleep(100);
        }

        signIn("warehouse", "zh-CN");
        // the warehouse is told the goods may go
        for (int i = 0; i < 100 && jdbc.sql("SELECT COUNT(*) FROM notice WHERE link = ? AND message_key = 'shipping.notice.released'")
                .param(orderUrl.replaceAll(".*(/shipments/\\d+).*", "$1")).query(Long.class).single() == 0; i++) {
            Thread.sleep(100);
        }
        driver.get(url("/notifications"));
        assertThat(driver.getPageSource()).contains("发货单已获特批放行：合同 " + contract.number());
        driver.get(orderUrl);
        assertThat(driver.findElement(By.id("shipment-status")).getText()).isEqualTo("已放行");
        assertThat(driver.findElement(By.id("shipment-trail")).getText()).contains("已通过");
        Browser.screenshot(driver, "shipping-02-released-zh");
        submitAndWait(By.id("shipment-ship"));
        assertThat(driver.findElement(By.id("shipment-status")).getText()).isEqualTo("已发货");

        driver.get(url("/shipments?status=SHIPPED&lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Shipping queue");
        Browser.screenshot(driver, "shipping-03-queue-en");
    }

    @Test
    void aContractBeyondTheCreditGoesToTheGmWhoSeesWhy() throws InterruptedException {
        ShippingFixtures fx = new ShippingFixtures(contracts, credits, approvals, clock, jdbc);
        long customer = freshCustomerOfSales3();
        fx.grant(customer, "8000");
        DataScope sales3 = DataScope.ownOnly(jdbc.sql("SELECT id FROM employee WHERE username = 'sales3'").query(Long.class).single());
        long id = contracts.draft(sales3, new Contracts.Draft(customer, List.of(new Contracts.Line(null, "评审旅程设备", BigDecimal.ONE,
                "台", new BigDecimal("9500"), new BigDecimal("9500"))),
                List.of(new Contracts.Term(new BigDecimal("100"), PaymentAnchor.SIGNING, 30)))).id();

        signIn("sales3", "zh-CN");
        driver.get(url("/contracts/" + id));
        submitAndWait(By.id("contract-submit"));
        assertThat(driver.findElement(By.id("contract-review-flags")).getText())
                .contains("超出可用信用 ¥8,000.00", "超出 ¥1,500.00", "总经理", "6.2.3-1");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                driver.findElement(By.id("contract-review-flags")));
        Browser.screenshot(driver, "contract-review-01-flagged-zh");

        long approval = jdbc.sql("SELECT id FROM approval WHERE subject_type = 'CONTRACT' AND subject_id = ? AND status = 'PENDING'")
                .param(id).query(Long.class).single();
        signIn("gm", "en");
        driver.get(url("/approvals/" + approval));
        assertThat(driver.findElement(By.id("approval-notes")).getText())
                .contains("Why this request came to you", "exceeds the available credit ¥8,000.00", "by ¥1,500.00", "6.2.3-1");
        Browser.screenshot(driver, "contract-review-02-gm-en");
        submitAndWait(By.id("approve-submit"));
        for (int i = 0; i < 100 && !"APPROVED".equals(jdbc.sql("SELECT status FROM contract WHERE id = ?").param(id)
                .query(String.class).single()); i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("SELECT status FROM contract WHERE id = ?").param(id).query(String.class).single()).isEqualTo("APPROVED");
    }

    /** A demo customer of sales3 without credit or receivables. */
    private long freshCustomerOfSales3() {
        return jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales3' AND c.deleted_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM credit_change ch WHERE ch.customer_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM receivable r WHERE r.customer_id = c.id)
                        ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
    }
}
