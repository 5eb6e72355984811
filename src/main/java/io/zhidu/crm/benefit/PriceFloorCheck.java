package io.zhidu.crm.benefit;

import io.zhidu.crm.contract.ContractReviewCheck;
import io.zhidu.crm.contract.ContractUnderReview;
import io.zhidu.crm.contract.ReviewFlag;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Contract review (合同评审) of prices (seed 6.1.2-2 with SPEC R7): each line with a list price whose
 * contract unit price is below the customer's price-tier floor (list × (1 − floor %)) is flagged
 * {@code BELOW_PRICE_FLOOR} for the floor's reviewer (the VP as shipped). A price exactly at the floor
 * passes. The customer's benefits are those in force at submission.
 */
@Component
class PriceFloorCheck implements ContractReviewCheck {

    static final String CODE = "BELOW_PRICE_FLOOR";

    private final Benefits benefits;

    PriceFloorCheck(Benefits benefits) {
        this.benefits = benefits;
    }

    @Override
    public List<ReviewFlag> flags(ContractUnderReview contract) {
        return flags(contract, benefits.of(contract.customerId()));
    }

    static List<ReviewFlag> flags(ContractUnderReview contract, Benefit benefit) {
        return contract.lines().stream()
                .filter(l -> l.listPrice() != null && benefit.belowFloor(l.listPrice(), l.unitPrice()))
                .map(l -> new ReviewFlag(CODE, "benefit.flag.belowFloor", List.of(Integer.toString(l.lineNo()), l.productName(),
                        l.unitPrice().toPlainString(), benefit.floorPrice(l.listPrice()).toPlainString(),
                        l.listPrice().toPlainString(), benefit.priceFloorPercent().toPlainString()),
                        l.unitPrice(), benefit.clause(), benefit.floorReviewer()))
                .toList();
    }
}
