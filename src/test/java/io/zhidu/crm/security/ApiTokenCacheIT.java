package io.zhidu.crm.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.support.DatabaseAvailable;
import io.zhidu.crm.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0011: a token's bearer is kept for {@code zhidu.security.api-token.cache} (an hour here, so
 * that nothing expires by age during the test). A change made in the database behind the node's
 * back, as another node would, is not seen while the entry is kept; every change made through the
 * application applies to the very next call.
 */
@SpringBootTest(properties = {
        "zhidu.demo-data=true",
        "zhidu.clock.adjustable=true",
        "zhidu.scheduling.enabled=false",
        "zhidu.security.api-token.cache=1h"
})
@AutoConfigureMockMvc
@ExtendWith(DatabaseAvailable.class)
class ApiTokenCacheIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "zhidu_api_token_cache");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aChangeBehindTheNodesBackWaitsForTheMaximumAgeOneThroughTheApplicationAppliesAtOnce() throws Exception {
        String sales = token("sales4");
        String admin = token("admin");
        me(sales).andExpect(status().isOk());

        // as another node (or an operator with SQL) would: not seen while the entry is kept
        jdbc.sql("UPDATE employee SET active = FALSE WHERE username = 'sales4'").update();
        me(sales).andExpect(status().isOk());

        // any organisation change made through this node forgets every kept bearer
        mvc.perform(post("/api/v1/org/offices").header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("departmentId", id("SELECT id FROM department WHERE code = 'BIZ'"),
                                "code", "CACHE1", "name", "缓存测试办事处"))))
                .andExpect(status().isCreated());
        me(sales).andExpect(status().isUnauthorized());
    }

    @Test
    void aDeactivationThroughTheApiAppliesToTheNextCall() throws Exception {
        String sales = token("sales5");
        String admin = token("admin");
        me(sales).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/" + id("SELECT id FROM employee WHERE username = 'sales5'") + "/deactivate")
                .header("Authorization", "Bearer " + admin)).andExpect(status().isNoContent());
        me(sales).andExpect(status().isUnauthorized());
    }

    @Test
    void aRevocationAppliesToTheNextCallAndAFreshTokenIsReadAgain() throws Exception {
        String first = token("director2");
        me(first).andExpect(status().isOk()).andExpect(jsonPath("$.username").value("director2"));
        long id = id("SELECT id FROM api_token WHERE token_hash = '" + ApiTokens.hash(first) + "'");
        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + first)).andExpect(status().isNoContent());
        me(first).andExpect(status().isUnauthorized());

        // a role changed in the database is seen by a token read after the change, not by one kept before it
        String kept = token("director2");
        me(kept).andExpect(status().isOk());
        recordPayment(kept).andExpect(status().isForbidden());
        jdbc.sql("INSERT INTO employee_role (employee_id, role) SELECT id, 'FINANCE' FROM employee WHERE username = 'director2'").update();
        recordPayment(kept).andExpect(status().isForbidden());
        // past the permission check, the empty entry is refused for what it lacks
        recordPayment(token("director2")).andExpect(status().isBadRequest());
    }

    private ResultActions recordPayment(String token) throws Exception {
        return mvc.perform(post("/api/v1/payments").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", "zhidu123"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readValue(body, Map.class).get("token").toString();
    }
}
