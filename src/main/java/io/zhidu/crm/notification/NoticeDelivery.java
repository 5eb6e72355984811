package io.zhidu.crm.notification;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers each published {@link Notice} once its publisher's transaction has committed (never
 * for one rolled back): one stored notice per distinct active recipient, and an e-mail queued in
 * the same transaction for each recipient whose preference for the topic says e-mail and who has
 * an address — when this installation sends e-mail. Unknown and inactive recipients are dropped.
 * A notice of a topic no module declares still reaches the in-app centre, never e-mail.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);
    /** An application path: one leading slash (not "//host"), no spaces, quotes, backslashes or control characters. */
    private static final Pattern APP_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\\"<>]{0,499}");

    private final Inbox inbox;
    private final MailOutbox outbox;
    private final NoticeTopics topics;
    private final NotificationSettings settings;
    private final Staff staff;
    private final MailSettings mail;
    private final Clock clock;

    NoticeDelivery(Inbox inbox, MailOutbox outbox, NoticeTopics topics, NotificationSettings settings, Staff staff,
                   MailSettings mail, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.topics = topics;
        this.settings = settings;
        this.staff = staff;
        this.mail = mail;
        this.clock = clock;
    }

    /** Is the link a path inside this application (so that opening a notice never leads elsewhere)? */
    static boolean isApplicationPath(String link) {
        return APP_PATH.matcher(link).matches();
    }

    @ApplicationModuleListener
    void on(Notice notice) {
        if (notice.messageKey() == null || notice.messageKey().isBlank() || notice.messageKey().length() > 200
                || notice.topic() == null || notice.topic().isBlank() || notice.topic().length() > 100) {
            log.error("Notice dropped: topic '{}' or message key '{}' missing or too long", notice.topic(), notice.messageKey());
            return;
        }
        Optional<NoticeTopic> topic = topics.find(notice.topic());
        if (topic.isEmpty()) {
            log.warn("Notice of undeclared topic '{}' ({}): delivered in-app only", notice.topic(), notice.messageKey());
        }
        String link = notice.link();
        if (link != null && !isApplicationPath(link)) {
            log.warn("Notice {} has a link that is not an application path, dropped: {}", notice.messageKey(), link);
            link = null;
        }
        List<StaffAccount> recipients = staff.byIds(notice.recipientIds()).stream().filter(StaffAccount::active)
                .sorted(java.util.Comparator.comparingLong(StaffAccount::id)).toList();
        if (recipients.isEmpty()) {
            return;
        }
        Map<Long, NoticePreference> preferences = settings.of(recipients.stream().map(StaffAccount::id).toList());
        Instant now = clock.instant();
        for (StaffAccount r : recipients) {
            long id = inbox.deliver(r.id(), notice.topic(), notice.messageKey(), notice.args(), link, now);
            if (mail.enabled() && topic.isPresent() && preferences.get(r.id()).wantsEmail(topic.get())
                    && r.email() != null && !r.email().isBlank()) {
                outbox.queue(id, r.email().trim(), now);
            }
        }
    }
}
