package io.zhidu.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestUscc;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The twice-yearly credit review end to end (6.2.4-5(3)): the duty opens a round only in the
 * policy's months and only once per period; the business dept reviews (accept, change with a
 * reason, accept all); the VP approves; the changes enter each customer's credit history and the
 * office director and finance are told; the forms render; a stopped round resumes without
 * doubling; sales may not start or review and see only their own customers.
 */
class CreditReviewIT extends AbstractIntegrationTest {

    static final Random RANDOM = new Random();

    @Autowired
    BusinessClock clock;
    @Autowired
    CreditReviews reviews;
    @Autowired
    CreditReviewDuty duty;

    @AfterEach
    void closeReviews() {
        reviews.batchSize(CreditReviews.DEFAULT_BATCH);
        closeOpenReviews();
    }

    /** Ends any round left undecided and frees every period (this class's earlier runs), so the duty may start anew. */
    void closeOpenReviews() {
        jdbc.sql("UPDATE credit_review_proposal SET status = 'REJECTED' WHERE status = 'OPEN'").update();
        jdbc.sql("UPDATE credit_review SET status = 'REJECTED', open_key = NULL WHERE open_key IS NOT NULL").update();
        jdbc.sql("UPDATE credit_review SET period_key = NULL").update();
    }

    long customer(String username, String name) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name + RANDOM.nextInt(1_000_000));
        m.put("uscc", TestUscc.next(RANDOM, "91310000"));
        m.put("type", "END_USER");
        m.put("category", "REGULAR");
        m.put("stage", "ACTIVE");
        String response = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token(username)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) json.readValue(response, Map.class).get("id")).longValue();
    }

    /** A credit in force, as an earlier approval left it. */
    void credit(long customerId, String rating, String limit, String form, int days) {
        jdbc.sql("""
                        INSERT INTO customer_credit (customer_id, rating, credit_limit, terms_form, terms_days, valid_until, on_hold, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(customerId, rating, new BigDecimal(limit), form, days, clock.today().plusYears(2), OffsetDateTime.now()).update();
    }

    /** A signed contract without receivables. */
    void investigation(long customerId, LocalDate on, int grade, long recordedBy) {
        jdbc.sql("""
                        INSERT INTO credit_investigation (customer_id, investigated_on, investigators, findings, grade, recorded_by, recorded_at)
                        VALUES (?, ?, '统计员', '评审测试', ?, ?, CURRENT_TIMESTAMP)""")
                .params(customerId, on, grade, recordedBy).update();
    }

    void signed(long customerId, LocalDate signedOn, String amount) {
        jdbc.sql("""
                        INSERT INTO contract (number, customer_id, owner_id, office_id, department_id, company_id, status,
                                              contract_date, price_date, amount, list_amount, approved_on, signed_on, created_by, created_at)
                        SELECT ?, id, owner_id, office_id, department_id, company_id, 'SIGNED', ?, ?, ?, ?, ?, ?, ?, ?
                        FROM customer WHERE id = ?""")
                .params("HT-R-" + System.nanoTime(), signedOn, signedOn, new BigDecimal(amount), new BigDecimal(amount), signedOn,
                        signedOn, userId("sales1"), OffsetDateTime.now(), customerId).update();
    }

    ResultActions api(String username, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body)
            throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token(username))).contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "{}" : body instanceof String s ? s : json.writeValueAsString(body)));
    }

    record P(long id, long customerId, String computed, String direction, String reasons) {
    }

    List<P> proposals(long reviewId) {
        return jdbc.sql("SELECT id, customer_id, computed_rating, direction, reasons FROM credit_review_proposal WHERE review_id = ? "
                        + "ORDER BY customer_id").param(reviewId)
                .query((rs, n) -> new P(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    String roundStatus(long reviewId) {
        return jdbc.sql("SELECT status FROM credit_review WHERE id = ?").param(reviewId).query(String.class).single();
    }

    long notices(String messageKey, String link) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE message_key = ? AND link = ?").params(messageKey, link)
                .query(Long.class).single();
    }

    static LocalDate nextJune(LocalDate today) {
        return LocalDate.of(today.getYear() + (today.getMonthValue() >= 6 ? 1 : 0), 6, 10);
    }

    @Test
    void theDutyProposesInJuneTheBusinessDeptReviewsAndTheVpApprovalChangesTheCreditAndTellsOfficeAndFinance_6_2_4_5_3()
            throws Exception {
        closeOpenReviews();
        LocalDate real = clock.today();
        long before = clock.offsetDays();
        try {
            long down = customer("sales1", "评审降级甲");
            credit(down, "AA", "2000000", "MONTHLY", 60);
            long up = customer("sales1", "评审升级乙");
            credit(up, "C", "0", "CASH", 0);
            long shrank = customer("sales1", "评审缩减丙");
            credit(shrank, "B", "200000", "ACCEPTANCE", 15);
            long same = customer("sales2", "评审不变丁");
            credit(same, "B", "200000", "ACCEPTANCE", 15);
            LocalDate june = nextJune(real);
            // the only contract of 丙 falls in the window before the review's: its amount shrank by 100 %
            LocalDate earlier = june.minusMonths(8).isAfter(real) ? real : june.minusMonths(8);
            signed(shrank, earlier, "500000.00");

            // the latest field investigation on or before the review date is the score's field factor:
            // 甲's grade 0 (0 points, like none) is recorded on its line; one dated after the review is not read
            long staff = jdbc.sql("SELECT id FROM employee WHERE username = 'stat'").query(Long.class).single();
            investigation(down, june.minusMonths(2), 0, staff);
            investigation(down, june.plusDays(1), 4, staff);

            // not in March: no round
            clock.setToday(june.withMonth(3));
            long roundsBefore = jdbc.sql("SELECT COUNT(*) FROM credit_review").query(Long.class).single();
            assertThat(duty.run(clock.today())).isEqualTo("not a review month");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM credit_review").query(Long.class).single()).isEqualTo(roundsBefore);

            // in June the duty opens the month's round once; a second run does not double it
            clock.setToday(june);
            String period = june.toString().substring(0, 7);
            assertThat(duty.run(clock.today())).startsWith("round ").endsWith("REVIEW");
            assertThat(duty.run(clock.today())).isEqualTo("the round of " + period + " exists");
            long id = jdbc.sql("SELECT id FROM credit_review WHERE period_key = ?").param(period).query(Long.class).single();
            // starting by hand while it is open, or for a future period, is refused
            api("bizmgr", post("/api/v1/credit/reviews"), null).andExpect(status().isConflict());
            api("bizmgr", post("/api/v1/credit/reviews"), Map.of("period", june.plusMonths(1).toString().substring(0, 7)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
            api("bizmgr", post("/api/v1/credit/reviews"), Map.of("period", "2026-13")).andExpect(status().isBadRequest());
            api("sales1", post("/api/v1/credit/reviews"), null).andExpect(status().isForbidden());

            // only the test's customers go on (other credits stay as they are)
            jdbc.sql("DELETE FROM credit_review_proposal WHERE review_id = ? AND customer_id NOT IN (?, ?, ?, ?)")
                    .params(id, down, up, shrank, same).update();
            List<P> ps = proposals(id);
            assertThat(ps).extracting(P::customerId).containsExactly(down, up, shrank);
            assertThat(ps).extracting(P::computed).containsExactly("B", "B", "C");
            assertThat(ps).extracting(P::direction).containsExactly("DOWN", "UP", "DOWN");
            assertThat(ps.get(2).reasons()).isEqualTo("SCORE,ON_TIME,SHRINK");
            long pDown = ps.get(0).id();
            assertThat(jdbc.sql("SELECT field_grade FROM credit_review_proposal WHERE id = ?").param(pDown)
                    .query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COALESCE(field_grade, -1) FROM credit_review_proposal WHERE id = ?").param(ps.get(1).id())
                    .query(Integer.class).single()).as("乙 was never visited").isEqualTo(-1);
            long pUp = ps.get(1).id();

            // a salesperson reads only the own customers' lines and may not review
            api("sales2", get("/api/v1/credit/reviews/" + id), null).andExpect(status().isOk())
                    .andExpect(jsonPath("$.proposals.length()").value(0));
            api("sales1", get("/api/v1/credit/reviews/" + id), null).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("REVIEW")).andExpect(jsonPath("$.proposals.length()").value(3));
            api("sales1", put("/api/v1/credit/reviews/" + id + "/proposals/" + pDown), Map.of("decision", "ACCEPT"))
                    .andExpect(status().isForbidden());
            api("sales1", post("/api/v1/credit/reviews/" + id + "/submit"), null).andExpect(status().isForbidden());

            // a change needs a reason; refused, nothing changes (the page keeps the filter and shows why)
            api("bizmgr", put("/api/v1/credit/reviews/" + id + "/proposals/" + pUp), Map.of("decision", "CHANGE", "rating", "A"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
            mvc.perform(post("/credit/reviews/" + id + "/proposals/" + pUp).with(login("bizmgr")).with(csrf())
                            .param("decision", "CHANGE").param("rating", "A").param("limit", "abc").param("direction", "UP"))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusal", "credit.error.limitNumber"));
            assertThat(jdbc.sql("SELECT review FROM credit_review_proposal WHERE id = ?").param(pUp).query(String.class).single())
                    .isEqualTo("PENDING");
            api("bizmgr", put("/api/v1/credit/reviews/" + id + "/proposals/" + pUp),
                    Map.of("decision", "CHANGE", "rating", "A", "limit", 800000, "reason", "新签大额合同，回款及时"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.review").value("CHANGED"))
                    .andExpect(jsonPath("$.finalRating").value("A")).andExpect(jsonPath("$.finalLimit").value(800000.00));
            api("bizmgr", put("/api/v1/credit/reviews/" + id + "/proposals/" + pDown), Map.of("decision", "ACCEPT"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.review").value("ACCEPTED"))
                    .andExpect(jsonPath("$.finalLimit").value(200000.00));
            // submitting with a line unreviewed is refused; accept all, then submit to the VP
            api("bizmgr", post("/api/v1/credit/reviews/" + id + "/submit"), null).andExpect(status().isConflict());
            api("bizmgr", post("/api/v1/credit/reviews/" + id + "/accept-all"), Map.of("direction", "DOWN"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
            String submitted = api("bizmgr", post("/api/v1/credit/reviews/" + id + "/submit"), null)
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            long approvalId = ((Number) json.readValue(submitted, Map.class).get("approvalId")).longValue();
            assertThat(jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ?").param(approvalId).query(String.class)
                    .list()).containsExactly("VP");
            // nothing in effect before the approval
            assertThat(rating(down)).isEqualTo("AA");

            mvc.perform(post("/api/v1/approvals/" + approvalId + "/approve").header("Authorization", bearer(token("vp")))
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
            for (int i = 0; i < 100 && !roundStatus(id).equals("APPROVED"); i++) {
                Thread.sleep(100);
            }
            assertThat(roundStatus(id)).isEqualTo("APPROVED");
            assertThat(rating(down)).isEqualTo("B");
            assertThat(rating(up)).isEqualTo("A");
            assertThat(rating(shrank)).isEqualTo("C");
            assertThat(rating(same)).isEqualTo("B");
            assertThat(jdbc.sql("SELECT credit_limit FROM customer_credit WHERE customer_id = ?").param(up).query(BigDecimal.class)
                    .single()).isEqualByComparingTo("800000");
            // the credit history holds each change with the round's approval and what was in force before
            api("sales1", get("/api/v1/customers/" + down + "/credit"), null).andExpect(jsonPath("$.rating").value("B"))
                    .andExpect(jsonPath("$.limit").value(200000.00)).andExpect(jsonPath("$.validUntil").value(june.plusMonths(12).toString()));
            assertThat(jdbc.sql("SELECT old_rating || '>' || new_rating || ':' || status FROM credit_change WHERE approval_id = ? ORDER BY customer_id")
                    .param(approvalId).query(String.class).list()).containsExactly("AA>B:APPROVED", "C>A:APPROVED", "B>C:APPROVED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM credit_review_proposal WHERE review_id = ? AND status = 'APPLIED' AND change_id IS NOT NULL")
                    .param(id).query(Long.class).single()).isEqualTo(3);
            // the office director and finance are told
            long office = jdbc.sql("SELECT office_id FROM customer WHERE id = ?").param(down).query(Long.class).single();
            for (int i = 0; i < 100 && notices("creditreview.notice.finance", "/credit/reviews/" + id) == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(notices("creditreview.notice.finance", "/credit/reviews/" + id)).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND link = ?")
                    .params(userId("finance"), "/credit/reviews/" + id).query(Long.class).single()).isEqualTo(1);
            assertThat(notices("creditreview.notice.office", "/credit/reviews/" + id + "?officeId=" + office)).isGreaterThanOrEqualTo(1);

            // the forms: 客户升(降)级评审表 as PDF, the round as Excel, 客户信用等级分类表 as PDF and Excel
            byte[] form = mvc.perform(get("/credit/reviews/" + id + "/proposals/" + pDown + "/form.pdf").with(login("bizmgr")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(form, 0, 4)).isEqualTo("%PDF");
            mvc.perform(get("/credit/reviews/" + id + "/proposals/" + pDown + "/form.pdf").with(login("sales2")))
                    .andExpect(status().isNotFound());
            assertThat(cells(mvc.perform(get("/credit/reviews/" + id + "/export").with(login("bizmgr"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray())).anyMatch(r -> r.get(0).startsWith("评审降级甲") && r.get(5).equals("B"));
            byte[] classes = mvc.perform(get("/credit/classes.pdf").with(login("sales1"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(classes, 0, 4)).isEqualTo("%PDF");
            List<List<String>> rows = cells(mvc.perform(get("/credit/classes.xlsx").with(login("sales2"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray());
            assertThat(rows).anyMatch(r -> r.get(0).equals("B") && r.get(1).startsWith("评审不变丁"));
            assertThat(rows).noneMatch(r -> r.get(1).startsWith("评审降级甲"));
            // the screens
            mvc.perform(get("/credit/reviews").with(login("bizmgr"))).andExpect(status().isOk());
            mvc.perform(get("/credit/reviews/" + id).with(login("bizmgr"))).andExpect(status().isOk());
        } finally {
            clock.restoreOffset(before);
        }
    }

    @Test
    void aStoppedRoundResumesAfterItsLastBatchWithoutDoubleProposals() throws Exception {
        closeOpenReviews();
        long before = clock.offsetDays();
        try {
            for (int i = 0; i < 3; i++) {
                credit(customer("sales1", "评审续算" + i), "AAA", "5000000", "MONTHLY", 90);
            }
            LocalDate june = nextJune(clock.today());
            clock.setToday(june);
            reviews.batchSize(2);
            CreditReview r = reviews.start(userId("bizmgr"), null);
            CreditReview part = reviews.compute(r.id(), 1);
            assertThat(part.status()).isEqualTo(CreditReview.Status.RUNNING);
            assertThat(part.processed()).isEqualTo(2);
            // the process stops here; the daily duty resumes from the last batch
            assertThat(duty.run(clock.today())).startsWith("resumed round " + r.id());
            CreditReview done = reviews.review(r.id());
            long credited = jdbc.sql("SELECT COUNT(*) FROM customer_credit cc JOIN customer c ON c.id = cc.customer_id "
                    + "WHERE c.deleted_at IS NULL AND cc.customer_id <= ?").param(done.maxCustomerId()).query(Long.class).single();
            assertThat(done.status()).isEqualTo(CreditReview.Status.REVIEW);
            assertThat(done.processed()).isEqualTo((int) credited);
            assertThat(jdbc.sql("SELECT COUNT(*) - COUNT(DISTINCT customer_id) FROM credit_review_proposal WHERE review_id = ?")
                    .param(r.id()).query(Long.class).single()).isZero();
            // rejected, the period is free again
            api("bizmgr", post("/api/v1/credit/reviews/" + r.id() + "/accept-all"), null).andExpect(status().isOk());
            String submitted = api("bizmgr", post("/api/v1/credit/reviews/" + r.id() + "/submit"), null)
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            long approvalId = ((Number) json.readValue(submitted, Map.class).get("approvalId")).longValue();
            mvc.perform(post("/api/v1/approvals/" + approvalId + "/reject").header("Authorization", bearer(token("vp")))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"重新评审\"}")).andExpect(status().isOk());
            for (int i = 0; i < 100 && !roundStatus(r.id()).equals("REJECTED"); i++) {
                Thread.sleep(100);
            }
            assertThat(roundStatus(r.id())).isEqualTo("REJECTED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM credit_review_proposal WHERE review_id = ? AND status <> 'REJECTED'")
                    .param(r.id()).query(Long.class).single()).isZero();
        } finally {
            clock.restoreOffset(before);
        }
    }

    String rating(long customerId) {
        return jdbc.sql("SELECT rating FROM customer_credit WHERE customer_id = ?").param(customerId).query(String.class).single();
    }

    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    var c = row.getCell(i);
                    cells.add(c == null ? "" : c.toString());
                }
                out.add(cells);
            }
        }
        return out;
    }
}
