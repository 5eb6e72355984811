package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.credit.CustomerCredits;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shipping.ShippingFixtures;
import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A blocked shipment released by the GM in a real browser: the warehouse enters a shipping order
 * for a signed contract (a quantity beyond the contract is refused and kept), confirms it, the
 * credit check blocks it over the limit with its reason, the warehouse asks for release, the GM
 * approves it, and the order is released; in Chinese, the queue also in English.
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
        long customer = jdbc.sql("""
                        SELECT c.id FROM customer c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales3' AND c.deleted_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM credit_change ch WHERE ch.customer_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM receivable r WHERE r.customer_id = c.id)
                        ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
        ContractView contract = fx.signedContract(customer);
        fx.grant(customer, "1500");

        signIn("warehouse", "zh-CN");
        driver.get(url("/shipments/new"));
        driver.findElement(By.id("contract-number")).sendKeys(contract.number());
        submitAndWait(By.id("shipment-find-contract"));
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
}
