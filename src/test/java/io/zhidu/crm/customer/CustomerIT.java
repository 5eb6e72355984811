package io.zhidu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CustomerIT extends AbstractIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    CustomerSearch search;
    @org.springframework.beans.factory.annotation.Autowired
    CustomerManagement management;

    static final Random RANDOM = new Random(7);

    static String newUscc() {
        return TestUscc.next(RANDOM, "91310000");
    }

    Map<String, Object> customer(String name, String uscc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("uscc", uscc);
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", "PROSPECT");
        m.put("industry", "机械");
        m.put("region", "华东");
        m.put("phone", "021-62345678");
        m.put("tags", List.of("测试"));
        return m;
    }

    long create(String token, Map<String, Object> body) throws Exception {
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    long customerOf(String username) {
        return jdbc.sql("SELECT MIN(c.id) FROM customer c JOIN employee e ON e.id = c.owner_id WHERE e.username = ? AND c.deleted_at IS NULL")
                .param(username).query(Long.class).single();
    }

    @Test
    void aCustomerIsCreatedReadAndUpdatedWithOptimisticLockingAndHistory() throws Exception {
        String sales1 = token("sales1");
        var created = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(customer("杭州测试精工机械有限公司", newUscc()))))
                .andExpect(status().isCreated()).andExpect(header().exists("Location")).andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.version").isNumber()).andReturn();
        String location = created.getResponse().getHeader("Location");
        var read = mvc.perform(get(location).header("Authorization", bearer(sales1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("杭州测试精工机械有限公司"))
                .andExpect(jsonPath("$.ownerName").value("孙丽"))
                .andExpect(jsonPath("$.officeName").value("华东办事处"))
                .andExpect(jsonPath("$.tags[0]").value("测试")).andReturn();
        String etag = read.getResponse().getHeader("ETag");

        Map<String, Object> change = customer("杭州测试精工机械有限公司", json.readValue(read.getResponse().getContentAsString(), Map.class).get("uscc").toString());
        change.put("phone", "0571-88886666");
        mvc.perform(put(location).header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(change))).andExpect(status().isPreconditionRequired());
        mvc.perform(put(location).header("Authorization", bearer(sales1)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(change)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("0571-88886666"));
        change.put("phone", "0571-11112222");
        mvc.perform(put(location).header("Authorization", bearer(sales1)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(change)))
                .andExpect(status().isPreconditionFailed());

        mvc.perform(get(location + "/history").header("Authorization", bearer(sales1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("UPDATED"))
                .andExpect(jsonPath("$[0].field").value("phone"))
                .andExpect(jsonPath("$[0].oldValue").value("021-62345678"))
                .andExpect(jsonPath("$[0].newValue").value("0571-88886666"))
                .andExpect(jsonPath("$[0].actor").value("sales1"));
        // the archive as of yesterday did not exist yet; as of today it has the new phone
        mvc.perform(get(location + "/as-of").param("date", LocalDate.now().minusDays(2).toString()).header("Authorization", bearer(sales1)))
                .andExpect(status().isNotFound());
        mvc.perform(get(location + "/as-of").param("date", LocalDate.now().plusDays(1).toString()).header("Authorization", bearer(sales1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("0571-88886666"));
    }

    @Test
    void theDetailReadsTheWholeRecordInOneStatementAsTheEntityHoldsIt() throws Exception {
        long id = create(token("sales1"), customer("宁波详情一致性检验有限公司", newUscc()));
        jdbc.sql("""
                        UPDATE customer SET grade = 'B', address = '宁波市鄞州区测试路1号', legal_representative = '王五',
                          founded_on = DATE '2003-04-05', legal_form = '有限责任公司', registered_capital = 1234567.80,
                          scale = 'LARGE', service_area = '浙东', sales_capacity = '年销两千万', potential = '高', direction = '扩产',
                          reputation = '良好', competitors = '甲公司', attitude = '积极', business_status = '正常',
                          transaction_status = '稳定' WHERE id = ?""").param(id).update();
        Customer loaded = management.load(id).orElseThrow();
        Customer read = search.detail(io.zhidu.crm.shared.scope.DataScope.everything(0), id).orElseThrow().customer();
        // every field, so a field added to the entity but not to Customer.read fails here
        assertThat(read).usingRecursiveComparison().isEqualTo(loaded);
        assertThat(read.snapshot()).isEqualTo(loaded.snapshot()).containsEntry("scale", "LARGE").containsEntry("tags", "测试");
        assertThat(search.detail(io.zhidu.crm.shared.scope.DataScope.ownOnly(userId("sales3")), id)).isEmpty();
        mvc.perform(get("/api/v1/customers/" + id).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"" + loaded.getVersion() + "\""))
                .andExpect(jsonPath("$.registeredCapital").value(1234567.80)).andExpect(jsonPath("$.legalRepresentative").value("王五"))
                .andExpect(jsonPath("$.grade").value("B")).andExpect(jsonPath("$.ownerName").value("孙丽"));
    }

    @Test
    void theArchiveAsOfAPastMomentUndoesLaterChanges() throws Exception {
        String sales2 = token("sales2");
        long id = create(sales2, customer("苏州回溯检验电子有限公司", newUscc()));
        // the creation and first phone are back-dated two days, the change happens now
        jdbc.sql("UPDATE customer_change SET changed_at = changed_at - INTERVAL '2' DAY WHERE customer_id = ?").param(id).update();
        String etag = mvc.perform(get("/api/v1/customers/" + id).header("Authorization", bearer(sales2)))
                .andReturn().getResponse().getHeader("ETag");
        Map<String, Object> change = customer("苏州回溯检验电子有限公司", null);
        change.put("uscc", jdbc.sql("SELECT uscc FROM customer WHERE id = ?").param(id).query(String.class).single());
        change.put("address", "苏州工业园区星湖街 1 号");
        mvc.perform(put("/api/v1/customers/" + id).header("Authorization", bearer(sales2)).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(change))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/" + id + "/as-of").param("date", LocalDate.now().minusDays(1).toString())
                        .header("Authorization", bearer(sales2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.address").doesNotExist());
        String then = mvc.perform(get("/customers/" + id).param("asOf", LocalDate.now().minusDays(1).toString()).with(login("sales2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the new address shows in the history tab either way, and in the archive only today
        String now = mvc.perform(get("/customers/" + id).with(login("sales2"))).andReturn().getResponse().getContentAsString();
        assertThat(then).contains("id=\"as-of-banner\"");
        assertThat(now.split("苏州工业园区星湖街 1 号", -1).length - then.split("苏州工业园区星湖街 1 号", -1).length).isEqualTo(1);
        mvc.perform(get("/customers/" + id).param("asOf", "yesterday").with(login("sales2"))).andExpect(status().isBadRequest());
    }

    @Test
    void theCreditCodeIsValidatedAndOnlyAMarkedCustomerMayGoWithoutOne() throws Exception {
        String sales1 = token("sales1");
        for (String[] c : new String[][]{{"9135010", "统一社会信用代码应为 18 位。"},
                {"91350100M000100Y44", "统一社会信用代码校验位不符，请核对。"},
                {"91350100M000I00Y43", "统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）。"}}) {
            mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(customer("无效代码测试有限公司", c[0]))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                    .andExpect(jsonPath("$.errors[0].message").value(c[1]));
        }
        mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(customer("无效代码测试有限公司", ""))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("uscc"));
        Map<String, Object> overseas = customer("Acme Overseas Trading GmbH", null);
        overseas.put("noUsccReason", "境外企业");
        create(sales1, overseas);
        mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"type\":\"KING\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE name = '无效代码测试有限公司'").query(Long.class).single()).isZero();
    }

    @Test
    void duplicatesAreRefusedPointingToTheExistingRecordOnlyWhenVisible() throws Exception {
        String sales1 = token("sales1");
        String uscc = newUscc();
        long id = create(sales1, customer("宁波重复检测化工有限公司", uscc));
        mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(customer("另一个名字有限公司", uscc))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.existingId").value(id))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        mvc.perform(post("/api/v1/customers").header("Authorization", bearer(sales1)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(customer("宁波 重复检测（化工）有限公司", newUscc()))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.existingId").value(id))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        // another legal form is another company
        create(sales1, customer("宁波重复检测化工有限责任公司", newUscc()));
        // someone who may not see the record learns only that it exists
        mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token("sales3"))).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(customer("宁波重复检测化工有限公司", newUscc()))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.existingId").doesNotExist())
                .andExpect(jsonPath("$.detail").value("该客户已登记。"));
    }

    @Test
    void everyRoleSeesAndChangesExactlyItsScope() throws Exception {
        long own1 = customerOf("sales1");
        long sameOffice = customerOf("sales2");
        long otherOffice = customerOf("sales3");
        record Expect(String user, boolean own1, boolean sameOffice, boolean otherOffice, boolean canEdit) {
        }
        List<Expect> matrix = List.of(
                new Expect("sales1", true, false, false, true),
                new Expect("sales2", false, true, false, true),
                new Expect("sales3", false, false, true, true),
                new Expect("director1", true, true, false, true),
                new Expect("director2", false, false, true, true),
                new Expect("bizmgr", true, true, true, true),
                new Expect("stat", true, true, true, true),
                new Expect("vp", true, true, true, true),
                new Expect("gm", true, true, true, true),
                new Expect("finance", true, true, true, false),
                new Expect("planning", true, true, true, false),
                new Expect("service", true, true, true, false),
                new Expect("warehouse", true, true, true, false),
                new Expect("admin", true, true, true, true));
        for (Expect e : matrix) {
            String token = token(e.user());
            Set<Long> listed = listedIds(token, null);
            for (var c : List.of(Map.entry(own1, e.own1()), Map.entry(sameOffice, e.sameOffice()), Map.entry(otherOffice, e.otherOffice()))) {
                String why = e.user() + " / customer " + c.getKey();
                assertThat(listed.contains(c.getKey())).as("list " + why).isEqualTo(c.getValue());
                int expected = c.getValue() ? 200 : 404;
                assertThat(mvc.perform(get("/api/v1/customers/" + c.getKey()).header("Authorization", bearer(token)))
                        .andReturn().getResponse().getStatus()).as("detail " + why).isEqualTo(expected);
                assertThat(mvc.perform(get("/api/v1/customers/" + c.getKey() + "/history").header("Authorization", bearer(token)))
                        .andReturn().getResponse().getStatus()).as("history " + why).isEqualTo(expected);
                assertThat(mvc.perform(get("/customers/" + c.getKey()).with(login(e.user())))
                        .andReturn().getResponse().getStatus()).as("page " + why).isEqualTo(expected);
                String name = jdbc.sql("SELECT name FROM customer WHERE id = ?").param(c.getKey()).query(String.class).single();
                assertThat(listedIds(token, name.substring(0, 4)).contains(c.getKey())).as("search " + why).isEqualTo(c.getValue());
                // a valid body with a stale version: 412 inside the scope, 404 outside, 403 without the permission
                int edit = mvc.perform(put("/api/v1/customers/" + c.getKey()).header("Authorization", bearer(token))
                        .header("If-Match", "\"999\"").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(customer("范围测试有限公司", newUscc())))).andReturn().getResponse().getStatus();
                assertThat(edit).as("edit " + why).isEqualTo(!e.canEdit() ? 403 : c.getValue() ? 412 : 404);
            }
        }
    }

    @Test
    void oneAndTwoCharacterSearchFindsExactlyWhatALikeScanFinds() throws Exception {
        String admin = token("admin");
        create(admin, customer("深圳华为检索技术有限公司", newUscc()));
        for (String q : List.of("华", "为", "司", "华为", "检索", "州恒", "有限", "深圳华为检索")) {
            Set<Long> found = listedIds(admin, q);
            Set<Long> scan = new TreeSet<>(jdbc.sql("SELECT id FROM customer WHERE deleted_at IS NULL AND name_key LIKE ?")
                    .param("%" + CustomerNames.key(q) + "%").query(Long.class).list());
            assertThat(found).as(q).isEqualTo(scan).isNotEmpty();
        }
        assertThat(listedIds(admin, "不存在的名字")).isEmpty();
        mvc.perform(get("/api/v1/customers").param("category", "KING").header("Authorization", bearer(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/customers").param("category", "KING").with(login("admin"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers").param("cursor", "@@").header("Authorization", bearer(admin)))
                .andExpect(status().isBadRequest());
        String uscc = jdbc.sql("SELECT uscc FROM customer WHERE name = '深圳华为检索技术有限公司'").query(String.class).single();
        assertThat(listedIds(admin, uscc.toLowerCase())).hasSize(1);
    }

    @Test
    void theListPagesByCursorThroughEveryRowOnce() throws Exception {
        String admin = token("admin");
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            var req = get("/api/v1/customers").param("size", "70").param("region", "华东").header("Authorization", bearer(admin));
            if (cursor != null) {
                req = req.param("cursor", cursor);
            }
            Map<?, ?> page = json.readValue(mvc.perform(req).andReturn().getResponse().getContentAsString(), Map.class);
            ((List<?>) page.get("items")).forEach(i -> ids.add(((Number) ((Map<?, ?>) i).get("id")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        List<Long> all = jdbc.sql("SELECT id FROM customer WHERE region = '华东' AND deleted_at IS NULL ORDER BY id DESC").query(Long.class).list();
        assertThat(ids).isEqualTo(all).hasSizeGreaterThan(70);

        List<Long> byName = new ArrayList<>();
        cursor = null;
        do {
            var req = get("/api/v1/customers").param("size", "40").param("region", "华南").param("sort", "name")
                    .header("Authorization", bearer(admin));
            if (cursor != null) {
                req = req.param("cursor", cursor);
            }
            Map<?, ?> page = json.readValue(mvc.perform(req).andReturn().getResponse().getContentAsString(), Map.class);
            ((List<?>) page.get("items")).forEach(i -> byName.add(((Number) ((Map<?, ?>) i).get("id")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(byName).isEqualTo(jdbc.sql("SELECT id FROM customer WHERE region = '华南' AND deleted_at IS NULL ORDER BY name, id")
                .query(Long.class).list()).hasSizeGreaterThan(40);

        long south = jdbc.sql("SELECT id FROM office WHERE code = 'SOUTH'").query(Long.class).single();
        String page = mvc.perform(get("/customers").param("officeId", Long.toString(south)).param("sort", "name").with(login("bizmgr")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("bi-sort-alpha-down", "华南办事处").doesNotContain("华东办事处</td>");
        String filtered = mvc.perform(get("/customers").param("category", "KEY_ACCOUNT").param("grade", "A").with(login("bizmgr")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains("value=\"KEY_ACCOUNT\" selected=\"selected\"", "value=\"A\" selected=\"selected\"", ">大客户</option>");
    }

    @Test
    void aDirectorsListMergesOwnAndOfficeCustomersNewestFirstPageByPage() throws Exception {
        // director1 owns one customer placed in another office: the list is the union of the
        // director's own and the office's customers, newest first (the merged scans, issue #8)
        long director = userId("director1");
        long office = jdbc.sql("SELECT office_id FROM employee WHERE id = ?").param(director).query(Long.class).single();
        long elsewhere = jdbc.sql("SELECT MIN(id) FROM customer WHERE office_id <> ? AND deleted_at IS NULL")
                .param(office).query(Long.class).single();
        Long formerOwner = jdbc.sql("SELECT owner_id FROM customer WHERE id = ?").param(elsewhere).query(Long.class).single();
        jdbc.sql("UPDATE customer SET owner_id = ? WHERE id = ?").param(director).param(elsewhere).update();
        try {
            List<Long> ids = pagedIds(token("director1"), null, 7);
            List<Long> expected = jdbc.sql("""
                            SELECT id FROM customer WHERE (owner_id = ? OR office_id = ?) AND deleted_at IS NULL ORDER BY id DESC""")
                    .param(director).param(office).query(Long.class).list();
            assertThat(ids).isEqualTo(expected).contains(elsewhere).hasSizeGreaterThan(7);
        } finally {
            jdbc.sql("UPDATE customer SET owner_id = ? WHERE id = ?").param(formerOwner).param(elsewhere).update();
        }
    }

    @Test
    void contactsAreMaskedOutsideTheOwningLine() throws Exception {
        long id = customerOf("sales1");
        String body = json.writeValueAsString(Map.of("name", "赵敏感", "mobile", "13812345678", "birthday", "1980-05-06",
                "personalNotes", "喜欢钓鱼"));
        mvc.perform(post("/api/v1/customers/" + id + "/contacts").header("Authorization", bearer(token("sales1")))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        for (String user : List.of("sales1", "director1", "bizmgr", "gm")) {
            mvc.perform(get("/api/v1/customers/" + id + "/contacts").header("Authorization", bearer(token(user))))
                    .andExpect(jsonPath("$[?(@.name == '赵敏感')].mobile").value("13812345678"));
        }
        for (String user : List.of("stat", "service", "finance")) {
            mvc.perform(get("/api/v1/customers/" + id + "/contacts").header("Authorization", bearer(token(user))))
                    .andExpect(jsonPath("$[?(@.name == '赵敏感')].mobile").value("138****5678"))
                    .andExpect(jsonPath("$[?(@.name == '赵敏感')].birthday").value("****-**-**"))
                    .andExpect(jsonPath("$[?(@.name == '赵敏感')].personalNotes").value("******"));
            assertThat(mvc.perform(get("/customers/" + id).with(login(user))).andReturn().getResponse().getContentAsString())
                    .contains("138****5678").doesNotContain("13812345678", "喜欢钓鱼");
        }
        mvc.perform(post("/api/v1/customers/" + id + "/contacts").header("Authorization", bearer(token("sales1")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"email\":\"nope\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deleteGoesToTheBinAndRestoreBringsEverythingBack() throws Exception {
        String director1 = token("director1");
        long id = create(token("sales2"), customer("上海回收站验证贸易有限公司", newUscc()));
        mvc.perform(delete("/api/v1/customers/" + id).header("Authorization", bearer(token("sales2")))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/customers/" + id).header("Authorization", bearer(director1))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + id).header("Authorization", bearer(director1))).andExpect(status().isNotFound());
        assertThat(listedIds(director1, "回收站验证")).isEmpty();
        assertThat(mvc.perform(get("/customers/bin").with(login("director1"))).andReturn().getResponse().getContentAsString())
                .contains("上海回收站验证贸易有限公司");
        mvc.perform(post("/api/v1/customers/" + id + "/restore").header("Authorization", bearer(director1))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + id + "/history").header("Authorization", bearer(director1)))
                .andExpect(jsonPath("$[0].kind").value("RESTORED")).andExpect(jsonPath("$[1].kind").value("DELETED"));
        assertThat(listedIds(director1, "回收站验证")).containsExactly(id);
    }

    @Test
    void aContactWithABadBirthdayIsRefusedOnTheFieldKeepingTheInput() throws Exception {
        long id = customerOf("sales1");
        String page = mvc.perform(post("/customers/" + id + "/contacts").with(login("sales1")).with(csrf())
                        .param("name", "生日错").param("birthday", "1980-13-45").param("mobile", "13800001234"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"生日错\"", "value=\"1980-13-45\"", "is-invalid");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE name = '生日错'").query(Long.class).single()).isZero();
    }

    @Test
    void otherModulesAddTabsToTheCustomerPageForThoseAllowedToSeeThem() throws Exception {
        long id = customerOf("sales1");
        String director = mvc.perform(get("/customers/" + id).with(login("director1"))).andReturn().getResponse().getContentAsString();
        assertThat(director).contains("id=\"tab-test-module\"", "module content for customer " + id + " seen by user " + userId("director1"));
        String sales = mvc.perform(get("/customers/" + id).with(login("sales1"))).andReturn().getResponse().getContentAsString();
        assertThat(sales).doesNotContain("tab-test-module", "module content");
    }

    @Test
    void openingAnArchiveIsRecorded() throws Exception {
        long id = customerOf("sales3");
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMER_VIEWED' AND subject_id = ?")
                .param(Long.toString(id)).query(Long.class).single();
        mvc.perform(get("/customers/" + id).with(login("director2"))).andExpect(status().isOk());
        // staged by the view, chained moments later (issue #8, ADR 0008)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CUSTOMER_VIEWED' AND subject_id = ? AND actor = 'director2'")
                        .param(Long.toString(id)).query(Long.class).single() == before + 1);
    }

    @Test
    void theFormKeepsInputOnErrorsAndShowsAConflictInsteadOfOverwriting() throws Exception {
        var session = login("sales1");
        String page = mvc.perform(post("/customers").with(session).with(csrf()).param("name", "表单保留测试有限公司")
                        .param("uscc", "91350100M000100Y44").param("type", "AGENT").param("category", "REGULAR").param("stage", "PROSPECT")
                        .param("address", "上海市浦东新区 1 号"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"表单保留测试有限公司\"", "value=\"91350100M000100Y44\"", "value=\"上海市浦东新区 1 号\"",
                "统一社会信用代码校验位不符，请核对。", "is-invalid");
        String uscc = newUscc();
        String location = mvc.perform(post("/customers").with(session).with(csrf()).param("name", "表单保留测试有限公司").param("uscc", uscc)
                        .param("type", "AGENT").param("category", "REGULAR").param("stage", "PROSPECT"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = jdbc.sql("SELECT id FROM customer WHERE uscc = ?").param(uscc).query(Long.class).single();
        assertThat(location).isEqualTo("/customers/" + id);
        long version = jdbc.sql("SELECT version FROM customer WHERE id = ?").param(id).query(Long.class).single();
        mvc.perform(post("/customers/" + id).with(session).with(csrf()).param("version", Long.toString(version))
                .param("name", "表单保留测试有限公司").param("uscc", uscc).param("type", "AGENT").param("category", "REGULAR")
                .param("stage", "PROSPECT").param("phone", "021-11111111")).andExpect(redirectedUrl("/customers/" + id));
        String conflict = mvc.perform(post("/customers/" + id).with(session).with(csrf()).param("version", Long.toString(version))
                        .param("name", "表单保留测试有限公司").param("uscc", uscc).param("type", "AGENT").param("category", "REGULAR")
                        .param("stage", "PROSPECT").param("phone", "021-22222222"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("id=\"customer-conflict\"", "021-11111111", "value=\"021-22222222\"");
        assertThat(jdbc.sql("SELECT phone FROM customer WHERE id = ?").param(id).query(String.class).single()).isEqualTo("021-11111111");
    }

    @Test
    void onlyAnAdminErasesABinnedCustomerForGoodWithAReason() throws Exception {
        String sales1 = token("sales1");
        long id = create(sales1, customer("彻底删除验证物流有限公司", newUscc()));
        mvc.perform(post("/api/v1/customers/" + id + "/contacts").header("Authorization", bearer(sales1))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"钱个人\",\"mobile\":\"13900001111\"}"))
                .andExpect(status().isCreated());
        String admin = token("admin");
        mvc.perform(post("/api/v1/customers/" + id + "/purge").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"客户要求删除\"}"))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/customers/" + id).header("Authorization", bearer(admin))).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/customers/" + id + "/purge").header("Authorization", bearer(token("gm")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/customers/" + id + "/purge").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/customers/" + id + "/purge").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"客户依《个人信息保护法》要求删除\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE mobile = '13900001111'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_change WHERE customer_id = ?").param(id).query(Long.class).single()).isZero();
        chainAudit();
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'CUSTOMER_PURGED' AND subject_id = ?")
                .param(Long.toString(id)).query(String.class).single()).contains("个人信息保护法");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE detail LIKE '%13900001111%'").query(Long.class).single()).isZero();
    }

    @Test
    void yearlyFinancialsAreKeptWithTheirRatiosAndEveryCorrectionIsInTheHistory() throws Exception {
        long id = customerOf("sales2");
        String sales2 = token("sales2");
        mvc.perform(put("/api/v1/customers/" + id + "/financials").header("Authorization", bearer(sales2)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2025,\"revenue\":12000000,\"profit\":960000,\"totalAssets\":30000000,\"totalLiabilities\":16500000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.netMarginPercent").value(8.00))
                .andExpect(jsonPath("$.debtRatioPercent").value(55.00));
        mvc.perform(put("/api/v1/customers/" + id + "/financials").header("Authorization", bearer(sales2)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2025,\"revenue\":12000000,\"profit\":1200000,\"totalAssets\":30000000,\"totalLiabilities\":16500000}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.netMarginPercent").value(10.00));
        mvc.perform(get("/api/v1/customers/" + id + "/financials").header("Authorization", bearer(sales2)))
                .andExpect(jsonPath("$[?(@.year == 2025)].profit").value(1200000.00));
        mvc.perform(get("/api/v1/customers/" + id + "/history").header("Authorization", bearer(sales2)))
                .andExpect(jsonPath("$[0].field").value("financials"))
                .andExpect(jsonPath("$[0].oldValue").value(org.hamcrest.Matchers.containsString("960000")));
        for (String bad : List.of("{\"year\":1800}", "{\"year\":2025,\"totalAssets\":-5}", "{\"revenue\":1}",
                "{\"year\":2025,\"totalAssets\":0,\"totalLiabilities\":10}")) {
            mvc.perform(put("/api/v1/customers/" + id + "/financials").header("Authorization", bearer(sales2))
                    .contentType(MediaType.APPLICATION_JSON).content(bad)).andExpect(status().isBadRequest());
        }
        mvc.perform(put("/api/v1/customers/" + id + "/financials").header("Authorization", bearer(token("sales3")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2025}")).andExpect(status().isNotFound());
        String page = mvc.perform(post("/customers/" + id + "/financials").with(login("sales2")).with(csrf())
                        .param("year", "20x5").param("revenue", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"financials-table\"", "10.00%", "55.00%", "value=\"20x5\"", "is-invalid");
        String card = CustomerFilesIT.pdfText(mvc.perform(get("/customers/" + id + "/card.pdf").with(login("sales2")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(card).contains("五、财务状况", "2025 年", "净利率 10.00%");
    }

    @Test
    void contactsAreEditedAndRemovedAndAMaskedReaderCannotOverwriteHiddenValues() throws Exception {
        long id = customerOf("sales2");
        String sales2 = token("sales2");
        String created = mvc.perform(post("/api/v1/customers/" + id + "/contacts").header("Authorization", bearer(sales2))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"编辑甲\",\"mobile\":\"13811112222\",\"personalNotes\":\"爱喝茶\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long contact = ((Number) json.readValue(created, Map.class).get("id")).longValue();
        // the statistician sees masked values; what they send for those fields is ignored
        mvc.perform(put("/api/v1/customers/" + id + "/contacts/" + contact).header("Authorization", bearer(token("stat")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"编辑乙\",\"mobile\":\"13900000000\",\"personalNotes\":\"换掉\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mobile").value("138****2222"));
        assertThat(jdbc.sql("SELECT mobile || '|' || personal_notes || '|' || name FROM contact WHERE id = ?").param(contact)
                .query(String.class).single()).isEqualTo("13811112222|爱喝茶|编辑乙");
        mvc.perform(put("/api/v1/customers/" + id + "/contacts/" + contact).header("Authorization", bearer(sales2))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"编辑乙\",\"mobile\":\"13999990000\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mobile").value("13999990000"));
        // a contact id of another customer is not reachable through this one
        long other = customerOf("sales1");
        mvc.perform(delete("/api/v1/customers/" + other + "/contacts/" + contact).header("Authorization", bearer(token("director1"))))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/customers/" + id + "/contacts/" + contact).header("Authorization", bearer(sales2)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + id + "/history").header("Authorization", bearer(sales2)))
                .andExpect(jsonPath("$[0].kind").value("CONTACT_REMOVED")).andExpect(jsonPath("$[0].oldValue").value("编辑乙"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ?").param(contact).query(Long.class).single()).isZero();
    }

    private Set<Long> listedIds(String token, String q) throws Exception {
        return new TreeSet<>(pagedIds(token, q, 200));
    }

    /** Every customer the list shows the token's owner (name query {@code q}, if any), page after page in list order. */
    private List<Long> pagedIds(String token, String q, int size) throws Exception {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            var req = get("/api/v1/customers").param("size", Integer.toString(size)).header("Authorization", bearer(token));
            if (q != null) {
                req = req.param("q", q);
            }
            if (cursor != null) {
                req = req.param("cursor", cursor);
            }
            Map<?, ?> page = json.readValue(mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), Map.class);
            ((List<?>) page.get("items")).forEach(i -> ids.add(((Number) ((Map<?, ?>) i).get("id")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
