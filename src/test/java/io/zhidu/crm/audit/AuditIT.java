package io.zhidu.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.support.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit chain verifies, and detects a modified, a removed and a trailing-removed entry. Each
 * tampering is undone afterwards (the log is shared by the context's other tests).
 */
class AuditIT extends AbstractIntegrationTest {

    @Autowired
    AuditLog log;

    @Test
    void theChainVerifiesAndAModifiedRowIsFoundWhereItBreaks() throws Exception {
        long seq = log.append("tester", "TEST_ENTRY", "TEST", "1", "original detail");
        log.append("tester", "TEST_ENTRY", "TEST", "2", "later entry");
        String admin = token("admin");
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));

        jdbc.sql("UPDATE audit_entry SET detail = 'forged detail' WHERE seq = ?").param(seq).update();
        try {
            mvc.perform(get("/api/v1/audit/verify").header("Authorization", bearer(admin)))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.brokenAtSeq").value(seq))
                    .andExpect(jsonPath("$.reason").value("content changed"));
            mvc.perform(post("/admin/audit/verify").with(login("admin")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("哈希链在第 " + seq + " 条记录处断裂")));
        } finally {
            jdbc.sql("UPDATE audit_entry SET detail = 'original detail' WHERE seq = ?").param(seq).update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void textTheDatabaseWouldAlterIsCleanedBeforeItIsHashed() {
        String emojiAtTheLimit = "a".repeat(99) + "😀";
        log.append(emojiAtTheLimit, "TEST_TEXT", "TEST", "x\u0000y", "lone \uD800 surrogate and NUL \u0000 and 😀 emoji");
        var row = jdbc.sql("SELECT actor, subject_id, detail FROM audit_entry WHERE action = 'TEST_TEXT'").query().singleRow();
        assertThat((String) row.get("actor")).isEqualTo("a".repeat(99));
        assertThat((String) row.get("subject_id")).isEqualTo("xy");
        assertThat((String) row.get("detail")).isEqualTo("lone  surrogate and NUL  and 😀 emoji");
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryBreaksTheChain() {
        long seq = log.append("tester", "TEST_ENTRY", "TEST", "3", "to be removed");
        log.append("tester", "TEST_ENTRY", "TEST", "4", "after it");
        var row = jdbc.sql("SELECT * FROM audit_entry WHERE seq = ?").param(seq).query().singleRow();
        jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(seq).update();
        try {
            AuditLog.Verification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAtSeq()).isEqualTo(seq);
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_entry (seq, occurred_at, actor, action, subject_type, subject_id, detail, client_ip, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("subject_type"),
                            row.get("subject_id"), row.get("detail"), row.get("client_ip"), row.get("prev_hash"), row.get("hash"))
                    .update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void onlyAdminsReadTheLogAndItIsSearchable() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", bearer(token("gm")))).andExpect(status().isForbidden());
        login("bizmgr");
        mvc.perform(get("/api/v1/audit").param("actor", "bizmgr").param("action", "LOGIN_SUCCEEDED")
                        .header("Authorization", bearer(token("admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actor").value("bizmgr"))
                .andExpect(jsonPath("$.items[0].action").value("LOGIN_SUCCEEDED"));
        mvc.perform(get("/admin/audit").param("actor", "bizmgr").with(login("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("LOGIN_SUCCEEDED")));
        mvc.perform(get("/admin/audit").with(login("gm"))).andExpect(status().isForbidden());
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> log.append("tester", "TEST_CONCURRENT", "TEST", Integer.toString(n), null)));
            }
            java.util.Set<Long> seqs = new java.util.HashSet<>();
            for (var f : futures) {
                seqs.add(f.get());
            }
            assertThat(seqs).hasSize(40);
        } finally {
            pool.shutdown();
        }
        assertThat(log.verify().intact()).isTrue();
    }

}
