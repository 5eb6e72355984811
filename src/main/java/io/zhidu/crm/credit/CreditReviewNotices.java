package io.zhidu.crm.credit;

import io.zhidu.crm.notification.Notice;
import io.zhidu.crm.notification.NoticeTopic;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Who is told the result of an approved credit review (6.2.4-5(3): 评审结果要及时通报办事处、财务部):
 * the director of each office with a customer moved, with that office's ups and downs and a link
 * to the round filtered by the office; every active finance user with the totals.
 */
@Component
class CreditReviewNotices {

    static final String TOPIC = "credit-review";

    private final StaffDirectory directory;
    private final ApplicationEventPublisher events;

    CreditReviewNotices(StaffDirectory directory, ApplicationEventPublisher events) {
        this.directory = directory;
        this.events = events;
    }

    void approved(CreditReview review, Map<Long, long[]> byOffice) {
        long up = 0;
        long down = 0;
        for (Map.Entry<Long, long[]> e : byOffice.entrySet()) {
            up += e.getValue()[0];
            down += e.getValue()[1];
            if (e.getKey() != null) {
                tell(withRole(e.getKey(), Role.OFFICE_DIRECTOR), "creditreview.notice.office",
                        "/credit/reviews/" + review.id() + "?officeId=" + e.getKey(), review.period(),
                        Long.toString(e.getValue()[0]), Long.toString(e.getValue()[1]));
            }
        }
        tell(withRole(null, Role.FINANCE), "creditreview.notice.finance", "/credit/reviews/" + review.id(), review.period(),
                Long.toString(up), Long.toString(down));
    }

    private Set<Long> withRole(Long officeId, Role role) {
        return new LinkedHashSet<>(directory.page(DataScope.everything(0), new StaffDirectory.Filter(null, officeId, null, role, true),
                StaffDirectory.Sort.DEFAULT, null, StaffDirectory.MAX_PAGE).rows().stream().map(StaffDirectory.Row::id).toList());
    }

    private void tell(Set<Long> recipients, String messageKey, String link, String... args) {
        if (!recipients.isEmpty()) {
            events.publishEvent(new Notice(recipients, TOPIC, messageKey, List.of(args), link));
        }
    }

    @Bean
    static NoticeTopic creditReviewTopic() {
        return new NoticeTopic(TOPIC, "creditreview.topic", true);
    }
}
