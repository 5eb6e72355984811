package io.zhidu.crm.policy;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy's own rule for changing itself (seed 6.1.2-3: revised yearly, drafted by the
 * business-dept manager and approved by leadership). The issue asks for the GM's approval; the
 * seed names the VP: the approvers are a setting, shipped as the GM alone.
 */
@Configuration(proxyBeanMethods = false)
class PolicyGovernance {

    static final String SECTION = "governance";
    static final String APPROVERS = "approvers";

    @Bean
    PolicySection governanceSection() {
        return new PolicySection(SECTION, PolicyChapter.GOVERNANCE, "policy.section.governance", 10, List.of(
                PolicySetting.choices(APPROVERS, "6.1.2-3", "policy.setting.approvers", List.of("VP", "GM"), List.of("GM"))));
    }
}
