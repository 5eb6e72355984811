package io.zhidu.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.support.Browser;
import io.zhidu.crm.support.BrowserJourney;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A salesperson attaches the signed scan to a demo contract in a real browser; a renamed file is refused with its reason. */
class AttachmentBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSalespersonUploadsTheSignedScanToAContract() throws Exception {
        long contract = jdbc.sql("""
                        SELECT c.id FROM contract c JOIN employee e ON e.id = c.owner_id
                        WHERE e.username = 'sales1' AND c.status = 'SIGNED' ORDER BY c.id FETCH FIRST 1 ROWS ONLY""")
                .query(Long.class).single();
        Path dir = Files.createTempDirectory("attachments");
        Path scan = Files.write(dir.resolve("合同签字页.pdf"), "%PDF-1.4\n% signed scan\n%%EOF\n".getBytes());
        Path fake = Files.write(dir.resolve("报价单.xlsx"), "MZ this is no spreadsheet".getBytes());

        signIn("sales1", "zh-CN");
        driver.get(url("/contracts/" + contract));
        assertThat(driver.findElement(By.id("contract-price-date")).getText()).contains("签订日期的目录价");
        assertThat(driver.findElement(By.id("attachments")).getText()).contains("还没有附件");
        driver.findElement(By.id("attachment-file")).sendKeys(scan.toString());
        submitAndWait(By.id("attachment-upload"));
        assertThat(driver.findElement(By.id("zd-flash")).getText()).contains("合同签字页.pdf");
        assertThat(driver.findElement(By.id("attachments-table")).getText()).contains("合同签字页.pdf", "孙丽");
        Browser.screenshot(driver, "attachment-01-uploaded-zh");

        driver.findElement(By.id("attachment-file")).sendKeys(fake.toString());
        submitAndWait(By.id("attachment-upload"));
        assertThat(driver.findElement(By.id("zd-refusal")).getText()).isEqualTo("文件内容与扩展名 .xlsx 不符，未保存。");
        assertThat(driver.findElement(By.id("attachments-table")).getText()).doesNotContain("报价单.xlsx");
        Browser.screenshot(driver, "attachment-02-refused-zh");
    }
}
