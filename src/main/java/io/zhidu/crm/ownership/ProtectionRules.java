package io.zhidu.crm.ownership;

import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The protection rules of one policy version (section {@code protection}, seed O-21: "2-month
 * protection, then adjusted or re-declared"), read once per act so that a decision uses one
 * version throughout and records it.
 *
 * @param periodMonths how long a declaration protects
 * @param warningDays  how many days before the end the owner and director are told
 * @param graceDays    days an expired protection waits for the director's reassignment before the
 *                     customer returns to the pool (0: straight to the pool)
 * @param coolOffDays  days the previous owner may not re-declare a customer that lapsed
 * @param renewing     the kinds of progress that renew a protection
 * @param poolScope    which pool customers a salesperson may see and declare
 */
record ProtectionRules(long versionId, int periodMonths, int warningDays, int graceDays, int coolOffDays,
                       List<ProgressKind> renewing, PoolScope poolScope) {

    static final String SECTION = "protection";

    /** Who sees a customer in the pool. */
    enum PoolScope {
        /** Everyone in the customer's company. */
        COMPANY,
        /** Only the office the customer last belonged to (and customers of no office). */
        OFFICE
    }

    static ProtectionRules of(PolicyRules rules) {
        return new ProtectionRules(rules.versionId(), rules.integer(SECTION, "period-months"),
                rules.integer(SECTION, "warning-days"), rules.integer(SECTION, "grace-days"),
                rules.integer(SECTION, "cool-off-days"),
                rules.choices(SECTION, "renewing-progress").stream().map(ProgressKind::valueOf).toList(),
                PoolScope.valueOf(rules.choice(SECTION, "pool-scope")));
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection protectionSection() {
            List<String> kinds = Arrays.stream(ProgressKind.values()).map(Enum::name).toList();
            return new PolicySection(SECTION, PolicyChapter.DECLARATION, "ownership.policy.section", 10, List.of(
                    PolicySetting.integer("period-months", "O-21", "ownership.policy.period", "ownership.unit.months", 2, 1, 24),
                    PolicySetting.choices("renewing-progress", "O-21", "ownership.policy.renewing", kinds,
                            List.of(ProgressKind.CONTRACT_SIGNED.name())),
                    PolicySetting.integer("warning-days", "O-21", "ownership.policy.warning", "ownership.unit.days", 7, 0, 60),
                    PolicySetting.integer("grace-days", "O-21", "ownership.policy.grace", "ownership.unit.days", 3, 0, 30),
                    PolicySetting.integer("cool-off-days", "O-21", "ownership.policy.coolOff", "ownership.unit.days", 30, 0, 365),
                    PolicySetting.choice("pool-scope", "O-21", "ownership.policy.poolScope",
                            Arrays.stream(PoolScope.values()).map(Enum::name).toList(), PoolScope.COMPANY.name())));
        }
    }
}
