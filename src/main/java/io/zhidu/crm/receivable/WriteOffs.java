package io.zhidu.crm.receivable;

import io.zhidu.crm.approval.ApprovalDecided;
import io.zhidu.crm.approval.ApprovalOutcome;
import io.zhidu.crm.approval.ApprovalRequest;
import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.approval.Route;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bad-debt write-off (坏账核销): finance proposes it for an open receivable with a reason (seed
 * 6.2.3-5); the approvers the policy names decide (default the GM, 6.2.3-1). Approval writes the
 * open amount off on the business date: the receivable leaves the open aging from that day, and
 * the aging of earlier dates still shows it open, and the aging's written-off column shows the
 * amount from that day. A rejection changes nothing. While a request is open the receivable
 * carries its id (the finance workbench lists them).
 */
@Service
public class WriteOffs {

    static final String SUBJECT = "RECEIVABLE_WRITE_OFF";
    static final String SECTION = "write-off";
    static final int MAX_REASON = 500;

    private final Receivables receivables;
    private final Approvals approvals;
    private final Policies policies;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    WriteOffs(Receivables receivables, Approvals approvals, Policies policies, JdbcClient jdbc, BusinessClock clock,
              ApplicationEventPublisher events) {
        this.receivables = receivables;
        this.approvals = approvals;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Opens the approval request; returns its id. One open request per receivable (the engine refuses a second). */
    @Transactional
    public long propose(DataScope scope, long receivableId, String reason) {
        Receivables.Row r = receivables.find(scope, receivableId).orElseThrow(DomainException::notFound);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason", "receivable.writeOff.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "receivable.writeOff.reasonLength", MAX_REASON);
        }
        if (r.status() != ReceivableStatus.OPEN || r.openAmount().signum() <= 0) {
            throw DomainException.conflict("receivable.writeOff.notOpen");
        }
        List<Role> steps = policies.current().choices(SECTION, "approvers").stream().map(Role::valueOf).toList();
        long approval = approvals.submit(new ApprovalRequest(SUBJECT, receivableId, "receivable.writeOff.title",
                List.of(r.customerName(), r.contractNumber() + " #" + r.installmentNumber(), r.openAmount().toPlainString(), why),
                "/receivables?customerId=" + r.customerId(), new Route.Roles(steps), scope.userId()));
        jdbc.sql("UPDATE receivable SET write_off_approval_id = ? WHERE id = ?").params(approval, receivableId).update();
        events.publishEvent(new ReceivableChanged(CurrentActor.username(), "WRITE_OFF_PROPOSED", "RECEIVABLE", receivableId,
                r.openAmount().toPlainString() + ": " + why));
        return approval;
    }

    /** The write-off requests of a receivable, newest first (its page shows the trail). */
    public List<io.zhidu.crm.approval.ApprovalView> trail(long receivableId) {
        return approvals.history(SUBJECT, receivableId);
    }

    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        if (!SUBJECT.equals(decided.subjectType())) {
            return;
        }
        jdbc.sql("UPDATE receivable SET write_off_approval_id = NULL WHERE id = ? AND write_off_approval_id = ?")
                .params(decided.subjectId(), decided.approvalId()).update();
        if (decided.outcome() != ApprovalOutcome.APPROVED) {
            return;
        }
        int written = jdbc.sql("""
                        UPDATE receivable SET status = 'WRITTEN_OFF', written_off_on = ?, written_off_amount = open_amount,
                               open_amount = 0, version = version + 1
                        WHERE id = ? AND status = 'OPEN'""")
                .params(clock.today(), decided.subjectId()).update();
        if (written > 0) {
            events.publishEvent(new ReceivableChanged(CurrentActor.SYSTEM, "RECEIVABLE_WRITTEN_OFF", "RECEIVABLE",
                    decided.subjectId(), "approval " + decided.approvalId()));
        }
    }

    @Bean
    static PolicySection writeOffSection() {
        return new PolicySection(SECTION, PolicyChapter.CREDIT, "receivable.policy.writeOff", 30, List.of(
                PolicySetting.choices("approvers", "6.2.3-5", "receivable.policy.writeOff.approvers", List.of("VP", "GM"),
                        List.of("GM"))));
    }
}
