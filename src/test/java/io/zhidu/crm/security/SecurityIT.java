package io.zhidu.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.support.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class SecurityIT extends AbstractIntegrationTest {

    @Autowired
    BusinessClock clock;

    @Test
    void wrongUsernameAndWrongPasswordGetTheSameGenericAnswer() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "gm").param("password", "nope1234"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", "nobody-here").param("password", "nope1234"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误，或账户暂时被锁定。")));
        assertThat(auditCount("LOGIN_FAILED", "gm")).isPositive();
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesAndTheAuditLogShowsIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", "warehouse").param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // the right password no longer helps while locked
        mvc.perform(post("/login").with(csrf()).param("username", "warehouse").param("password", DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(auditCount("ACCOUNT_LOCKED", "warehouse")).isEqualTo(1);
        assertThat(auditCount("LOGIN_REFUSED", "warehouse")).isEqualTo(1);
        // the API refuses it too
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"warehouse\",\"password\":\"zhidu123\"}"))
                .andExpect(status().isUnauthorized());

        long before = clock.offsetDays();
        try {
            clock.restoreOffset(before + 1); // a day later the lock (15 min) has expired
            mvc.perform(post("/login").with(csrf()).param("username", "warehouse").param("password", DEMO_PASSWORD))
                    .andExpect(redirectedUrl("/"));
        } finally {
            clock.restoreOffset(before);
        }
    }

    @Test
    void parallelGuessesCannotPassTheLimit() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    mvc.perform(post("/login").with(csrf()).param("username", "planning").param("password", "guess-" + n));
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            assertThat(auditCount("LOGIN_FAILED", "planning")).isLessThanOrEqualTo(5);
            mvc.perform(post("/login").with(csrf()).param("username", "planning").param("password", DEMO_PASSWORD))
                    .andExpect(redirectedUrl("/login?error"));
        } finally {
            pool.shutdown();
            jdbc.sql("DELETE FROM login_attempt WHERE username = 'planning'").update();
        }
    }

    @Test
    void aTooLongPasswordIsRefusedClearlyNotWithAServerError() throws Exception {
        var session = login("vp");
        String tooLong = "密码".repeat(12) + "1a"; // 24 CJK characters = 72 bytes, plus 2
        mvc.perform(post("/profile/password").with(session).with(csrf())
                        .param("currentPassword", DEMO_PASSWORD).param("newPassword", tooLong).param("confirmPassword", tooLong))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("密码太长")));
        login("vp");
    }

    @Test
    void successfulLoginIsAuditedAndChangesTheSessionId() throws Exception {
        // an anonymous session exists before the login (the login page stores the CSRF token in it)
        var page = mvc.perform(get("/login")).andReturn();
        jakarta.servlet.http.Cookie anonymous = page.getResponse().getCookie("SESSION");
        assertThat(anonymous).isNotNull();
        String csrfToken = ((org.springframework.security.web.csrf.CsrfToken) page.getRequest()
                .getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName())).getToken();
        var result = mvc.perform(post("/login").cookie(anonymous).param("_csrf", csrfToken)
                .param("username", "stat").param("password", DEMO_PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        jakarta.servlet.http.Cookie authenticated = result.getResponse().getCookie("SESSION");
        assertThat(authenticated).isNotNull();
        assertThat(authenticated.getValue()).isNotEqualTo(anonymous.getValue());
        assertThat(auditCount("LOGIN_SUCCEEDED", "stat")).isPositive();
    }

    @Test
    void pagesNeedASignInAndFormsNeedTheCsrfToken() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/users/1/reset-password").with(login("admin"))).andExpect(status().isForbidden());
    }

    @Test
    void loadBalancerProbesAnswerWithoutSignIn() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists());
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayUse() throws Exception {
        String sales = mvc.perform(get("/").with(login("sales1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(sales).contains("data-nav=\"/\"").doesNotContain("data-nav=\"/admin/users\"").doesNotContain("data-nav=\"/admin/audit\"");
        String admin = mvc.perform(get("/").with(login("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("data-nav=\"/admin/users\"", "data-nav=\"/admin/audit\"", "data-nav=\"/admin/jobs\"", "data-nav=\"/admin/clock\"");
        // and hiding is not the protection: the page itself refuses
        mvc.perform(get("/admin/users").with(login("sales1"))).andExpect(status().isForbidden());
    }

    @Test
    void apiTokenFlowWorksAndEveryFailureIsA401ProblemDetail() throws Exception {
        String token = token("sales1");
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("sales1"))
                .andExpect(jsonPath("$.roles[0]").value("SALES"));
        assertThat(jdbc.sql("SELECT token_hash FROM api_token").query(String.class).list())
                .doesNotContain(token).contains(ApiTokens.hash(token));
        // the call marked the token used; a second call within the minute does not write it again (issue #8)
        java.time.OffsetDateTime used = jdbc.sql("SELECT last_used_at FROM api_token WHERE token_hash = ?")
                .param(ApiTokens.hash(token)).query(java.time.OffsetDateTime.class).single();
        assertThat(used).isNotNull();
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE token_hash = ?")
                .param(ApiTokens.hash(token)).query(java.time.OffsetDateTime.class).single()).isEqualTo(used);

        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer("zd_not-a-real-token")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sales1\",\"password\":\"wrong-one\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.token").doesNotExist());
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        String token = token("sales2");
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(ApiTokens.hash(token)).query(Long.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/me/tokens/" + id)
                .header("Authorization", bearer(token))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isUnauthorized());
        assertThat(auditCount("TOKEN_REVOKED", "sales2")).isEqualTo(1);
    }

    @Test
    void aTokenExpires() throws Exception {
        String token = token("sales3");
        long before = clock.offsetDays();
        try {
            clock.restoreOffset(before + 31);
            mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isUnauthorized());
        } finally {
            clock.restoreOffset(before);
        }
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isOk());
    }

    @Test
    void theWrongRoleGets403EvenBeforeItsInputIsRead() throws Exception {
        String token = token("director1");
        mvc.perform(get("/api/v1/audit").header("Authorization", bearer(token)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/v1/users").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void tokensCanBeCreatedAndRevokedFromTheProfile() throws Exception {
        var session = login("planning");
        var created = mvc.perform(post("/profile/tokens").with(session).with(csrf()).param("name", "ERP"))
                .andExpect(status().isOk()).andReturn();
        String token = (String) created.getModelAndView().getModel().get("newToken");
        assertThat(created.getResponse().getContentAsString()).contains(token);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session_attributes").query(Long.class).single()).isPositive();
        assertThat(token).startsWith("zd_");
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isOk());
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(ApiTokens.hash(token)).query(Long.class).single();
        mvc.perform(post("/profile/tokens/" + id + "/revoke").with(session).with(csrf())).andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isUnauthorized());
        // someone else's token cannot be revoked by guessing its id
        String other = token("finance");
        long otherId = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(ApiTokens.hash(other)).query(Long.class).single();
        mvc.perform(post("/profile/tokens/" + otherId + "/revoke").with(session).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(other))).andExpect(status().isOk());
    }

    @Test
    void malformedJsonAndWrongTypesAre400ProblemDetailsNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
        String token = token("admin");
        mvc.perform(get("/api/v1/audit").param("cursor", "abc").header("Authorization", bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void unknownPathsAndWrongMethodsAreAnsweredInTheRightForm() throws Exception {
        String token = token("admin");
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", bearer(token)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("找不到该记录，或您无权查看。"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/me")
                        .header("Authorization", bearer(token)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(get("/no-such-page").with(login("admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("找不到该记录，或您无权查看。")));
    }

    @Test
    void englishIsAvailableOnTheApi() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Sign in or send a valid API token."));
    }

    private long auditCount(String action, String actor) {
        chainAudit();
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND actor = ?").param(action).param(actor)
                .query(Long.class).single();
    }

}
