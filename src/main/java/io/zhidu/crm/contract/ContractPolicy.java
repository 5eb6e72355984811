package io.zhidu.crm.contract;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract rules of one policy version (section {@code contract}, seed 6.2.4-4(1) 合同评审):
 * the number prefix, and the amount up to which the business-dept manager reviews a contract
 * (above it, the VP).
 */
record ContractPolicy(long versionId, String numberPrefix, BigDecimal reviewThreshold) {

    static final String SECTION = "contract";
    static final String CLAUSE = "6.2.4-4(1)";
    static final List<String> PREFIXES = List.of("HT", "XS", "ZD");

    static ContractPolicy of(PolicyRules rules) {
        return new ContractPolicy(rules.versionId(), rules.choice(SECTION, "number-prefix"),
                rules.decimal(SECTION, "review-threshold"));
    }

    /** Who reviews a contract of this amount. */
    Role reviewer(BigDecimal amount) {
        return amount.compareTo(reviewThreshold) <= 0 ? Role.BUSINESS_MANAGER : Role.VP;
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection contractSection() {
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "contract.policy.section", 10, List.of(
                    PolicySetting.choice("number-prefix", CLAUSE, "contract.policy.prefix", PREFIXES, "HT"),
                    PolicySetting.decimal("review-threshold", CLAUSE, "contract.policy.threshold", "contract.unit.yuan",
                            "1000000", "0", "100000000000")));
        }
    }
}
