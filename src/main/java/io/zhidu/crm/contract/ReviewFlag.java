package io.zhidu.crm.contract;

import io.zhidu.crm.organization.Role;
import java.math.BigDecimal;
import java.util.List;

/**
 * One finding of a {@link ContractReviewCheck}: a stable {@code code} (e.g. {@code CREDIT_EXCEEDED},
 * {@code BELOW_PRICE_FLOOR}), the message key and arguments that explain it in the reader's language,
 * the amount concerned (nullable), the clause it applies, and the role that must review the contract
 * because of it (one of GM, VP, BUSINESS_MANAGER).
 */
public record ReviewFlag(String code, String messageKey, List<String> args, BigDecimal amount, String clause, Role reviewer) {

    public ReviewFlag {
        args = List.copyOf(args);
    }

    /** The reviewing roles from the most senior down; a flag or amount routes to the first that applies. */
    static final List<Role> SENIORITY = List.of(Role.GM, Role.VP, Role.BUSINESS_MANAGER);

    /** The more senior of two reviewers. */
    static Role senior(Role a, Role b) {
        return SENIORITY.indexOf(a) <= SENIORITY.indexOf(b) ? a : b;
    }
}
