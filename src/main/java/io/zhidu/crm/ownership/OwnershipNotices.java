package io.zhidu.crm.ownership;

import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.notification.NoticeTopic;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Who is told about a protection and how: the owner and the director of the owner's office (the
 * owner's supervisor when the office has no director), through the notification centre.
 */
@Component
class OwnershipNotices {

    static final String EXPIRING = "protection.expiring";
    static final String EXPIRED = "protection.expired";
    static final String TRANSFERRED = "protection.transferred";

    private final Staff staff;
    private final StaffDirectory directory;
    private final ApplicationEventPublisher events;

    OwnershipNotices(Staff staff, StaffDirectory directory, ApplicationEventPublisher events) {
        this.staff = staff;
        this.directory = directory;
        this.events = events;
    }

    /** The owner and whoever directs them. */
    Set<Long> ownerAndDirector(long ownerId) {
        Set<Long> to = new LinkedHashSet<>();
        to.add(ownerId);
        staff.byId(ownerId).ifPresent(owner -> {
            List<Long> directors = owner.officeId() == null ? List.of()
                    : directory.page(DataScope.everything(ownerId),
                                    new StaffDirectory.Filter(null, owner.officeId(), null, Role.OFFICE_DIRECTOR, true),
                                    StaffDirectory.Sort.DEFAULT, null, 20)
                            .rows().stream().map(StaffDirectory.Row::id).filter(id -> id != ownerId).toList();
            if (!directors.isEmpty()) {
                to.addAll(directors);
            } else if (owner.supervisorId() != null) {
                to.add(owner.supervisorId());
            }
        });
        return to;
    }

    void tell(Set<Long> recipients, String topic, String messageKey, long customerId, String... args) {
        events.publishEvent(new Notice(recipients, topic, messageKey, List.of(args), "/customers/" + customerId));
    }

    String nameOf(long staffId) {
        return staff.byId(staffId).map(StaffAccount::fullName).orElse("#" + staffId);
    }

    @Bean
    static NoticeTopic protectionExpiringTopic() {
        return new NoticeTopic(EXPIRING, "ownership.topic.expiring", true);
    }

    @Bean
    static NoticeTopic protectionExpiredTopic() {
        return new NoticeTopic(EXPIRED, "ownership.topic.expired", true);
    }

    @Bean
    static NoticeTopic protectionTransferredTopic() {
        return new NoticeTopic(TRANSFERRED, "ownership.topic.transferred", false);
    }
}
