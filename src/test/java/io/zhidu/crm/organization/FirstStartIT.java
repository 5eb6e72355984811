package io.zhidu.crm.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.zhidu.crm.support.DatabaseAvailable;
import io.zhidu.crm.support.TestDatabase;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A production-like first start: no demo data, the admin from ZHIDU_ADMIN_PASSWORD, no fixed password. */
@SpringBootTest(properties = {"zhidu.demo-data=false", "zhidu.admin-password=Initial2026", "zhidu.company-name=测试有限公司",
        "zhidu.scheduling.enabled=false"})
@AutoConfigureMockMvc
@ExtendWith(DatabaseAvailable.class)
class FirstStartIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "zhidu_first_start");
    }

    @Test
    void theFirstStartCreatesOnlyTheCompanyAndAnAdminWhoMustChangeThePassword() throws Exception {
        assertThat(jdbc.sql("SELECT name FROM company").query(String.class).list()).containsExactly("测试有限公司");
        assertThat(jdbc.sql("SELECT username FROM employee").query(String.class).list()).containsExactly("admin");
        assertThat(jdbc.sql("SELECT must_change_password FROM employee").query(Boolean.class).single()).isTrue();
        // no demo password exists
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "zhidu123"))
                .andExpect(redirectedUrl("/login?error"));
        var result = mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "Initial2026"))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/users").cookie(session)).andExpect(redirectedUrl("/profile/password"));
        // the business clock cannot be moved outside demo mode
        mvc.perform(get("/admin/clock").cookie(session)).andExpect(redirectedUrl("/profile/password"));
    }

    @Test
    void theTemporaryPasswordGeneratorFollowsThePasswordRule() {
        PasswordRule rule = new PasswordRule(8, true);
        for (int i = 0; i < 200; i++) {
            rule.check("password", OrganizationManagement.temporaryPassword());
        }
    }
}
