package io.zhidu.crm.benefit;

import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer page's 待遇 tab: the customer's shipping priority, price tier with its floor, visit
 * cadence and visitors with the policy version and clause, beside the whole matrix in force.
 * Anyone who may read the customer sees it.
 */
@Component
class BenefitTab implements CustomerTab {

    private final Benefits benefits;

    BenefitTab(Benefits benefits) {
        this.benefits = benefits;
    }

    @Override
    public String key() {
        return "benefit";
    }

    @Override
    public String labelKey() {
        return "benefit.tab";
    }

    @Override
    public String permission() {
        return null;
    }

    @Override
    public int order() {
        return 23;
    }

    @Override
    public String fragment() {
        return "customer-benefit :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        Benefit benefit = benefits.of(scope, customerId).orElseThrow(DomainException::notFound);
        return Map.of("benefit", benefit, "matrix", benefits.matrix(),
                "cellGrade", benefit.grade() == null ? Grade.D : benefit.grade());
    }
}
