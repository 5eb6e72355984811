package io.zhidu.crm.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.support.AbstractIntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class SchedulingIT extends AbstractIntegrationTest {

    @Autowired
    BusinessClock clock;
    @Autowired
    ClockOffsetStore offsets;

    @AfterEach
    void realDate() {
        offsets.setToday(LocalDate.now(java.time.Clock.system(clock.getZone())));
    }

    @Test
    void jobsAreListedAndRunNowWithTheirOutcomeRecorded() throws Exception {
        String admin = token("admin");
        mvc.perform(get("/api/v1/admin/jobs").header("Authorization", bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'audit-verify')].cron").value("0 30 2 * * *"));
        mvc.perform(post("/api/v1/admin/jobs/audit-verify/run").header("Authorization", bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.trigger").value("MANUAL"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.endsWith("entries intact")));
        mvc.perform(get("/api/v1/admin/jobs").header("Authorization", bearer(admin)))
                .andExpect(jsonPath("$[?(@.name == 'audit-verify')].lastRun.outcome").value("SUCCEEDED"));
        mvc.perform(post("/api/v1/admin/jobs/no-such-job/run").header("Authorization", bearer(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/jobs/audit-verify/run").header("Authorization", bearer(token("gm"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFailingJobIsRecordedAsFailedAndLeavesNothingHalfDone() throws Exception {
        chainAudit();
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).single();
        String original = jdbc.sql("SELECT actor FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = ?").param(seq).update();
        try {
            mvc.perform(post("/admin/jobs/audit-verify/run").with(login("admin")).with(csrf()))
                    .andExpect(redirectedUrl("/admin/jobs"));
        } finally {
            jdbc.sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").param(original).param(seq).update();
        }
        assertThat(jdbc.sql("SELECT outcome FROM job_run WHERE job_name = 'audit-verify' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("FAILED");
        mvc.perform(get("/admin/jobs").with(login("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("失败")));
    }

    @Test
    void anAdminMovesTheBusinessDateAndEveryoneSeesIt() throws Exception {
        String admin = token("admin");
        mvc.perform(put("/api/v1/admin/clock").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"today\":\"2027-01-31\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.today").value("2027-01-31"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(jdbc.sql("SELECT setting_value FROM app_setting WHERE name = 'business_clock.offset_days'")
                .query(String.class).single()).isEqualTo(Long.toString(clock.offsetDays()));
        mvc.perform(get("/").with(login("sales1")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2027-01-31")));
        admin = token("admin"); // tokens follow the business clock: the old one has expired two months "later"
        mvc.perform(post("/api/v1/admin/jobs/audit-verify/run").header("Authorization", bearer(admin)))
                .andExpect(jsonPath("$.businessDate").value("2027-01-31"))
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"));
        // and again: a run never leaves its lock behind on the shifted clock
        mvc.perform(post("/api/v1/admin/jobs/audit-verify/run").header("Authorization", bearer(admin)))
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"));
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CLOCK_SET'").query(Long.class).single()).isPositive();
    }

    @Test
    void badDatesAreRefusedClearly() throws Exception {
        String admin = token("admin");
        mvc.perform(put("/api/v1/admin/clock").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"today\":\"2027-02-30\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("today"));
        mvc.perform(put("/api/v1/admin/clock").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"today\":\"+999999999-12-31\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/admin/clock").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"today\":\"2099-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("today"));
        assertThat(clock.offsetDays()).isZero();
        mvc.perform(put("/api/v1/admin/clock").header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("today"));
        mvc.perform(post("/admin/clock").with(login("admin")).with(csrf()).param("today", "31.01.2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"31.01.2027\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请输入 YYYY-MM-DD 格式的有效日期。")));
        mvc.perform(put("/api/v1/admin/clock").header("Authorization", bearer(token("vp")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"today\":\"2027-01-31\"}"))
                .andExpect(status().isForbidden());
    }
}
