package io.zhidu.crm.notification;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's notification preferences: read with the defaults filled in, and changed with a version check. */
@Service
class NotificationSettings {

    /** One declared topic as the user sees it: in-app always, e-mail as chosen or by default. */
    public record TopicChoice(String code, String labelKey, boolean email, boolean emailByDefault, boolean decided) {
    }

    /**
     * A user's preferences; {@code address} is their e-mail address on file (null: none, so no
     * e-mails whatever the choices), {@code mailEnabled} whether this installation sends e-mail.
     */
    public record View(MailLanguage emailLanguage, List<TopicChoice> topics, long version, String address,
                       boolean mailEnabled) {
    }

    private final NoticePreferences preferences;
    private final NoticeTopics topics;
    private final Staff staff;
    private final MailSettings mail;
    private final ApplicationEventPublisher events;

    NotificationSettings(NoticePreferences preferences, NoticeTopics topics, Staff staff, MailSettings mail,
                         ApplicationEventPublisher events) {
        this.preferences = preferences;
        this.topics = topics;
        this.staff = staff;
        this.mail = mail;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public View of(long staffId) {
        return view(preference(staffId));
    }

    /**
     * Stores the user's choices when {@code expectedVersion} is the version they saw (0 for the
     * defaults). Topics not in {@code emailByTopic} keep their current setting.
     *
     * @throws DomainException INVALID on {@code emailLanguage} when missing, on {@code topics} for a
     *                         code no module declares; STALE when the preferences changed meanwhile
     */
    @Transactional
    public View choose(long staffId, long expectedVersion, MailLanguage language, Map<String, Boolean> emailByTopic) {
        if (language == null) {
            throw DomainException.invalid("emailLanguage", "notification.preferences.languageRequired");
        }
        for (String code : emailByTopic.keySet()) {
            if (topics.find(code).isEmpty()) {
                throw DomainException.invalid("topics", "notification.preferences.unknownTopic", code);
            }
        }
        NoticePreference p = preference(staffId);
        if (p.revision() != expectedVersion) {
            throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
        }
        p.choose(language, emailByTopic);
        p = preferences.saveAndFlush(p);
        String detail = "emailLanguage=" + language + "; " + new TreeMap<>(emailByTopic).entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() ? "email" : "in-app"))
                .collect(Collectors.joining(", "));
        events.publishEvent(new NotificationPreferencesChanged(CurrentActor.username(), staffId, detail));
        return view(p);
    }

    /** The preferences of the given users, defaults for those who never chose (one query). */
    @Transactional(readOnly = true)
    public Map<Long, NoticePreference> of(Collection<Long> staffIds) {
        Map<Long, NoticePreference> found = preferences.findAllById(staffIds).stream()
                .collect(Collectors.toMap(NoticePreference::staffId, Function.identity()));
        staffIds.forEach(id -> found.computeIfAbsent(id, NoticePreference::defaults));
        return found;
    }

    private NoticePreference preference(long staffId) {
        return preferences.findById(staffId).orElseGet(() -> NoticePreference.defaults(staffId));
    }

    private View view(NoticePreference p) {
        List<TopicChoice> choices = topics.all().stream()
                .map(t -> new TopicChoice(t.code(), t.labelKey(), p.wantsEmail(t), t.emailByDefault(), p.decided(t.code())))
                .toList();
        String address = staff.byId(p.staffId()).map(StaffAccount::email).filter(e -> !e.isBlank()).orElse(null);
        return new View(p.emailLanguage(), choices, p.revision(), address, mail.enabled());
    }
}
