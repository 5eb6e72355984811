package io.zhidu.crm.credit;

import io.zhidu.crm.contract.ContractReviewCheck;
import io.zhidu.crm.contract.ContractUnderReview;
import io.zhidu.crm.contract.ReviewFlag;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The credit's part in 合同评审 (issue #6 item 4): a contract is weighed against the customer's
 * credit as it stands at submission (the contract is not exposure yet: it raises receivables when
 * signed). Who must review each finding is policy section {@code contract-credit}:
 * <ul>
 * <li>{@code CREDIT_EXCEEDED}: the amount exceeds the available credit (limit minus exposure, never
 * below zero) — a special contract beyond the credit range (超出信用范围的特殊合同, 6.2.3-1), the GM;
 * the flag's amount is the excess over the available credit.</li>
 * <li>{@code CREDIT_ON_HOLD}: the credit is frozen, nothing is available — beyond the credit range too,
 * the GM (6.2.3-1); amount: the contract's.</li>
 * <li>{@code CREDIT_EXPIRED}: the credit's validity ended — its rating and limit are due for review,
 * which the VP organises (6.2.3-2); amount: the contract's. The lapsed limit is still weighed, so a
 * contract beyond it is flagged CREDIT_EXCEEDED as well.</li>
 * <li>{@code NO_CREDIT}: no credit was ever granted — a cash customer (现款) as far as credit goes;
 * the business dept, who handles credit events (6.2.3-3), is told, and the shipment's credit check
 * stops any goods on credit later. It raises no one above the amount's reviewer by default: a GM
 * does not want every first contract of a new customer.</li>
 * </ul>
 * Reads only; the caller found the contract inside the scope.
 */
@Component
class CreditContractReview implements ContractReviewCheck {

    static final String SECTION = "contract-credit";
    static final List<String> REVIEWERS = List.of(Role.GM.name(), Role.VP.name(), Role.BUSINESS_MANAGER.name());

    /** The codes of the flags, each with its message {@code credit.reviewFlag.<CODE>}. */
    enum Code {
        CREDIT_EXCEEDED("exceeded-reviewer", "6.2.3-1"),
        CREDIT_ON_HOLD("on-hold-reviewer", "6.2.3-1"),
        CREDIT_EXPIRED("expired-reviewer", "6.2.3-2"),
        NO_CREDIT("no-credit-reviewer", "6.2.3-3");

        final String setting;
        final String clause;

        Code(String setting, String clause) {
            this.setting = setting;
            this.clause = clause;
        }

        String messageKey() {
            return "credit.reviewFlag." + name();
        }
    }

    private final CreditPositions positions;
    private final Policies policies;
    private final BusinessClock clock;
    private final Formats formats;

    CreditContractReview(CreditPositions positions, Policies policies, BusinessClock clock, Formats formats) {
        this.positions = positions;
        this.policies = policies;
        this.clock = clock;
        this.formats = formats;
    }

    @Override
    public List<ReviewFlag> flags(ContractUnderReview contract) {
        PolicyRules rules = policies.current();
        CreditPosition p = positions.of(contract.customerId());
        BigDecimal amount = contract.amount();
        List<ReviewFlag> flags = new ArrayList<>();
        CreditTerms credit = p.credit();
        if (credit == null) {
            if (amount.signum() > 0) {
                flags.add(flag(rules, Code.NO_CREDIT, amount, formats.yuan(amount)));
            }
            return flags;
        }
        if (credit.onHold()) {
            flags.add(flag(rules, Code.CREDIT_ON_HOLD, amount, formats.yuan(amount)));
        }
        LocalDate today = clock.today();
        if (credit.validUntil().isBefore(today)) {
            flags.add(flag(rules, Code.CREDIT_EXPIRED, amount, formats.date(credit.validUntil()), formats.yuan(amount)));
        }
        if (amount.compareTo(p.available()) > 0) {
            BigDecimal excess = amount.subtract(p.available());
            flags.add(flag(rules, Code.CREDIT_EXCEEDED, excess, formats.yuan(amount), formats.yuan(p.available()),
                    formats.yuan(credit.limit()), formats.yuan(p.exposure()), formats.yuan(excess)));
        }
        return flags;
    }

    private static ReviewFlag flag(PolicyRules rules, Code code, BigDecimal amount, String... args) {
        return new ReviewFlag(code.name(), code.messageKey(), List.of(args), amount, code.clause,
                Role.valueOf(rules.choice(SECTION, code.setting)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        PolicySection contractCreditSection() {
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "credit.contractReview.section", 7, List.of(
                    PolicySetting.choice(Code.CREDIT_EXCEEDED.setting, Code.CREDIT_EXCEEDED.clause,
                            "credit.contractReview.exceededReviewer", REVIEWERS, Role.GM.name()),
                    PolicySetting.choice(Code.CREDIT_ON_HOLD.setting, Code.CREDIT_ON_HOLD.clause,
                            "credit.contractReview.onHoldReviewer", REVIEWERS, Role.GM.name()),
                    PolicySetting.choice(Code.CREDIT_EXPIRED.setting, Code.CREDIT_EXPIRED.clause,
                            "credit.contractReview.expiredReviewer", REVIEWERS, Role.VP.name()),
                    PolicySetting.choice(Code.NO_CREDIT.setting, Code.NO_CREDIT.clause,
                            "credit.contractReview.noCreditReviewer", REVIEWERS, Role.BUSINESS_MANAGER.name())));
        }
    }
}
