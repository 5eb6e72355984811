package io.zhidu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.support.AbstractIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

class CustomerFilesIT extends AbstractIntegrationTest {

    static final List<String> HEADER = List.of("客户名称", "统一社会信用代码", "客户类型", "客户类别", "生命周期阶段", "行业", "负责人用户名", "标签");

    static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("客户");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    Map<?, ?> importFile(String token, byte[] file, String mode) throws Exception {
        String body = mvc.perform(multipart("/api/v1/customers/import").file(new MockMultipartFile("file", "c.xlsx", null, file))
                        .param("mode", mode).header("Authorization", bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readValue(body, Map.class);
    }

    long count(String nameLike) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE name LIKE ?").param(nameLike).query(Long.class).single();
    }

    @Test
    void aFileWithErrorsImportsNothingUnlessValidRowsAreChosenAndReimportCreatesNoDuplicates() throws Exception {
        String sales1 = token("sales1");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(HEADER));
        rows.add(List.of("导入甲机械有限公司", CustomerIT.newUscc(), "最终用户", "普通客户", "潜在", "机械", "sales1", "导入,测试"));
        rows.add(List.of("导入乙电子有限公司", "91350100M000100Y44", "最终用户", "普通客户", "潜在", "电子", "sales1", ""));
        rows.add(List.of("导入丙贸易有限公司", CustomerIT.newUscc(), "皇帝", "普通客户", "潜在", "贸易", "sales1", ""));
        rows.add(List.of("导入丁化工有限公司", CustomerIT.newUscc(), "代理商", "大客户", "合作中", "化工", "", ""));
        rows.add(List.of("导入甲机械有限公司", CustomerIT.newUscc(), "最终用户", "普通客户", "潜在", "机械", "sales1", ""));
        byte[] file = xlsx(rows);

        Map<?, ?> all = importFile(sales1, file, "all");
        assertThat(all.get("applied")).isEqualTo(false);
        assertThat(all.get("failed")).isEqualTo(3);
        List<?> errors = (List<?>) all.get("errors");
        assertThat(errors.stream().map(e -> ((Number) ((Map<?, ?>) e).get("row")).intValue()).toList()).containsExactly(3, 4, 6);
        assertThat(errors.toString()).contains("统一社会信用代码校验位不符", "“皇帝”无效", "与第 2 行是同一个客户");
        assertThat(count("导入%")).isZero();

        Map<?, ?> valid = importFile(sales1, file, "valid-rows");
        assertThat(valid.get("applied")).isEqualTo(true);
        assertThat(valid.get("created")).isEqualTo(2);
        assertThat(count("导入%")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT e.username FROM customer c JOIN employee e ON e.id = c.owner_id WHERE c.name = '导入丁化工有限公司'")
                .query(String.class).single()).isEqualTo("sales1");

        Map<?, ?> again = importFile(sales1, file, "valid-rows");
        assertThat(again.get("created")).isEqualTo(0);
        assertThat(again.get("unchanged")).isEqualTo(2);
        assertThat(count("导入%")).isEqualTo(2);
    }

    @Test
    void badFilesAndMissingColumnsAreRefusedClearly() throws Exception {
        String sales1 = token("sales1");
        mvc.perform(multipart("/api/v1/customers/import").file(new MockMultipartFile("file", "x.xlsx", null, "not a spreadsheet".getBytes()))
                        .header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value("无法读取该文件，请上传用模板填写的 .xlsx 文件。"));
        mvc.perform(multipart("/api/v1/customers/import").header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        Map<?, ?> report = importFile(sales1, xlsx(List.of(List.of("客户名称"), List.of("缺列有限公司"))), "all");
        assertThat(report.get("applied")).isEqualTo(false);
        assertThat(report.toString()).contains("文件缺少这一列");
        mvc.perform(multipart("/api/v1/customers/import").file(new MockMultipartFile("file", "c.xlsx", null, new byte[]{1}))
                .header("Authorization", bearer(token("finance")))).andExpect(status().isForbidden());
    }

    @Test
    void aCustomerOutsideTheScopeCannotBeOverwrittenByImport() throws Exception {
        String uscc = jdbc.sql("SELECT c.uscc FROM customer c JOIN employee e ON e.id = c.owner_id WHERE e.username = 'sales3' AND c.uscc IS NOT NULL ORDER BY c.id LIMIT 1")
                .query(String.class).single();
        Map<?, ?> report = importFile(token("sales1"), xlsx(List.of(new ArrayList<>(HEADER),
                List.of("改名企图有限公司", uscc, "最终用户", "普通客户", "潜在", "机械", "", ""))), "valid-rows");
        assertThat(report.get("failed")).isEqualTo(1);
        assertThat(report.toString()).contains("该客户已登记。");
        assertThat(count("改名企图%")).isZero();
    }

    @Test
    void theTemplateAndTheExportAreSpreadsheetsInTheUsersScope() throws Exception {
        byte[] template = mvc.perform(get("/customers/import/template").with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户名称");
        }
        chainAudit();
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMER_EXPORTED'").query(Long.class).single();
        byte[] export = mvc.perform(get("/api/v1/customers/export").param("region", "华南").header("Authorization", bearer(token("director1"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero(); // director1 (华东) sees no 华南 customers
        }
        byte[] own = mvc.perform(get("/customers/export").with(login("sales3"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        long expected = jdbc.sql("SELECT COUNT(*) FROM customer c JOIN employee e ON e.id = c.owner_id WHERE e.username = 'sales3' AND c.deleted_at IS NULL")
                .query(Long.class).single();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own))) {
            assertThat((long) wb.getSheetAt(0).getLastRowNum()).isEqualTo(expected);
        }
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMER_EXPORTED'").query(Long.class).single())
                .isEqualTo(before + 2);
    }

    @Test
    void theExportListsContactsMaskedOutsideTheOwningLine() throws Exception {
        long id = jdbc.sql("SELECT MIN(c.id) FROM customer c JOIN employee e ON e.id = c.owner_id JOIN contact k ON k.customer_id = c.id "
                + "WHERE e.username = 'sales3' AND k.mobile IS NOT NULL AND c.deleted_at IS NULL").query(Long.class).single();
        String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(id).query(String.class).single();
        String mobile = jdbc.sql("SELECT mobile FROM contact WHERE customer_id = ? AND mobile IS NOT NULL ORDER BY id LIMIT 1")
                .param(id).query(String.class).single();
        long contactCount = jdbc.sql("SELECT COUNT(*) FROM contact k JOIN customer c ON c.id = k.customer_id JOIN employee e ON e.id = c.owner_id "
                + "WHERE e.username = 'sales3' AND c.deleted_at IS NULL").query(Long.class).single();

        byte[] own = mvc.perform(get("/customers/export").with(login("sales3"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own))) {
            var sheet = wb.getSheet("联系人");
            assertThat((long) sheet.getLastRowNum()).isEqualTo(contactCount);
            assertThat(mobilesOf(sheet, name)).contains(mobile);
        }
        // the statistician sees every customer but is not in sales3's line: the same contact is masked
        byte[] stat = mvc.perform(get("/api/v1/customers/export").param("q", name).header("Authorization", bearer(token("stat"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(stat))) {
            List<String> mobiles = mobilesOf(wb.getSheetAt(1), name);
            assertThat(mobiles).isNotEmpty().doesNotContain(mobile)
                    .contains(mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4));
        }
    }

    private static List<String> mobilesOf(org.apache.poi.ss.usermodel.Sheet sheet, String customer) {
        List<String> mobiles = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            var row = sheet.getRow(i);
            if (row.getCell(0).getStringCellValue().equals(customer) && row.getCell(3) != null) {
                mobiles.add(row.getCell(3).getStringCellValue());
            }
        }
        return mobiles;
    }

    @Test
    void theScreenRunsTheImportInTheBackgroundAndShowsTheReport() throws Exception {
        var session = login("sales2");
        byte[] file = xlsx(List.of(new ArrayList<>(HEADER),
                List.of("后台导入验证有限公司", CustomerIT.newUscc(), "供应商", "普通客户", "潜在", "贸易", "", "")));
        String location = mvc.perform(multipart("/customers/import").file(new MockMultipartFile("file", "c.xlsx", null, file))
                        .param("mode", "all").with(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = "";
        for (int i = 0; i < 50 && !page.contains("import-summary"); i++) {
            Thread.sleep(200);
            page = mvc.perform(get(location + "/progress").with(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains("共 1 行：新建 1，更新 0，无变化 0，出错 0。");
        assertThat(count("后台导入验证%")).isOne();
        // someone else's import is not theirs to see
        mvc.perform(get(location).with(login("sales1"))).andExpect(status().isNotFound());
    }

    @Test
    void theFormsPrintAsPdfWithChineseTextAndMaskedContactsOutsideTheOwningLine() throws Exception {
        long id = jdbc.sql("SELECT MIN(c.id) FROM customer c JOIN employee e ON e.id = c.owner_id WHERE e.username = 'sales3'")
                .query(Long.class).single();
        String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(id).query(String.class).single();
        String mobile = jdbc.sql("SELECT mobile FROM contact WHERE customer_id = ? ORDER BY id LIMIT 1").param(id).query(String.class).single();
        var owner = mvc.perform(get("/customers/" + id + "/card.pdf").with(login("sales3")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(owner.getContentType()).isEqualTo("application/pdf");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/customer-card.pdf"), owner.getContentAsByteArray());
        String text = pdfText(owner.getContentAsByteArray());
        assertThat(text).contains("客户管理卡", name, "一、基础资料", "四、交易现状", mobile);
        String summary = pdfText(mvc.perform(get("/customers/" + id + "/summary.pdf").with(login("stat")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(summary).contains("客户概要信息记录表", name).doesNotContain(mobile).doesNotContain("四、交易现状");
        mvc.perform(get("/customers/" + id + "/card.pdf").with(login("sales1"))).andExpect(status().isNotFound());
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }
}
