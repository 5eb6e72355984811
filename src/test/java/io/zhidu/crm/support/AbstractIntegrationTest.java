package io.zhidu.crm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zhidu.crm.audit.AuditLog;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests sharing the one demo-company context ("zhidu_it"): helpers to
 * sign in on the web (a real form login, so lockout, audit and session handling are exercised)
 * and to obtain API tokens.
 */
@IntegrationTest
public abstract class AbstractIntegrationTest {

    public static final String DEMO_PASSWORD = "zhidu123";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    private AuditLog auditLog;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "zhidu_it");
    }

    /**
     * Chains the audit entries staged so far (they reach {@code audit_entry} moments after the act,
     * ADR 0008), for a test that reads {@code audit_entry} directly right after an act.
     */
    protected void chainAudit() {
        auditLog.chainStaged();
    }

    /**
     * Signs in through the login form; the result adds the session cookie (sessions live in the
     * database, found by the SESSION cookie) to a request: {@code .with(login("sales1"))}.
     */
    protected RequestPostProcessor login(String username, String password) throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (location == null || location.contains("error") || cookie == null) {
            throw new AssertionError("login of " + username + " failed: " + location);
        }
        return request -> {
            request.setCookies(cookie);
            return request;
        };
    }

    protected RequestPostProcessor login(String username) throws Exception {
        return login(username, DEMO_PASSWORD);
    }

    /** An API token for the user, through POST /api/v1/auth/token. */
    protected String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", password))))
                .andReturn().getResponse().getContentAsString();
        Object token = json.readValue(body, Map.class).get("token");
        if (token == null) {
            throw new AssertionError("no token for " + username + ": " + body);
        }
        return token.toString();
    }

    protected String token(String username) throws Exception {
        return token(username, DEMO_PASSWORD);
    }

    protected long userId(String username) {
        return jdbc.sql("SELECT id FROM employee WHERE username = ?").param(username).query(Long.class).single();
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
