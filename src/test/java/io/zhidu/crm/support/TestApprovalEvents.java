package io.zhidu.crm.support;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.notification.Notice;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A requesting module as the approval engine sees one: it handles {@link ApprovalDecided} for its
 * subject type {@code TEST} the way real modules do (after commit, asynchronously), and records
 * the notices published, once their transaction committed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestApprovalEvents {

    @Bean
    Recorder approvalRecorder() {
        return new Recorder();
    }

    public static class Recorder {

        public final List<ApprovalDecided> decided = new CopyOnWriteArrayList<>();
        public final List<Notice> notices = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        public void on(ApprovalDecided event) {
            if ("TEST".equals(event.subjectType())) {
                decided.add(event);
            }
        }

        @TransactionalEventListener(fallbackExecution = true)
        public void on(Notice notice) {
            notices.add(notice);
        }

        public List<ApprovalDecided> decidedFor(long approvalId) {
            return decided.stream().filter(d -> d.approvalId() == approvalId).toList();
        }

        /** The notices published with the given message key, oldest first. */
        public List<Notice> notices(String messageKey) {
            return notices.stream().filter(n -> n.messageKey().equals(messageKey)).toList();
        }

        /** The notices whose link is the request's page. */
        public List<Notice> noticesFor(long approvalId) {
            return notices.stream().filter(n -> ("/approvals/" + approvalId).equals(n.link())).toList();
        }
    }
}
