package io.zhidu.crm.notification;

import java.util.List;
import java.util.Set;

/**
 * Something users must be told (通知), published as an application event by the module where it
 * happened; the notification module delivers it after that module's transaction commits, in the
 * in-app centre and — as each recipient's preferences say — by e-mail.
 *
 * <p>The text is a message key with its arguments, rendered in each recipient's language when
 * shown or mailed, so the key must exist in the publishing module's bundle in both languages.
 *
 * @param recipientIds staff ids to tell (duplicates and inactive accounts are dropped)
 * @param topic        code of a {@link NoticeTopic} declared by the publishing module
 * @param messageKey   message key of the one-line text, e.g. {@code ownership.notice.expiring}
 * @param args         its arguments, already formatted (names, dates as YYYY-MM-DD, amounts)
 * @param link         an application path to open, e.g. {@code /customers/42}, or null
 */
public record Notice(Set<Long> recipientIds, String topic, String messageKey, List<String> args, String link) {

    public Notice {
        recipientIds = Set.copyOf(recipientIds);
        args = List.copyOf(args);
    }
}
