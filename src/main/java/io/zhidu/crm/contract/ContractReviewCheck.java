package io.zhidu.crm.contract;

import java.util.List;

/**
 * A check other modules run on a contract when it is submitted to 合同评审, without the contract
 * module depending on them (ADR 0006 §6: credit and benefit sit above contract). Each flag names the
 * lowest role that may approve the contract with that flag; the review goes to the highest role among
 * the amount's reviewer and every flag's (GM above VP above business-dept manager).
 *
 * <p>Contract: called inside the submitting transaction, once per submission; must not write; returns
 * an empty list when the contract raises nothing. The caller has already checked the data scope.
 */
public interface ContractReviewCheck {

    List<ReviewFlag> flags(ContractUnderReview contract);
}
