package io.zhidu.crm.shipping;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.contract.PaymentAnchor;
import io.zhidu.crm.credit.CustomerCredits;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds what a shipping test needs through the modules' own services: a contract signed today
 * (reviewed by the business-dept manager, or the GM when it is beyond the customer's credit) whose whole amount falls due 30 days after shipment, and
 * a credit granted by the VP.
 */
public record ShippingFixtures(Contracts contracts, CustomerCredits credits, Approvals approvals, BusinessClock clock,
                               JdbcClient jdbc) {

    public long userId(String username) {
        return jdbc.sql("SELECT id FROM employee WHERE username = ?").param(username).query(Long.class).single();
    }

    /** A contract of the customer signed today: 10 × ¥1,000 and 5 × ¥200 (¥11,000), 100% due 30 days after shipment. */
    public ContractView signedContract(long customerId) throws InterruptedException {
        DataScope everything = DataScope.everything(userId("admin"));
        ContractView draft = contracts.draft(everything, new Contracts.Draft(customerId, List.of(
                new Contracts.Line(null, "发货测试机床", new BigDecimal("10"), "台", new BigDecimal("1000"), new BigDecimal("1000")),
                new Contracts.Line(null, "发货测试配件", new BigDecimal("5"), "套", new BigDecimal("200"), new BigDecimal("200"))),
                List.of(new Contracts.Term(new BigDecimal("100"), PaymentAnchor.SHIPMENT, 30))));
        long approval = contracts.submit(everything, draft.id());
        approvals.approve(approval, userId(reviewer(approval)), "同意");
        for (int i = 0; i < 100 && !"APPROVED".equals(status(draft.id())); i++) {
            Thread.sleep(100);
        }
        return contracts.sign(everything, draft.id(), clock.today());
    }

    /** Grants the customer rating B with the given limit, approved by the VP (or the GM above the policy amount). */
    public void grant(long customerId, String limit) throws InterruptedException {
        CustomerCredits.Proposed p = credits.propose(DataScope.everything(userId("stat")), customerId,
                new CustomerCredits.Proposal("B", new BigDecimal(limit), null, null, "发货测试授信"));
        String role = jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no FETCH FIRST 1 ROWS ONLY")
                .param(p.approvalId()).query(String.class).single();
        approvals.approve(p.approvalId(), userId("GM".equals(role) ? "gm" : "vp"), "同意");
        for (int i = 0; i < 100 && jdbc.sql("SELECT COUNT(*) FROM customer_credit WHERE customer_id = ?").param(customerId)
                .query(Long.class).single() == 0; i++) {
            Thread.sleep(100);
        }
    }

    /** Who decides the first step of a review: the business-dept manager, or higher when the contract was flagged (e.g. beyond credit). */
    private String reviewer(long approvalId) {
        String role = jdbc.sql("SELECT approver_role FROM approval_step WHERE approval_id = ? ORDER BY step_no FETCH FIRST 1 ROWS ONLY")
                .param(approvalId).query(String.class).single();
        return switch (role) {
            case "GM" -> "gm";
            case "VP" -> "vp";
            default -> "bizmgr";
        };
    }

    private String status(long contractId) {
        return jdbc.sql("SELECT status FROM contract WHERE id = ?").param(contractId).query(String.class).single();
    }
}
