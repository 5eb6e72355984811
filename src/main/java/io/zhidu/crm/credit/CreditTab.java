package io.zhidu.crm.credit;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer page's 信用 tab: limit, exposure in its parts, available credit, overdue figures, the
 * pending change, the history, and the acts the user may take (propose, hold, ask to release).
 */
@Component
class CreditTab implements CustomerTab {

    private final CustomerCredits credits;
    private final CreditFileSection files;

    CreditTab(CustomerCredits credits, CreditFileSection files) {
        this.credits = credits;
        this.files = files;
    }

    @Override
    public String key() {
        return "credit";
    }

    @Override
    public String labelKey() {
        return "credit.tab";
    }

    @Override
    public String permission() {
        return "credit:read";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String fragment() {
        return "customer-credit :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        CreditPosition position = credits.position(scope, customerId).orElseThrow(DomainException::notFound);
        CreditChange pending = credits.pending(scope, customerId).orElse(null);
        boolean propose = Grants.can("credit:propose");
        Map<String, Object> m = new HashMap<>();
        m.put("customerId", customerId);
        m.put("position", position);
        m.put("pending", pending);
        m.put("history", credits.history(scope, customerId));
        m.put("canPropose", propose && pending == null);
        m.put("canHold", Grants.can("credit:hold") && position.credit() != null && !position.onHold());
        m.put("canRelease", propose && pending == null && position.onHold());
        m.put("files", files.model(scope, customerId));
        return m;
    }
}
