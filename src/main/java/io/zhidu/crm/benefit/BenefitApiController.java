package io.zhidu.crm.benefit;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's benefits over REST; a customer outside the caller's data scope answers 404. */
@RestController
class BenefitApiController {

    private final Benefits benefits;

    BenefitApiController(Benefits benefits) {
        this.benefits = benefits;
    }

    /**
     * @param grade          null when the customer is not yet graded
     * @param visitEveryDays 0 when the owner visits as needed
     * @param policyVersion  id of the policy version in force; {@code policyLabel} its label
     */
    record BenefitBody(String category, String grade, int shippingPriority, String priceTier, BigDecimal priceFloorPercent,
                       int visitEveryDays, List<String> visitRoles, String priceFloorReviewer, long policyVersion,
                       String policyLabel, String clause) {
    }

    @GetMapping("/api/v1/customers/{id}/benefits")
    @RequiresPermission("customer:read")
    BenefitBody benefits(DataScope scope, @PathVariable long id) {
        Benefit b = benefits.of(scope, id).orElseThrow(DomainException::notFound);
        return new BenefitBody(b.category().name(), b.grade() == null ? null : b.grade().name(), b.shippingPriority(),
                b.priceTier().name(), b.priceFloorPercent(), b.visitEveryDays(), b.visitRoles(), b.floorReviewer().name(),
                b.policyVersionId(), b.policyVersion(), b.clause());
    }
}
