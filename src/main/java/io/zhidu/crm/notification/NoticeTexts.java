package io.zhidu.crm.notification;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes notices in a reader's language: the one-line text from the publisher's message key, the
 * topic's name, and the e-mail (subject and plain-text body, links as absolute URLs under
 * {@code zhidu.base-url}). A key missing from the bundles shows as the key itself, never as an error.
 */
@Component
class NoticeTexts {

    static final int MAX_SUBJECT_TEXT = 120;

    /** A stored notice as its reader sees it: text and topic name in the reader's language. */
    public record NoticeView(long id, String topic, String topicLabel, String text, String messageKey, List<String> args,
                             String link, java.time.Instant createdAt, java.time.Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    /** An e-mail ready to send. */
    record Mail(String subject, String body) {
    }

    private final MessageSource messages;
    private final NoticeTopics topics;
    private final String baseUrl;

    NoticeTexts(MessageSource messages, NoticeTopics topics, @Value("${zhidu.base-url:http://localhost:8080}") String baseUrl) {
        this.messages = messages;
        this.topics = topics;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    NoticeView view(Inbox.Stored n, Locale locale) {
        return new NoticeView(n.id(), n.topic(), topicLabel(n.topic(), locale), text(n.messageKey(), n.args(), locale),
                n.messageKey(), n.args(), n.link(), n.createdAt(), n.readAt());
    }

    String text(String messageKey, List<String> args, Locale locale) {
        return messages.getMessage(messageKey, args.toArray(), messageKey, locale);
    }

    String topicLabel(String topicCode, Locale locale) {
        return topics.find(topicCode).map(t -> messages.getMessage(t.labelKey(), null, topicCode, locale)).orElse(topicCode);
    }

    /** The application path as an absolute URL. */
    String absolute(String path) {
        return baseUrl + path;
    }

    Mail mail(String fullName, String topicCode, String messageKey, List<String> args, String link, Locale locale) {
        String text = text(messageKey, args, locale);
        String line = text.replaceAll("\\s+", " ").trim();
        if (line.length() > MAX_SUBJECT_TEXT) {
            line = line.substring(0, MAX_SUBJECT_TEXT) + "…";
        }
        String subject = messages.getMessage("notification.mail.subject", new Object[] {line}, locale);
        StringBuilder body = new StringBuilder()
                .append(messages.getMessage("notification.mail.greeting", new Object[] {fullName}, locale)).append("\n\n")
                .append(text).append("\n\n");
        if (link != null) {
            body.append(messages.getMessage("notification.mail.open", new Object[] {absolute(link)}, locale)).append("\n\n");
        }
        body.append(messages.getMessage("notification.mail.topic", new Object[] {topicLabel(topicCode, locale)}, locale)).append('\n')
                .append("--\n")
                .append(messages.getMessage("notification.mail.footer", new Object[] {absolute("/notifications/preferences")}, locale))
                .append('\n');
        return new Mail(subject, body.toString());
    }
}
