package io.zhidu.crm.grading;

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
 * The grading rules of one policy version, section {@code grading} (seed 6.1.1-3): the rating
 * period, the grace days after which a receivable counts as arrears (拖欠), the contract amount
 * bands (万元, best first), the receivable bands (万元, lower is better), the premium bands (%), the
 * totals of A/B/C, the new-customer months, the key-account amount (万元), the month of the
 * year-end run and who reviews and who approves it (6.1.2-3).
 *
 * @param amounts     contract amount in 万元 earning 4, 3, 2 points
 * @param receivables open receivables in 万元 up to which 4, 3, 2 points are earned
 * @param premiums    premium in % from which 4, 3, 2 points are earned
 * @param totals      the least total of A, B, C
 */
public record GradingPolicy(long versionId, int periodMonths, int graceDays, List<BigDecimal> amounts,
                           List<BigDecimal> receivables, List<BigDecimal> premiums, List<Integer> totals,
                           int newCustomerMonths, BigDecimal keyAccountAmount, int runMonth, Role reviewer, Role approver) {

    static final String SECTION = "grading";
    static final String C1 = "6.1.1-3(1)";
    static final String C2 = "6.1.1-3(2)";
    static final String C3 = "6.1.1-3(3)";
    static final String C4 = "6.1.1-3(4)";
    static final String C5 = "6.1.1-3(5)";
    static final String C6 = "6.1.1-3(6)";
    static final String CATEGORY = "6.1.1-3";
    static final String REVIEW = "6.1.2-3";
    /** The clauses a grading result applies. */
    static final List<String> CLAUSES = List.of(C1, C2, C3, C4, C5, C6, CATEGORY);
    static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    public GradingPolicy {
        amounts = List.copyOf(amounts);
        receivables = List.copyOf(receivables);
        premiums = List.copyOf(premiums);
        totals = List.copyOf(totals);
    }

    static GradingPolicy of(PolicyRules r) {
        return new GradingPolicy(r.versionId(), Integer.parseInt(r.choice(SECTION, "period-months")),
                r.integer(SECTION, "grace-days"),
                List.of(r.decimal(SECTION, "amount-4"), r.decimal(SECTION, "amount-3"), r.decimal(SECTION, "amount-2")),
                List.of(r.decimal(SECTION, "receivable-4"), r.decimal(SECTION, "receivable-3"), r.decimal(SECTION, "receivable-2")),
                List.of(r.decimal(SECTION, "premium-4"), r.decimal(SECTION, "premium-3"), r.decimal(SECTION, "premium-2")),
                List.of(r.integer(SECTION, "total-A"), r.integer(SECTION, "total-B"), r.integer(SECTION, "total-C")),
                r.integer(SECTION, "new-customer-months"), r.decimal(SECTION, "key-account-amount"),
                r.integer(SECTION, "run-month"), Role.valueOf(r.choice(SECTION, "reviewer")),
                Role.valueOf(r.choice(SECTION, "approver")));
    }

    /** The shipped policy (seed 6.1.1 with the SPEC's amounts), for tests and previews. */
    static GradingPolicy shipped(long versionId) {
        return new GradingPolicy(versionId, 12, 30, decimals("500", "200", "50"), decimals("20", "50", "100"),
                decimals("10", "5", "0"), List.of(14, 12, 10), 12, new BigDecimal("200"), 12, Role.BUSINESS_MANAGER, Role.VP);
    }

    private static List<BigDecimal> decimals(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        static final String WAN_UNIT = "grading.unit.wan";
        static final String PERCENT = "grading.unit.percent";
        static final String POINTS = "grading.unit.points";
        static final String MAX_WAN = "10000000";
        static final List<String> ROLES = List.of(Role.BUSINESS_MANAGER.name(), Role.VP.name(), Role.GM.name());

        @Bean
        PolicySection gradingSection() {
            return new PolicySection(SECTION, PolicyChapter.CLASSIFICATION, "grading.policy.section", 1, List.of(
                    PolicySetting.choice("period-months", C1, "grading.policy.periodMonths", List.of("12", "6"), "12"),
                    PolicySetting.integer("grace-days", C1, "grading.policy.graceDays", "grading.unit.days", 30, 0, 365),
                    PolicySetting.decimal("amount-4", C1, "grading.policy.amount4", WAN_UNIT, "500", "0", MAX_WAN),
                    PolicySetting.decimal("amount-3", C1, "grading.policy.amount3", WAN_UNIT, "200", "0", MAX_WAN),
                    PolicySetting.decimal("amount-2", C1, "grading.policy.amount2", WAN_UNIT, "50", "0", MAX_WAN),
                    PolicySetting.decimal("receivable-4", C2, "grading.policy.receivable4", WAN_UNIT, "20", "0", MAX_WAN),
                    PolicySetting.decimal("receivable-3", C2, "grading.policy.receivable3", WAN_UNIT, "50", "0", MAX_WAN),
                    PolicySetting.decimal("receivable-2", C2, "grading.policy.receivable2", WAN_UNIT, "100", "0", MAX_WAN),
                    PolicySetting.decimal("premium-4", C3, "grading.policy.premium4", PERCENT, "10", "-100", "1000"),
                    PolicySetting.decimal("premium-3", C3, "grading.policy.premium3", PERCENT, "5", "-100", "1000"),
                    PolicySetting.decimal("premium-2", C3, "grading.policy.premium2", PERCENT, "0", "-100", "1000"),
                    PolicySetting.integer("total-A", C5, "grading.policy.totalA", POINTS, 14, 4, 16),
                    PolicySetting.integer("total-B", C5, "grading.policy.totalB", POINTS, 12, 4, 16),
                    PolicySetting.integer("total-C", C5, "grading.policy.totalC", POINTS, 10, 4, 16),
                    PolicySetting.integer("new-customer-months", C6, "grading.policy.newCustomerMonths", "grading.unit.months",
                            12, 0, 60),
                    PolicySetting.decimal("key-account-amount", CATEGORY, "grading.policy.keyAccountAmount", WAN_UNIT, "200",
                            "0", MAX_WAN),
                    PolicySetting.integer("run-month", REVIEW, "grading.policy.runMonth", "grading.unit.month", 12, 1, 12),
                    PolicySetting.choice("reviewer", REVIEW, "grading.policy.reviewer", ROLES, Role.BUSINESS_MANAGER.name()),
                    PolicySetting.choice("approver", REVIEW, "grading.policy.approver", ROLES, Role.VP.name())));
        }
    }
}
