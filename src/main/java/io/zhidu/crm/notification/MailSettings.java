package io.zhidu.crm.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification e-mail ({@code zhidu.mail.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param enabled     send e-mails at all (off by default: an installation without SMTP only has the in-app centre)
 * @param from        sender address, e.g. {@code 制度CRM <crm@example.com>}
 * @param maxAttempts tries per e-mail (one per run of the mail-outbox duty) before it is given up
 * @param batchSize   e-mails sent per run at most
 */
@ConfigurationProperties("zhidu.mail")
record MailSettings(@DefaultValue("false") boolean enabled,
                    @DefaultValue("zhidu-crm@localhost") String from,
                    @DefaultValue("10") int maxAttempts,
                    @DefaultValue("200") int batchSize) {
}
