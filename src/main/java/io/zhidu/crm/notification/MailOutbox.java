package io.zhidu.crm.notification;

import static io.zhidu.crm.notification.Inbox.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mails waiting to go out, one row per notice and address. A row is queued in the transaction
 * that stores its notice, so a notice and its e-mail exist together or not at all; the mail-outbox
 * duty sends them and records each attempt.
 */
@Component
class MailOutbox {

    enum Status {
        /** Not sent yet: tried again at the next run. */
        PENDING,
        SENT,
        /** Failed as often as {@code zhidu.mail.max-attempts} allows; kept with its last error. */
        GAVE_UP
    }

    /** A queued e-mail with what it needs to be written: the notice's key, arguments and link. */
    record Pending(long id, long noticeId, long recipientId, String address, int attempts, String topic,
                   String messageKey, List<String> args, String link) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void queue(long noticeId, String address, Instant at) {
        jdbc.sql("INSERT INTO notice_mail (notice_id, address, status, attempts, created_at) VALUES (?, ?, ?, 0, ?)")
                .params(noticeId, address, Status.PENDING.name(), utc(at)).update();
    }

    /** The oldest e-mails still to send, at most {@code limit}. */
    List<Pending> due(int limit) {
        return jdbc.sql("""
                        SELECT m.id, m.notice_id, n.recipient_id, m.address, m.attempts, n.topic, n.message_key, n.args, n.link
                        FROM notice_mail m JOIN notice n ON n.id = m.notice_id
                        WHERE m.status = ? ORDER BY m.id LIMIT ?""")
                .params(Status.PENDING.name(), limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("notice_id"), rs.getLong("recipient_id"),
                        rs.getString("address"), rs.getInt("attempts"), rs.getString("topic"), rs.getString("message_key"),
                        List.of(json.readValue(rs.getString("args"), String[].class)), rs.getString("link")))
                .list();
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE notice_mail SET status = ?, attempts = attempts + 1, last_attempt_at = ?, sent_at = ? WHERE id = ?")
                .params(Status.SENT.name(), utc(at), utc(at), id).update();
    }

    /** Records a failed attempt; the e-mail is given up once it has failed {@code maxAttempts} times. */
    Status failed(long id, int attemptsBefore, String error, Instant at, int maxAttempts) {
        Status next = attemptsBefore + 1 >= maxAttempts ? Status.GAVE_UP : Status.PENDING;
        String message = error == null ? "" : error;
        jdbc.sql("UPDATE notice_mail SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(next.name(), utc(at), message.substring(0, Math.min(message.length(), 2000)), id).update();
        return next;
    }
}
