package io.zhidu.crm.approval;

import io.zhidu.crm.notification.NoticeTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notice topics this module publishes, for users' channel preferences. */
@Configuration(proxyBeanMethods = false)
class ApprovalTopics {

    @Bean
    static NoticeTopic approvalPendingTopic() {
        return new NoticeTopic(Approvals.TOPIC_PENDING, Approvals.TOPIC_PENDING, true);
    }

    @Bean
    static NoticeTopic approvalDecidedTopic() {
        return new NoticeTopic(Approvals.TOPIC_DECIDED, Approvals.TOPIC_DECIDED, true);
    }
}
