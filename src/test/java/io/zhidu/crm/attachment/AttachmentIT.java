package io.zhidu.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** Attachments of contracts (issue #5 item 1): limits, types by extension and content, scope, bytes kept exactly. */
class AttachmentIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random(19);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();

    long contract(String username) throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "附件测试华东机械" + RANDOM.nextInt(1_000_000) + "有限公司");
        c.put("uscc", TestUscc.next(RANDOM, "91310100"));
        c.put("type", "END_USER");
        c.put("category", "REGULAR");
        c.put("stage", "ACTIVE");
        String token = token(username);
        String customer = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(c)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long customerId = ((Number) json.readValue(customer, Map.class).get("id")).longValue();
        String body = json.writeValueAsString(Map.of("customerId", customerId,
                "lines", List.of(Map.of("product", "数控机床", "quantity", 1, "unit", "台", "listPrice", 1000, "unitPrice", 1000)),
                "paymentTerms", List.of(Map.of("percent", 100, "anchor", "SIGNING", "days", 30))));
        String contract = mvc.perform(post("/api/v1/contracts").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(contract, Map.class).get("id")).longValue();
    }

    long stored(long contractId) {
        return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE subject_type = 'CONTRACT' AND subject_id = ?")
                .param(contractId).query(Long.class).single();
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("报价").createRow(0).createCell(0).setCellValue("数控机床 128,000");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aFileIsUploadedListedDownloadedByteForByteAndRemoved() throws Exception {
        long id = contract("sales1");
        String sales1 = token("sales1");
        byte[] sheet = xlsx();
        String created = mvc.perform(multipart("/api/v1/contracts/" + id + "/attachments").file(file("C:\\扫描\\报价单.xlsx", sheet))
                        .header("Authorization", bearer(sales1)))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.fileName").value("报价单.xlsx"))
                .andExpect(jsonPath("$.contentType").value("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(jsonPath("$.size").value(sheet.length))
                .andExpect(jsonPath("$.sha256").value(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sheet))))
                .andReturn().getResponse().getContentAsString();
        long attachmentId = ((Number) json.readValue(created, Map.class).get("id")).longValue();
        mvc.perform(multipart("/api/v1/contracts/" + id + "/attachments").file(file("合同扫描件.PDF", PDF))
                        .header("Authorization", bearer(sales1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("application/pdf"));

        mvc.perform(get("/api/v1/contracts/" + id + "/attachments").header("Authorization", bearer(token("director1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].fileName").value("报价单.xlsx")).andExpect(jsonPath("$[0].uploadedBy").value("孙丽"));
        byte[] back = mvc.perform(get("/api/v1/attachments/" + attachmentId + "/content").header("Authorization", bearer(sales1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(sheet);
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTACHMENT_ADDED' AND subject_type = 'CONTRACT' AND subject_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(2);

        // finance reads contracts company-wide but may not change their files
        mvc.perform(delete("/api/v1/attachments/" + attachmentId).header("Authorization", bearer(token("finance"))))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/attachments/" + attachmentId).header("Authorization", bearer(sales1)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/contracts/" + id + "/attachments").header("Authorization", bearer(sales1)))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].fileName").value("合同扫描件.PDF"));
        mvc.perform(get("/api/v1/attachments/" + attachmentId + "/content").header("Authorization", bearer(sales1)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badFilesAreRefusedWithTheirReasonAndNothingIsStored() throws Exception {
        long id = contract("sales1");
        String sales1 = token("sales1");
        String url = "/api/v1/contracts/" + id + "/attachments";
        mvc.perform(multipart(url).file(file("空.pdf", new byte[0])).header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value("文件是空的，未保存。"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart(url).file(file("大.pdf", big)).header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("文件太大：单个附件不超过 10 MB。"));
        mvc.perform(multipart(url).file(file("setup.exe", "MZ\u0090\u0000".getBytes())).header("Authorization", bearer(sales1))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("This type of file is not accepted; allowed: pdf, jpg, jpeg, png, doc, docx, xls, xlsx."));
        // an executable renamed, a PDF called a picture, a spreadsheet called a Word file: the content decides
        mvc.perform(multipart(url).file(file("合同.pdf", "MZ\u0090\u0000 not a pdf".getBytes())).header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("文件内容与扩展名 .pdf 不符，未保存。"));
        mvc.perform(multipart(url).file(file("照片.jpg", PDF)).header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart(url).file(file("说明.docx", xlsx())).header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("文件内容与扩展名 .docx 不符，未保存。"));
        mvc.perform(multipart(url).header("Authorization", bearer(sales1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("请选择要上传的文件。"));
        assertThat(stored(id)).isZero();
        // a PNG is a PNG
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        mvc.perform(multipart(url).file(file("现场.png", png)).header("Authorization", bearer(sales1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"));
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void aContractOutsideTheScopeHasNoFilesToGuess() throws Exception {
        long id = contract("sales1");
        String created = mvc.perform(multipart("/api/v1/contracts/" + id + "/attachments").file(file("a.pdf", PDF))
                        .header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long attachmentId = ((Number) json.readValue(created, Map.class).get("id")).longValue();
        for (String outsider : List.of("sales3", "sales2")) {
            String t = token(outsider);
            mvc.perform(get("/api/v1/contracts/" + id + "/attachments").header("Authorization", bearer(t))).andExpect(status().isNotFound());
            mvc.perform(multipart("/api/v1/contracts/" + id + "/attachments").file(file("b.pdf", PDF)).header("Authorization", bearer(t)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/attachments/" + attachmentId + "/content").header("Authorization", bearer(t)))
                    .andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/attachments/" + attachmentId).header("Authorization", bearer(t))).andExpect(status().isNotFound());
        }
        // a record kind that takes no attachments, and a contract that does not exist
        mvc.perform(get("/api/v1/widgets/" + id + "/attachments").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/contracts/999999999/attachments").header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isNotFound());
        // no contract:read at all
        mvc.perform(get("/api/v1/contracts/" + id + "/attachments").header("Authorization", bearer(token("service"))))
                .andExpect(status().isForbidden());
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void theContractPageListsUploadsAndRefusesABadFileWithItsReason() throws Exception {
        long id = contract("sales1");
        var session = login("sales1");
        mvc.perform(multipart("/attachments/contracts/" + id).file(file("签字页.pdf", PDF)).with(session).with(csrf()))
                .andExpect(redirectedUrl("/contracts/" + id + "#attachments")).andExpect(flash().attribute("flash", "attachment.added"));
        mvc.perform(multipart("/attachments/contracts/" + id).file(file("病毒.pdf", "MZ".getBytes())).with(session).with(csrf()))
                .andExpect(redirectedUrl("/contracts/" + id + "#attachments"))
                .andExpect(flash().attribute("refusal", "attachment.error.content"));
        String page = mvc.perform(get("/contracts/" + id).with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("签字页.pdf", "id=\"attachment-form\"").doesNotContain("病毒.pdf");
        assertThat(stored(id)).isEqualTo(1);
        long attachmentId = jdbc.sql("SELECT id FROM attachment WHERE subject_id = ? AND subject_type = 'CONTRACT'").param(id)
                .query(Long.class).single();
        mvc.perform(get("/attachments/" + attachmentId + "/content").with(login("sales3"))).andExpect(status().isNotFound());
        // a reader without contract:edit sees the list but no upload form
        String read = mvc.perform(get("/contracts/" + id).with(login("finance"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(read).contains("签字页.pdf").doesNotContain("id=\"attachment-form\"");
        mvc.perform(post("/attachments/" + attachmentId + "/remove").with(session).with(csrf()))
                .andExpect(redirectedUrl("/contracts/" + id + "#attachments"));
        assertThat(jdbc.sql("SELECT deleted_at IS NOT NULL FROM attachment WHERE id = ?").param(attachmentId).query(Boolean.class).single())
                .isTrue();
    }
}
