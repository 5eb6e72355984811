package io.zhidu.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.zhidu.crm.scheduling.Duties;
import io.zhidu.crm.support.DatabaseAvailable;
import io.zhidu.crm.support.TestDatabase;
import io.zhidu.crm.support.TestNotices;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail switched on, against a real SMTP server (GreenMail): only recipients whose preference
 * says e-mail and who have an address get one, written in their e-mail language with the link as
 * an absolute URL; a send that fails is kept and retried at the next run, and given up after
 * {@code zhidu.mail.max-attempts}.
 */
@SpringBootTest(properties = {
        "zhidu.demo-data=true",
        "zhidu.clock.adjustable=true",
        "zhidu.scheduling.enabled=false",
        "zhidu.mail.enabled=true",
        "zhidu.mail.from=制度CRM <crm@zhidu.test>",
        "zhidu.mail.max-attempts=3",
        "zhidu.base-url=https://crm.example.test/",
        "spring.mail.host=127.0.0.1"
})
@AutoConfigureMockMvc
@ExtendWith(DatabaseAvailable.class)
@Import(TestNotices.class)
class NotificationMailIT {

    static final int SMTP_PORT = freePort();

    /** One server for the class, stopped and started again on the same port to play an outage. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "zhidu_notification_mail");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Duties duties;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void emptyOutboxAndMailboxes() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.reset();
        // the demo company's own notices (expiring protections, transfers) are delivered after its
        // start-up transaction; let them land first so that each test sees only its own mail
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);
        jdbc.sql("DELETE FROM notice_mail").update();
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM employee WHERE username = ?").param(username).query(Long.class).single();
    }

    void email(String username, String address) {
        jdbc.sql("UPDATE employee SET email = ? WHERE username = ?").params(address, username).update();
    }

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", "zhidu123"))))
                .andReturn().getResponse().getContentAsString();
        return json.readValue(body, Map.class).get("token").toString();
    }

    void choose(String username, String language, Map<String, Boolean> email) throws Exception {
        String etag = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/notifications/preferences")
                .header("Authorization", "Bearer " + token(username))).andReturn().getResponse().getHeader("ETag");
        mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", "Bearer " + token(username))
                        .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("emailLanguage", language, "topics",
                                email.entrySet().stream().map(e -> Map.of("code", e.getKey(), "email", e.getValue())).toList()))))
                .andExpect(status().isOk());
    }

    /** Publishes in a committed transaction and waits until the notices are stored. */
    long publish(Notice notice, int expectedNotices) {
        long before = jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
        transactions.executeWithoutResult(status -> events.publishEvent(notice));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single() == before + expectedNotices);
        return jdbc.sql("SELECT MAX(id) FROM notice").query(Long.class).single();
    }

    List<Map<String, Object>> outbox() {
        return jdbc.sql("""
                        SELECT e.username, m.address, m.status, m.attempts, m.last_error
                        FROM notice_mail m JOIN notice n ON n.id = m.notice_id JOIN employee e ON e.id = n.recipient_id
                        ORDER BY e.username""")
                .query().listOfRows();
    }

    MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.asList(m.getRecipients(Message.RecipientType.TO)).contains(new InternetAddress(address))) {
                return m;
            }
        }
        throw new AssertionError("no e-mail to " + address);
    }

    @Test
    void eMailsGoOnlyToThoseWhoseTopicPreferenceSaysSoAndWhoHaveAnAddressInTheirLanguage() throws Exception {
        email("sales1", "sales1@zhidu.test");
        email("sales2", "sales2@zhidu.test");
        email("sales3", "sales3@zhidu.test");
        email("sales4", null);
        email("sales5", "sales5@zhidu.test");
        choose("sales2", "EN", Map.of(TestNotices.REMINDER, true));
        choose("sales5", "ZH_CN", Map.of(TestNotices.ALERT, false));

        // alert: e-mail by default; sales5 turned it off, sales4 has no address
        publish(new Notice(Set.of(userId("sales1"), userId("sales2"), userId("sales4"), userId("sales5")), TestNotices.ALERT,
                "test.notice.alert", List.of("华东机械"), "/customers/7"), 4);
        // reminder: in-app only by default; sales2 opted in
        publish(new Notice(Set.of(userId("sales2"), userId("sales3")), TestNotices.REMINDER,
                "test.notice.reminder", List.of("南方纺织", "2027-03-01"), null), 2);

        assertThat(outbox()).extracting(r -> r.get("username") + " " + r.get("status"))
                .containsExactly("sales1 PENDING", "sales2 PENDING", "sales2 PENDING");

        Duties.Run run = duties.run("mail-outbox", Duties.Trigger.MANUAL);
        assertThat(run.outcome()).isEqualTo(Duties.Outcome.SUCCEEDED);
        assertThat(run.message()).isEqualTo("sent 3, to retry 0, given up 0");
        assertThat(smtp.getReceivedMessages()).hasSize(3);

        MimeMessage chinese = mailTo("sales1@zhidu.test");
        assertThat(chinese.getSubject()).isEqualTo("【制度CRM】客户华东机械的信用额度已超出");
        assertThat(chinese.getFrom()).containsExactly(new InternetAddress("crm@zhidu.test", "制度CRM", "UTF-8"));
        String body = chinese.getContent().toString();
        assertThat(body).contains("孙丽，您好：", "客户华东机械的信用额度已超出", "查看详情：https://crm.example.test/customers/7",
                "通知类别：测试警报", "https://crm.example.test/notifications/preferences");

        MimeMessage[] english = smtp.getReceivedMessagesForDomain("zhidu.test");
        List<String> englishSubjects = Arrays.stream(english).filter(m -> {
            try {
                return Arrays.asList(m.getRecipients(Message.RecipientType.TO)).contains(new InternetAddress("sales2@zhidu.test"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> {
            try {
                return m.getSubject() + " | " + m.getContent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(englishSubjects).hasSize(2);
        assertThat(englishSubjects).anySatisfy(s -> assertThat(s)
                .startsWith("[Zhidu CRM] Customer 华东机械 is over the credit limit | Hello 周杰,")
                .contains("Open: https://crm.example.test/customers/7", "Topic: Test alert"));
        assertThat(englishSubjects).anySatisfy(s -> assertThat(s)
                .startsWith("[Zhidu CRM] The protection of customer 南方纺织 expires on 2027-03-01 | Hello 周杰,")
                .doesNotContain("Open:"));

        assertThat(outbox()).extracting(r -> r.get("status") + " " + r.get("attempts")).containsOnly("SENT 1");
        // nothing is sent twice
        assertThat(duties.run("mail-outbox", Duties.Trigger.MANUAL).message()).isEqualTo("sent 0, to retry 0, given up 0");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aFailedSendIsKeptWithItsErrorRetriedAtTheNextRunAndGivenUpAfterMaxAttempts() throws Exception {
        email("director1", "director1@zhidu.test");
        email("director2", "director2@zhidu.test");
        smtp.stop();
        publish(new Notice(Set.of(userId("director1")), TestNotices.ALERT, "test.notice.alert", List.of("断线公司"), null), 1);

        Duties.Run failed = duties.run("mail-outbox", Duties.Trigger.MANUAL);
        assertThat(failed.outcome()).isEqualTo(Duties.Outcome.FAILED);
        assertThat(failed.message()).contains("to retry 1");
        Map<String, Object> row = outbox().get(0);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error").toString()).isNotBlank();

        smtp.start();
        assertThat(duties.run("mail-outbox", Duties.Trigger.MANUAL).outcome()).isEqualTo(Duties.Outcome.SUCCEEDED);
        assertThat(outbox()).extracting(r -> r.get("status") + " " + r.get("attempts")).containsExactly("SENT 2");
        assertThat(mailTo("director1@zhidu.test").getSubject()).isEqualTo("【制度CRM】客户断线公司的信用额度已超出");

        // a longer outage: three failed attempts and the e-mail is given up, never sent later
        smtp.stop();
        jdbc.sql("DELETE FROM notice_mail").update();
        publish(new Notice(Set.of(userId("director2")), TestNotices.ALERT, "test.notice.alert", List.of("长期断线公司"), null), 1);
        duties.run("mail-outbox", Duties.Trigger.MANUAL);
        duties.run("mail-outbox", Duties.Trigger.MANUAL);
        Duties.Run last = duties.run("mail-outbox", Duties.Trigger.MANUAL);
        assertThat(last.message()).contains("given up 1");
        assertThat(outbox()).extracting(r -> r.get("status") + " " + r.get("attempts")).containsExactly("GAVE_UP 3");
        smtp.start();
        smtp.reset();
        assertThat(duties.run("mail-outbox", Duties.Trigger.MANUAL).message()).isEqualTo("sent 0, to retry 0, given up 0");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
