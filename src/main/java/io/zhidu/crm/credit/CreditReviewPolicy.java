package io.zhidu.crm.credit;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySetting;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The settings of the twice-yearly credit review (6.2.4-5(3)), kept in the credit policy section
 * beside the credit standard and revised with it every year (6.2.4-5(2)): the months in which the
 * duty opens a review round (default June and December), the window the figures are taken over
 * (contract amount now against the window before), the contract growth that earns one step up and
 * the shrinkage that costs one step down, the use of the limit that — paid on time — earns one step
 * up, and who approves a round (6.2.3-2: the VP).
 *
 * @param months       review months 1–12
 * @param windowMonths months of each compared period
 * @param growthUp     contract growth in percent at or above which a customer paying on time moves one step up
 * @param shrinkDown   contract shrinkage in percent at or above which a customer moves one step down
 * @param highUse      use of the limit in percent at or above which a customer paying on time moves one step up
 */
public record CreditReviewPolicy(List<Integer> months, int windowMonths, int growthUp, int shrinkDown, int highUse, Role approver) {

    static final String CLAUSE = "6.2.4-5(3)";
    static final List<String> MONTHS = IntStream.rangeClosed(1, 12).mapToObj(Integer::toString).toList();
    static final List<String> APPROVERS = List.of(Role.VP.name(), Role.GM.name());

    public CreditReviewPolicy {
        months = List.copyOf(months);
    }

    static CreditReviewPolicy of(PolicyRules rules) {
        String s = CreditStandard.SECTION;
        return new CreditReviewPolicy(rules.choices(s, "review-months").stream().map(Integer::valueOf).toList(),
                rules.integer(s, "review-window-months"), rules.integer(s, "review-growth-up"), rules.integer(s, "review-shrink-down"),
                rules.integer(s, "review-high-use"), Role.valueOf(rules.choice(s, "review-approver")));
    }

    public boolean reviewMonth(int month) {
        return months.contains(month);
    }

    /** The settings, added to the credit section. */
    static List<PolicySetting> settings() {
        String percent = "credit.unit.percent";
        return List.of(
                PolicySetting.choices("review-months", CLAUSE, "creditreview.policy.months", MONTHS, List.of("6", "12")),
                PolicySetting.integer("review-window-months", CLAUSE, "creditreview.policy.windowMonths", "credit.unit.months", 6, 1, 24),
                PolicySetting.integer("review-growth-up", CLAUSE, "creditreview.policy.growthUp", percent, 30, 1, 10000),
                PolicySetting.integer("review-shrink-down", CLAUSE, "creditreview.policy.shrinkDown", percent, 30, 1, 100),
                PolicySetting.integer("review-high-use", CLAUSE, "creditreview.policy.highUse", percent, 90, 1, 1000),
                PolicySetting.choice("review-approver", "6.2.3-2", "creditreview.policy.approver", APPROVERS, Role.VP.name()));
    }
}
