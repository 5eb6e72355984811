package io.zhidu.crm.notification;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/**
 * One user's notification channels: the language of their e-mails and, per topic they have
 * decided on, whether it comes by e-mail too (in-app is always on). A topic without a choice
 * follows {@link NoticeTopic#emailByDefault()}.
 *
 * <p>Versions of stored preferences start at 1, so that version 0 stands for "never chosen" (the
 * defaults): a client holding the defaults' ETag cannot overwrite a choice made meanwhile.
 */
@Entity
@Table(name = "notice_preference")
class NoticePreference implements Persistable<Long> {

    static final long NEVER_CHOSEN = 0;

    @Id
    private Long staffId;
    @Enumerated(EnumType.STRING)
    private MailLanguage emailLanguage;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_preference_topic", joinColumns = @JoinColumn(name = "staff_id"))
    @MapKeyColumn(name = "topic")
    @Column(name = "email")
    private Map<String, Boolean> email = new HashMap<>();
    @Version
    private long version;
    @Transient
    private boolean stored = true;

    protected NoticePreference() {
    }

    /** The defaults of a user who has never chosen: e-mails in Chinese, every topic as declared. */
    static NoticePreference defaults(long staffId) {
        NoticePreference p = new NoticePreference();
        p.staffId = staffId;
        p.emailLanguage = MailLanguage.ZH_CN;
        p.stored = false;
        p.version = 1;
        return p;
    }

    /** Does this user get the topic by e-mail? */
    boolean wantsEmail(NoticeTopic topic) {
        return email.getOrDefault(topic.code(), topic.emailByDefault());
    }

    /** Has the user decided on the topic (rather than following its default)? */
    boolean decided(String topicCode) {
        return email.containsKey(topicCode);
    }

    /** The user's choice of e-mail language and of e-mail per topic; topics not given stay as they were. */
    void choose(MailLanguage language, Map<String, Boolean> emailByTopic) {
        this.emailLanguage = Objects.requireNonNull(language);
        email.putAll(emailByTopic);
    }

    MailLanguage emailLanguage() {
        return emailLanguage;
    }

    long staffId() {
        return staffId;
    }

    /** The version clients send back (ETag, form): {@value #NEVER_CHOSEN} while only defaults exist. */
    long revision() {
        return stored ? version : NEVER_CHOSEN;
    }

    @Override
    public Long getId() {
        return staffId;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
