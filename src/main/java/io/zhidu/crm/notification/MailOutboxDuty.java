package io.zhidu.crm.notification;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the queued notification e-mails every minute (job {@code mail-outbox}): each one written
 * in its recipient's e-mail language when sent, then marked sent; a failure is recorded with its
 * error and tried again at the next run, until {@code zhidu.mail.max-attempts} is reached. Each
 * e-mail is its own unit of work. A run with failures ends FAILED, so the jobs screen shows that
 * the SMTP server refused or was unreachable.
 */
@Component
class MailOutboxDuty implements ScheduledDuty {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxDuty.class);

    private final MailOutbox outbox;
    private final NoticeTexts texts;
    private final NotificationSettings settings;
    private final Staff staff;
    private final MailSettings mail;
    private final JavaMailSender sender;
    private final Clock clock;

    MailOutboxDuty(MailOutbox outbox, NoticeTexts texts, NotificationSettings settings, Staff staff, MailSettings mail,
                   ObjectProvider<JavaMailSender> senders, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.staff = staff;
        this.mail = mail;
        this.sender = senders.getIfAvailable();
        this.clock = clock;
        if (mail.enabled() && sender == null) {
            throw new IllegalStateException("zhidu.mail.enabled=true needs an SMTP server: set spring.mail.host (SPRING_MAIL_HOST)");
        }
    }

    @Override
    public String name() {
        return "mail-outbox";
    }

    @Override
    public String cron() {
        return "0 * * * * *";
    }

    @Override
    public String descriptionKey() {
        return "notification.job.mail-outbox";
    }

    @Override
    public String run(LocalDate businessDate) {
        if (!mail.enabled()) {
            return "e-mail is off (zhidu.mail.enabled=false)";
        }
        List<MailOutbox.Pending> due = outbox.due(mail.batchSize());
        Map<Long, NoticePreference> preferences = settings.of(due.stream().map(MailOutbox.Pending::recipientId).distinct().toList());
        int sent = 0;
        int failed = 0;
        int gaveUp = 0;
        String lastError = null;
        for (MailOutbox.Pending p : due) {
            try {
                send(p, preferences.get(p.recipientId()));
                outbox.sent(p.id(), clock.instant());
                sent++;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                log.warn("E-mail {} to {} failed (attempt {}): {}", p.id(), p.address(), p.attempts() + 1, lastError);
                if (outbox.failed(p.id(), p.attempts(), lastError, clock.instant(), mail.maxAttempts()) == MailOutbox.Status.GAVE_UP) {
                    gaveUp++;
                } else {
                    failed++;
                }
            }
        }
        String summary = "sent " + sent + ", to retry " + failed + ", given up " + gaveUp;
        if (failed + gaveUp > 0) {
            throw new IllegalStateException(summary + "; last error: " + lastError);
        }
        return summary;
    }

    private void send(MailOutbox.Pending p, NoticePreference preference) {
        String name = staff.byId(p.recipientId()).map(StaffAccount::fullName).orElse("");
        NoticeTexts.Mail m = texts.mail(name, p.topic(), p.messageKey(), p.args(), p.link(), preference.emailLanguage().locale());
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(mail.from());
            helper.setTo(p.address());
            helper.setSubject(m.subject());
            helper.setText(m.body(), false);
            helper.setSentDate(java.util.Date.from(clock.instant()));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalArgumentException("cannot write the e-mail: " + e.getMessage(), e);
        }
        sender.send(message);
    }
}
