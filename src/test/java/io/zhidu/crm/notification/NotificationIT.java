package io.zhidu.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhidu.crm.support.AbstractIntegrationTest;
import io.zhidu.crm.support.TestNotices;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification centre with e-mail off (the default): delivery after the publisher commits,
 * texts in each reader's language, the unread count, list and marking read through the screens
 * and the API, nobody reaching another user's notice, and the preferences.
 */
class NotificationIT extends AbstractIntegrationTest {

    static final String REMINDER_KEY = "test.notice.reminder";
    static final String ALERT_KEY = "test.notice.alert";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    /** Publishes the notice in a transaction that commits, as a module's business act would. */
    void publish(Notice notice) {
        transactions.executeWithoutResult(status -> events.publishEvent(notice));
    }

    Notice reminder(Set<Long> to, String customer, String link) {
        return new Notice(to, TestNotices.REMINDER, REMINDER_KEY, List.of(customer, "2027-01-31"), link);
    }

    long notices(long recipient, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND message_key = ?").params(recipient, key)
                .query(Long.class).single();
    }

    long newestNotice(long recipient) {
        return jdbc.sql("SELECT MAX(id) FROM notice WHERE recipient_id = ?").param(recipient).query(Long.class).single();
    }

    void awaitNotices(long recipient, String key, long count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> notices(recipient, key) == count);
    }

    void clear(long... recipients) {
        for (long r : recipients) {
            jdbc.sql("DELETE FROM notice WHERE recipient_id = ?").param(r).update();
        }
    }

    /** A member of staff made through the admin API (once per context), optionally deactivated. */
    long staff(String username, String email, boolean active) throws Exception {
        var existing = jdbc.sql("SELECT id FROM employee WHERE username = ?").param(username).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String admin = token("admin");
        long sales1 = userId("sales1");
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("fullName", "通知测试" + username.length());
        user.put("email", email);
        user.put("departmentId", jdbc.sql("SELECT department_id FROM employee WHERE id = ?").param(sales1).query(Long.class).single());
        user.put("officeId", jdbc.sql("SELECT office_id FROM employee WHERE id = ?").param(sales1).query(Long.class).single());
        user.put("roles", List.of("SALES"));
        mvc.perform(post("/api/v1/users").header("Authorization", bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(user))).andExpect(status().isCreated());
        long id = userId(username);
        if (!active) {
            mvc.perform(post("/api/v1/users/" + id + "/deactivate").header("Authorization", bearer(admin)))
                    .andExpect(status().isNoContent());
        }
        return id;
    }

    @Test
    void aNoticeReachesEachActiveRecipientOnceItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        long sales1 = userId("sales1");
        long sales2 = userId("sales2");
        long leaver = staff("noticeleaver", "leaver@example.com", false);
        long withMail = staff("noticemail", "noticemail@example.com", true);
        clear(sales1, sales2, leaver, withMail);

        // rolled back: the notice is never delivered
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new Notice(Set.of(sales1), TestNotices.ALERT, ALERT_KEY, List.of("回滚公司"), null));
            status.setRollbackOnly();
        });
        // committed: one notice per active recipient; the inactive and the unknown are dropped
        publish(reminder(Set.of(sales1, sales2, leaver, 987_654_321L), "华东机械", "/customers/1"));
        // e-mail is off in this installation: an e-mail-by-default topic for a user with an address queues nothing
        publish(new Notice(Set.of(withMail), TestNotices.ALERT, ALERT_KEY, List.of("邮件公司"), null));

        awaitNotices(sales1, REMINDER_KEY, 1);
        awaitNotices(sales2, REMINDER_KEY, 1);
        awaitNotices(withMail, ALERT_KEY, 1);
        assertThat(notices(leaver, REMINDER_KEY)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = 987654321").query(Long.class).single()).isZero();
        assertThat(notices(sales1, ALERT_KEY)).as("the rolled-back notice").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_mail m JOIN notice n ON n.id = m.notice_id WHERE n.recipient_id = ?")
                .param(withMail).query(Long.class).single()).isZero();

        // stored as key and arguments, never as rendered text only
        var row = jdbc.sql("SELECT topic, message_key, args, link, read_at FROM notice WHERE recipient_id = ?").param(sales1)
                .query().singleRow();
        assertThat(row.get("topic")).isEqualTo(TestNotices.REMINDER);
        assertThat(row.get("message_key")).isEqualTo(REMINDER_KEY);
        assertThat(json.readValue(row.get("args").toString(), List.class)).containsExactly("华东机械", "2027-01-31");
        assertThat(row.get("link")).isEqualTo("/customers/1");
        assertThat(row.get("read_at")).isNull();
    }

    @Test
    void aNoticeToAThousandsStrongRecipientSetIsPublishedAndDelivered() {
        long sales2 = userId("sales2");
        clear(sales2);
        Set<Long> many = new java.util.HashSet<>(Set.of(sales2));
        for (long i = 0; i < 2000; i++) {
            many.add(50_000_000_000L + i);
        }
        // the publication (serialised with every id) fits the event registry, and the publisher's transaction commits
        publish(reminder(many, "群发公司", null));
        awaitNotices(sales2, REMINDER_KEY, 1);
    }

    @Test
    void theMailOutboxJobRunsEveryMinuteAndSendsNothingWhileEMailIsOff() throws Exception {
        String admin = token("admin");
        mvc.perform(get("/api/v1/admin/jobs").header("Authorization", bearer(admin)))
                .andExpect(jsonPath("$[?(@.name == 'mail-outbox')].cron").value("0 * * * * *"))
                .andExpect(jsonPath("$[?(@.name == 'mail-outbox')].descriptionKey").value("notification.job.mail-outbox"));
        mvc.perform(post("/api/v1/admin/jobs/mail-outbox/run").header("Authorization", bearer(admin)))
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.message").value("e-mail is off (zhidu.mail.enabled=false)"));
        mvc.perform(get("/admin/jobs").with(login("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("发送通知邮件（失败的下次重试）")));
    }

    @Test
    void aLinkThatIsNotAnApplicationPathIsDroppedAndTheNoticeStillArrives() {
        long sales3 = userId("sales3");
        clear(sales3);
        publish(reminder(Set.of(sales3), "外链公司", "//evil.example.com/phish"));
        awaitNotices(sales3, REMINDER_KEY, 1);
        assertThat(jdbc.sql("SELECT link FROM notice WHERE recipient_id = ?").param(sales3).query(String.class).optional()).isEmpty();
    }

    @Test
    void eachReaderSeesTheTextInTheirOwnLanguage() throws Exception {
        long sales1 = userId("sales1");
        clear(sales1);
        publish(reminder(Set.of(sales1), "华东机械", "/customers/1"));
        awaitNotices(sales1, REMINDER_KEY, 1);
        String token = token("sales1");

        mvc.perform(get("/api/v1/notifications").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].text").value("客户华东机械的保护期将于2027-01-31到期"))
                .andExpect(jsonPath("$.items[0].topicLabel").value("测试提醒"))
                .andExpect(jsonPath("$.items[0].link").value("/customers/1"))
                .andExpect(jsonPath("$.items[0].readAt").doesNotExist());
        mvc.perform(get("/api/v1/notifications").header("Authorization", bearer(token)).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].text").value("The protection of customer 华东机械 expires on 2027-01-31"))
                .andExpect(jsonPath("$.items[0].topicLabel").value("Test reminder"));

        var session = login("sales1");
        mvc.perform(get("/notifications").with(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("客户华东机械的保护期将于2027-01-31到期")));
        mvc.perform(get("/notifications").param("lang", "en").with(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The protection of customer 华东机械 expires on 2027-01-31")));
    }

    @Test
    void theApiCountsListsPagesAndMarksReadOnlyTheCallersNotices() throws Exception {
        long sales3 = userId("sales3");
        clear(sales3);
        for (String customer : List.of("一号公司", "二号公司", "三号公司")) {
            publish(reminder(Set.of(sales3), customer, null));
            awaitNotices(sales3, REMINDER_KEY, List.of("一号公司", "二号公司", "三号公司").indexOf(customer) + 1);
        }
        String token = token("sales3");
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.count").value(3)).andExpect(jsonPath("$.capped").value(false));

        // newest first, two per page
        String first = mvc.perform(get("/api/v1/notifications").param("unread", "true").param("size", "2")
                        .header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].args[0]").value("三号公司"))
                .andExpect(jsonPath("$.items[1].args[0]").value("二号公司"))
                .andReturn().getResponse().getContentAsString();
        String cursor = (String) json.readValue(first, Map.class).get("nextCursor");
        assertThat(cursor).isNotNull();
        mvc.perform(get("/api/v1/notifications").param("unread", "true").param("size", "2").param("cursor", cursor)
                        .header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].args[0]").value("一号公司"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/notifications").param("cursor", "%%%").header("Authorization", bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));

        long newest = newestNotice(sales3);
        mvc.perform(post("/api/v1/notifications/" + newest + "/read").header("Authorization", bearer(token)))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/notifications/" + newest + "/read").header("Authorization", bearer(token)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(get("/api/v1/notifications").param("unread", "true").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].args[0]").value("二号公司"));
        mvc.perform(get("/api/v1/notifications").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].readAt").isNotEmpty())
                .andExpect(jsonPath("$.items[1].readAt").doesNotExist());

        mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(2));
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.count").value(0));
        mvc.perform(get("/api/v1/notifications/unread-count")).andExpect(status().isUnauthorized());
    }

    @Test
    void anotherUsersNoticeIsAbsentForYouInTheApiAndOnTheScreens() throws Exception {
        long sales1 = userId("sales1");
        clear(sales1);
        publish(reminder(Set.of(sales1), "私有公司", "/customers/1"));
        awaitNotices(sales1, REMINDER_KEY, 1);
        long id = newestNotice(sales1);
        String other = token("sales2");

        mvc.perform(get("/api/v1/notifications/" + id).header("Authorization", bearer(other))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/" + id + "/read").header("Authorization", bearer(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", bearer(other)));
        var session = login("sales2");
        mvc.perform(post("/notifications/" + id + "/read").with(session).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/notifications/" + id + "/open").with(session)).andExpect(status().isNotFound());
        mvc.perform(get("/notifications").param("view", "all").with(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("私有公司"))));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE id = ? AND read_at IS NULL").param(id).query(Long.class).single()).isOne();
        mvc.perform(get("/api/v1/notifications/" + id).header("Authorization", bearer(token("sales1"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.args[0]").value("私有公司"));
    }

    @Test
    void theBellCountsTheCentreListsAndClickingOpensAndMarksRead() throws Exception {
        long sales4 = userId("sales4");
        clear(sales4);
        publish(reminder(Set.of(sales4), "甲公司", "/customers/1"));
        awaitNotices(sales4, REMINDER_KEY, 1);
        publish(reminder(Set.of(sales4), "乙公司", null));
        awaitNotices(sales4, REMINDER_KEY, 2);
        long older = newestNotice(sales4) - 1;
        long newer = newestNotice(sales4);
        var session = login("sales4");

        mvc.perform(get("/").with(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"zd-bell-count\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"zd-bell-count\"[^>]*>2</span>.*")));
        mvc.perform(get("/notifications").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("客户甲公司的保护期将于2027-01-31到期")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/notifications/" + newer + "/open")));

        // htmx: the row comes back read, and the bell out of band with the new count
        mvc.perform(post("/notifications/" + newer + "/read").param("view", "unread").header("HX-Request", "true")
                        .with(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"notice-" + newer + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hx-swap-oob=\"true\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"zd-bell-count\"[^>]*>1</span>.*")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
        // opening a notice marks it read and follows its link
        mvc.perform(get("/notifications/" + older + "/open").with(session)).andExpect(redirectedUrl("/customers/1"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND read_at IS NULL").param(sales4)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/").with(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"zd-bell-count\""))));
        mvc.perform(get("/notifications").with(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"notices-empty\"")));

        // a plain post (no JavaScript) goes back to the list; read-all empties the unread view
        publish(reminder(Set.of(sales4), "丙公司", null));
        awaitNotices(sales4, REMINDER_KEY, 3);
        publish(reminder(Set.of(sales4), "丁公司", null));
        awaitNotices(sales4, REMINDER_KEY, 4);
        mvc.perform(post("/notifications/" + newestNotice(sales4) + "/read").param("view", "all").with(session).with(csrf()))
                .andExpect(redirectedUrl("/notifications?view=all"));
        mvc.perform(get("/notifications/" + newer + "/open").with(session)).andExpect(redirectedUrl("/notifications?view=all"));
        mvc.perform(post("/notifications/read-all").with(session).with(csrf()))
                .andExpect(redirectedUrl("/notifications")).andExpect(flash().attribute("flash", "notification.allRead"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND read_at IS NULL").param(sales4)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theBellShows99PlusAndTheCountStaysBounded() throws Exception {
        long planning = userId("planning");
        clear(planning);
        for (int i = 0; i < 105; i++) {
            jdbc.sql("INSERT INTO notice (recipient_id, topic, message_key, args, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                    .params(planning, TestNotices.REMINDER, REMINDER_KEY, "[\"批量" + i + "\",\"2027-01-31\"]").update();
        }
        mvc.perform(get("/").with(login("planning")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"zd-bell-count\"[^>]*>99\\+</span>.*")));
        mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", bearer(token("planning"))))
                .andExpect(jsonPath("$.count").value(99)).andExpect(jsonPath("$.capped").value(true));
        clear(planning);
    }

    @Test
    void preferencesThroughTheApiFollowTheDefaultsAndNeedTheCurrentVersion() throws Exception {
        String token = token("sales5");
        mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.emailLanguage").value("ZH_CN"))
                .andExpect(jsonPath("$.mailEnabled").value(false))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].email").value(true))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].label").value("测试警报"))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.reminder')].email").value(false))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.reminder')].inApp").value(true));

        String change = json.writeValueAsString(Map.of("emailLanguage", "EN",
                "topics", List.of(Map.of("code", "test.reminder", "email", true))));
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.emailLanguage").value("EN"))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.reminder')].email").value(true))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.reminder')].decided").value(true))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].email").value(true))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].decided").value(false));
        // a second writer holding the defaults' version is refused
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("emailLanguage", "EN",
                                "topics", List.of(Map.of("code", "no.such.topic", "email", true))))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topics"));
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"emailLanguage\":\"FR\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("emailLanguage"));
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("emailLanguage"));
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("emailLanguage", "ZH_CN",
                                "topics", List.of(Map.of("code", "test.alert", "email", false))))))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", bearer(token)).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.emailLanguage").value("ZH_CN"))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].email").value(false))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].label").value("Test alert"))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.reminder')].email").value(true));
        chainAudit();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTIFICATION_PREFERENCES_CHANGED' AND subject_id = ?")
                .param(Long.toString(userId("sales5"))).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void thePreferencesScreenSavesTheChoicesAndShowsAConflictKeepingWhatWasTicked() throws Exception {
        var session = login("finance");
        mvc.perform(get("/notifications/preferences").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"email-test.alert\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"preferences-mail-off\"")));
        mvc.perform(post("/notifications/preferences").with(session).with(csrf())
                        .param("version", "0").param("emailLanguage", "EN").param("email", "test.reminder"))
                .andExpect(redirectedUrl("/notifications/preferences"))
                .andExpect(flash().attribute("flash", "notification.preferences.saved"));
        mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", bearer(token("finance"))))
                .andExpect(jsonPath("$.emailLanguage").value("EN"))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.reminder')].email").value(true))
                .andExpect(jsonPath("$.topics[?(@.code == 'test.alert')].email").value(false));

        // a stale form: nothing saved, the user's ticks kept, the current version offered
        String page = mvc.perform(post("/notifications/preferences").with(session).with(csrf())
                        .param("version", "0").param("emailLanguage", "ZH_CN").param("email", "test.alert"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("通知设置已在别处修改").containsPattern("id=\"email-test.alert\"[^>]*checked")
                .containsPattern("name=\"version\" value=\"1\"");
        mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", bearer(token("finance"))))
                .andExpect(jsonPath("$.emailLanguage").value("EN"));
        // a language that does not exist is shown on its field, nothing saved
        mvc.perform(post("/notifications/preferences").with(session).with(csrf())
                        .param("version", "1").param("emailLanguage", "KLINGON").param("email", "test.alert"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择邮件语言。")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"email-test.alert\"[^>]*checked.*")));
        // a version that is no number is a stale form, not an error page
        mvc.perform(post("/notifications/preferences").with(session).with(csrf())
                        .param("version", "x").param("emailLanguage", "ZH_CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("通知设置已在别处修改")));
        mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", bearer(token("finance"))))
                .andExpect(jsonPath("$.emailLanguage").value("EN"));
    }
}
