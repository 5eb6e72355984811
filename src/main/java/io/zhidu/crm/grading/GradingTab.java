package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer page's 分级 tab, the grade card: the grade in force with the explanation behind it
 * (or a preview as of today before any approval), the strategic influence, the pending change,
 * the grade history, and the acts the user may take (rate the influence, propose a change).
 */
@Component
class GradingTab implements CustomerTab {

    private final CustomerGrades grades;

    GradingTab(CustomerGrades grades) {
        this.grades = grades;
    }

    @Override
    public String key() {
        return "grading";
    }

    @Override
    public String labelKey() {
        return "grading.tab";
    }

    @Override
    public String permission() {
        return "grading:read";
    }

    @Override
    public int order() {
        return 22;
    }

    @Override
    public String fragment() {
        return "customer-grading :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        CustomerGrades.Card card = grades.card(scope, customerId, null);
        Map<String, Object> m = new HashMap<>();
        m.put("customerId", customerId);
        m.put("card", card);
        m.put("history", grades.history(scope, customerId));
        m.put("influenceHistory", grades.influenceHistory(scope, customerId));
        m.put("canRate", Grants.can("grading:rate"));
        m.put("canPropose", Grants.can("grading:propose") && card.pending() == null);
        return m;
    }
}
