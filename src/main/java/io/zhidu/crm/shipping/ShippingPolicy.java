package io.zhidu.crm.shipping;

import io.zhidu.crm.credit.BlockReason;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may release a blocked shipping order, policy section {@code shipping}: a shipment beyond the
 * credit limit is a special case for the GM (6.2.3-1: 超出信用范围的特殊合同), an overdue customer's
 * shipment the VP (6.2.4-4(2)). No credit, a hold and an expired credit are beyond the credit range
 * too. An order blocked for both kinds of reason goes to both, the VP first.
 */
record ShippingPolicy(long versionId, Role overLimitApprover, Role overdueApprover) {

    static final String SECTION = "shipping";
    static final List<String> APPROVERS = List.of("GM", "VP");

    static ShippingPolicy of(PolicyRules rules) {
        return new ShippingPolicy(rules.versionId(), Role.valueOf(rules.choice(SECTION, "over-limit-approver")),
                Role.valueOf(rules.choice(SECTION, "overdue-approver")));
    }

    /** The approval route of a release request for the given block reasons: VP before GM, each once. */
    List<Role> route(Collection<BlockReason> reasons) {
        List<Role> roles = new ArrayList<>();
        for (BlockReason r : reasons) {
            roles.add(r == BlockReason.OVERDUE ? overdueApprover : overLimitApprover);
        }
        return roles.stream().distinct().sorted((a, b) -> a == b ? 0 : a == Role.VP ? -1 : b == Role.VP ? 1 : 0).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection shippingSection() {
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "shipping.policy.section", 6, List.of(
                    PolicySetting.choice("over-limit-approver", "6.2.3-1", "shipping.policy.overLimitApprover", APPROVERS, "GM"),
                    PolicySetting.choice("overdue-approver", "6.2.4-4(2)", "shipping.policy.overdueApprover", APPROVERS, "VP")));
        }
    }
}
