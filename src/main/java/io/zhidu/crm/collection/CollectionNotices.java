package io.zhidu.crm.collection;

import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.notification.NoticeTopic;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Who is told about a case, through the notification centre (in-app, and e-mail as each user's
 * preferences say): the salesperson at each reminder day; at the hand-over the planning dept of
 * the case's company, the case's owner and the director of its office.
 */
@Component
class CollectionNotices {

    static final String REMINDER = "overdue.reminder";
    static final String HANDED_OVER = "overdue.handedOver";

    private final StaffDirectory directory;
    private final ApplicationEventPublisher events;

    CollectionNotices(StaffDirectory directory, ApplicationEventPublisher events) {
        this.directory = directory;
        this.events = events;
    }

    /** The planning users of the company, the owner and the office's directors. */
    Set<Long> handOverRecipients(long companyId, Long ownerId, Long officeId) {
        Set<Long> to = new LinkedHashSet<>();
        DataScope company = new DataScope(0, false, Set.of(), Set.of(), Set.of(), Set.of(companyId));
        to.addAll(withRole(company, null, Role.PLANNING));
        if (ownerId != null) {
            to.add(ownerId);
        }
        if (officeId != null) {
            to.addAll(withRole(DataScope.everything(0), officeId, Role.OFFICE_DIRECTOR));
        }
        return to;
    }

    private List<Long> withRole(DataScope scope, Long officeId, Role role) {
        return directory.page(scope, new StaffDirectory.Filter(null, officeId, null, role, true), StaffDirectory.Sort.DEFAULT,
                null, StaffDirectory.MAX_PAGE).rows().stream().map(StaffDirectory.Row::id).toList();
    }

    void tell(Set<Long> recipients, String topic, String messageKey, long caseId, String... args) {
        if (!recipients.isEmpty()) {
            events.publishEvent(new Notice(recipients, topic, messageKey, List.of(args), "/collections/" + caseId));
        }
    }

    @Bean
    static NoticeTopic collectionReminderTopic() {
        return new NoticeTopic(REMINDER, "collection.topic.reminder", true);
    }

    @Bean
    static NoticeTopic collectionHandedOverTopic() {
        return new NoticeTopic(HANDED_OVER, "collection.topic.handedOver", true);
    }
}
