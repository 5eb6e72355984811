package io.zhidu.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** The price list in Excel (issue #5 item 2) and the list price of the signing date (item 2, "on the signing date"). */
class PriceListIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random(1919);

    @Autowired
    BusinessClock clock;

    /** A sheet with the template's Chinese headers and the given rows (a LocalDate is written as a date cell). */
    static byte[] sheet(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("价目表");
            Row h = s.createRow(0);
            List<String> headers = List.of("产品编码", "产品名称", "单位", "目录价", "生效日期");
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "价目表.xlsx", null, content);
    }

    long prices(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM product_price pp JOIN product p ON p.id = pp.product_id WHERE p.code = ?")
                .param(code).query(Long.class).single();
    }

    long products(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM product WHERE code LIKE ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void aGoodFileCreatesProductsAndAddsPricesAndTheSameFileAgainChangesNothing() throws Exception {
        String bizmgr = token("bizmgr");
        LocalDate jan = LocalDate.of(2025, 1, 1);
        byte[] file = sheet(List.of(
                List.of("PL-A-1", "数控车床", "台", 128000, jan),
                List.of("PL-A-1", "数控车床", "台", "135,000.00", "2025/07/01"),
                java.util.Arrays.asList("PL-A-2", "刀具套装", "套", new BigDecimal("980.5"), jan)));
        mvc.perform(multipart("/api/v1/products/import").file(file(file)).header("Authorization", bearer(bizmgr)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.rows").value(3)).andExpect(jsonPath("$.productsCreated").value(2))
                .andExpect(jsonPath("$.pricesAdded").value(3));
        assertThat(prices("PL-A-1")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT list_price FROM product_price pp JOIN product p ON p.id = pp.product_id WHERE p.code = 'PL-A-2'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("980.50");
        // re-importing the same file: the prices are in the catalogue already, nothing added
        mvc.perform(multipart("/api/v1/products/import").file(file(file)).header("Authorization", bearer(bizmgr)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pricesAdded").value(0)).andExpect(jsonPath("$.unchanged").value(3));
        // a known code takes a new price by its code alone (name and unit may be left out)
        mvc.perform(multipart("/api/v1/products/import").file(file(sheet(List.of(java.util.Arrays.asList("PL-A-2", null, null, 1000,
                        LocalDate.of(2026, 1, 1)))))).header("Authorization", bearer(bizmgr)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pricesAdded").value(1)).andExpect(jsonPath("$.productsCreated").value(0));
        assertThat(prices("PL-A-2")).isEqualTo(2);
    }

    @Test
    void oneBadRowAndNothingChangesEveryRowToldWithItsNumberInTheUsersLanguage() throws Exception {
        String bizmgr = token("bizmgr");
        LocalDate jan = LocalDate.of(2025, 1, 1);
        mvc.perform(multipart("/api/v1/products/import").file(file(sheet(List.of(List.of("PL-B-0", "主轴", "件", 5000, jan)))))
                .header("Authorization", bearer(bizmgr))).andExpect(status().isOk());
        byte[] bad = sheet(List.of(
                List.of("PL-B-1", "好的一行", "台", 100, jan),                   // row 2 fine
                List.of("PL-B-2", "没有价格", "台", "abc", jan),                  // row 3 price
                List.of("PL B 3", "编码有空格", "台", 100, jan),                  // row 4 code
                List.of("PL-B-4", "日期不对", "台", 100, "2025-13-40"),           // row 5 date
                List.of("PL-B-1", "好的一行", "台", 120, jan),                   // row 6 same code and date as row 2
                List.of("PL-B-0", "主轴", "件", 5200, jan),                      // row 7 rewrites a recorded price
                List.of("PL-B-0", "主轴总成", "件", 5200, LocalDate.of(2025, 6, 1)), // row 8 another name
                java.util.Arrays.asList("PL-B-5", null, "台", 100, jan)));       // row 9 new product without a name
        mvc.perform(multipart("/api/v1/products/import").file(file(bad)).header("Authorization", bearer(bizmgr)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("价目表有 7 处错误，未导入任何内容；请改正后重新导入。"))
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("目录价"))
                .andExpect(jsonPath("$.errors[1].row").value(4)).andExpect(jsonPath("$.errors[1].column").value("产品编码"))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].message").value("请填写生效日期（如 2026-01-01）。"))
                .andExpect(jsonPath("$.errors[3].row").value(6))
                .andExpect(jsonPath("$.errors[3].message").value("同一产品、同一生效日期已在第 2 行出现。"))
                .andExpect(jsonPath("$.errors[4].row").value(7))
                .andExpect(jsonPath("$.errors[4].message").value("2025-01-01 起的目录价已录入为 5000.00，不能改写；请从以后的日期录入新价格。"))
                .andExpect(jsonPath("$.errors[5].row").value(8)).andExpect(jsonPath("$.errors[5].column").value("产品名称"))
                .andExpect(jsonPath("$.errors[6].row").value(9));
        assertThat(products("PL-B-")).isEqualTo(1);
        assertThat(prices("PL-B-0")).isEqualTo(1);
        // in English
        mvc.perform(multipart("/api/v1/products/import").file(file(bad)).header("Authorization", bearer(bizmgr))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[3].message").value("The same product and effective date are already on row 2."));
        // not a spreadsheet, no file, no permission
        mvc.perform(multipart("/api/v1/products/import").file(file("not a spreadsheet".getBytes())).header("Authorization", bearer(bizmgr)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("这不是 Excel（.xlsx）文件。"));
        mvc.perform(multipart("/api/v1/products/import").header("Authorization", bearer(bizmgr))).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/products/import").file(file(bad)).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isForbidden());
        // the page shows the same report above the list, nothing imported
        String page = mvc.perform(multipart("/products/import").file(file(bad)).with(login("stat")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"price-list-errors\"", "同一产品、同一生效日期已在第 2 行出现。");
        assertThat(products("PL-B-")).isEqualTo(1);
        mvc.perform(multipart("/products/import").file(file(sheet(List.of(List.of("PL-B-9", "页面导入", "台", 10, jan)))))
                        .with(login("stat")).with(csrf()))
                .andExpect(redirectedUrl("/products"));
        assertThat(products("PL-B-")).isEqualTo(2);
    }

    @Test
    void theExportOpensWithPoiAndHasTheCurrentPricesAndTheWholeHistory() throws Exception {
        String bizmgr = token("bizmgr");
        LocalDate today = clock.today();
        mvc.perform(multipart("/api/v1/products/import").file(file(sheet(List.of(
                        List.of("PL-C-1", "导出测试", "台", 100, today.minusYears(1)),
                        List.of("PL-C-1", "导出测试", "台", 110, today.minusDays(1)),
                        List.of("PL-C-1", "导出测试", "台", 130, today.plusMonths(1))))))
                .header("Authorization", bearer(bizmgr))).andExpect(status().isOk());
        byte[] xlsx = mvc.perform(get("/products/export").with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("价目表");
            assertThat(wb.getSheetName(1)).isEqualTo("价格历史");
            Row current = find(wb.getSheetAt(0), "PL-C-1");
            assertThat(current.getCell(3).getNumericCellValue()).isEqualTo(110.0);
            assertThat(current.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today.minusDays(1));
            long history = 0;
            for (Row r : wb.getSheetAt(1)) {
                if (r.getCell(0) != null && "PL-C-1".equals(r.getCell(0).getStringCellValue())) {
                    history++;
                }
            }
            assertThat(history).isEqualTo(3);
        }
        byte[] template = mvc.perform(get("/products/import/template").with(login("bizmgr"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("产品编码");
        }
        mvc.perform(get("/products/export").with(login("sales1"))).andExpect(status().isForbidden());
    }

    private static Row find(Sheet sheet, String code) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && code.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    @Test
    void atSigningACatalogueLineTakesTheListPriceOfTheSigningDate() throws Exception {
        LocalDate realToday = clock.today();
        LocalDate drafted = realToday.minusDays(30);
        LocalDate signed = realToday.minusDays(5);
        String bizmgr = token("bizmgr");
        mvc.perform(multipart("/api/v1/products/import").file(file(sheet(List.of(
                        List.of("PL-D-1", "签订日取价", "台", 1000, realToday.minusDays(60)),
                        List.of("PL-D-1", "签订日取价", "台", 1100, realToday.minusDays(10))))))
                .header("Authorization", bearer(bizmgr))).andExpect(status().isOk());
        long productId = jdbc.sql("SELECT id FROM product WHERE code = 'PL-D-1'").query(Long.class).single();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "签订日取价测试" + RANDOM.nextInt(1_000_000) + "有限公司");
        c.put("uscc", TestUscc.next(RANDOM, "91310200"));
        c.put("type", "END_USER");
        c.put("category", "REGULAR");
        c.put("stage", "ACTIVE");
        String sales1 = token("sales1");
        String customer = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(c)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long customerId = ((Number) json.readValue(customer, Map.class).get("id")).longValue();
        String body = json.writeValueAsString(Map.of("customerId", customerId,
                "lines", List.of(Map.of("productId", productId, "quantity", 10, "unitPrice", 1200)),
                "paymentTerms", List.of(Map.of("percent", 100, "anchor", "SIGNING", "days", 30))));
        long offset = clock.offsetDays();
        long id;
        // drafted and approved a month ago, when the list price was 1,000
        try {
            clock.setToday(drafted);
            String response = mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(sales1))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.lines[0].listPrice").value(1000.00))
                    .andExpect(jsonPath("$.priceDate").value(drafted.toString()))
                    .andExpect(jsonPath("$.premium.rate").value(0.2)).andReturn().getResponse().getContentAsString();
            id = ((Number) json.readValue(response, Map.class).get("id")).longValue();
            String submitted = mvc.perform(post("/api/v1/contracts/" + id + "/submit").header("Authorization", bearer(sales1)))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            long approvalId = ((Number) json.readValue(submitted, Map.class).get("approvalId")).longValue();
            mvc.perform(post("/api/v1/approvals/" + approvalId + "/approve").header("Authorization", bearer(bizmgr))
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().is2xxSuccessful());
            for (int i = 0; i < 100 && !"APPROVED".equals(contractStatus(id)); i++) {
                Thread.sleep(100);
            }
            assertThat(contractStatus(id)).isEqualTo("APPROVED");
        } finally {
            clock.restoreOffset(offset);
        }
        String page = mvc.perform(get("/contracts/" + id).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(drafted + "（合同日期；签订时按签订日期的目录价重新取价）");
        // signed five days ago, when the new list price (1,100) was in force: the premium is measured against it
        mvc.perform(post("/api/v1/contracts/" + id + "/sign").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedOn\":\"" + signed + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priceDate").value(signed.toString()))
                .andExpect(jsonPath("$.lines[0].listPrice").value(1100.00))
                .andExpect(jsonPath("$.amount").value(12000.00)).andExpect(jsonPath("$.listAmount").value(11000.00))
                .andExpect(jsonPath("$.premium.rate").value(0.0909));
        page = mvc.perform(get("/contracts/" + id).with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(signed + "（签订日期的目录价）");
        assertThat(jdbc.sql("SELECT list_amount FROM contract WHERE id = ?").param(id).query(BigDecimal.class).single())
                .isEqualByComparingTo("11000.00");
    }

    String contractStatus(long id) {
        return jdbc.sql("SELECT status FROM contract WHERE id = ?").param(id).query(String.class).single();
    }
}
