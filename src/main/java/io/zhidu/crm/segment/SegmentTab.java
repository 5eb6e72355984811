package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The customer page's 分群 tab: the customer's segment in every set (by rule or by whom), a link to
 * assign the manual sets for those who may, and the latest changes (named in the user's language
 * where the set and segment still exist, by code otherwise).
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
        List<CustomerSegments.Membership> places = memberships.of(scope, customerId);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new HashMap<>();
        for (CustomerSegments.Membership p : places) {
            names.put(p.set().code(), p.set().name(locale));
            p.set().segments().forEach(s -> names.put(p.set().code() + "/" + s.code(), s.name(locale)));
        }
        m.put("customerId", customerId);
        m.put("memberships", places);
        m.put("names", names);
        m.put("history", memberships.history(scope, customerId));
        m.put("canAssign", Grants.can("segment:assign"));
        return m;
    }
}
