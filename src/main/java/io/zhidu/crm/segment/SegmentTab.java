package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer page's 分群 tab: the customer's segment in every set (by rule or by whom), a link to
 * assign the manual sets for those who may, and the latest changes.
 */
@Component
class SegmentTab implements CustomerTab {

    private final CustomerSegments memberships;

    SegmentTab(CustomerSegments memberships) {
        this.memberships = memberships;
    }

    @Override
    public String key() {
        return "segments";
    }

    @Override
    public String labelKey() {
        return "segment.tab";
    }

    @Override
    public String permission() {
        return "segment:read";
    }

    @Override
    public int order() {
        return 24;
    }

    @Override
    public String fragment() {
        return "customer-segments :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        Map<String, Object> m = new HashMap<>();
        m.put("customerId", customerId);
        m.put("memberships", memberships.of(scope, customerId));
        m.put("history", memberships.history(scope, customerId));
        m.put("canAssign", Grants.can("segment:assign"));
        return m;
    }
}
