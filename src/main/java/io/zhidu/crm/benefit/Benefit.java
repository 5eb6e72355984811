package io.zhidu.crm.benefit;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.organization.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a customer of one class enjoys under one policy version (seed 6.1.2-2), and why: the policy
 * version and clause it comes from.
 *
 * @param grade             the customer's grade, null when not yet graded (it then has the D cell's benefits)
 * @param shippingPriority  position in the shipping queue, smaller first
 * @param priceFloorPercent the tier's discount floor: how far below list price a contract price may go
 *                          without review by {@code floorReviewer}
 * @param visitEveryDays    days between visits, 0 when the owner visits as needed
 * @param visitRoles        who visits, codes of {@link Benefits#VISITORS}
 */
public record Benefit(Category category, Grade grade, int shippingPriority, PriceTier priceTier, BigDecimal priceFloorPercent,
                      int visitEveryDays, List<String> visitRoles, Role floorReviewer, long policyVersionId,
                      String policyVersion, String clause) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Benefit {
        visitRoles = List.copyOf(visitRoles);
    }

    public boolean visitAsNeeded() {
        return visitEveryDays == 0;
    }

    /** The lowest unit price allowed without further approval, rounded up to the cent. */
    public BigDecimal floorPrice(BigDecimal listPrice) {
        return exactFloor(listPrice).setScale(2, RoundingMode.CEILING);
    }

    /** Whether a contract price is below the floor of a list price: exactly at the floor is not. */
    public boolean belowFloor(BigDecimal listPrice, BigDecimal unitPrice) {
        return unitPrice.compareTo(exactFloor(listPrice)) < 0;
    }

    private BigDecimal exactFloor(BigDecimal listPrice) {
        return listPrice.multiply(HUNDRED.subtract(priceFloorPercent)).divide(HUNDRED);
    }
}
