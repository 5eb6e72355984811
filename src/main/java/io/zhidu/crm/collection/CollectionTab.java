package io.zhidu.crm.collection;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The customer page's 催收 tab: the customer's collection cases in the user's scope, newest first. */
@Component
class CollectionTab implements CustomerTab {

    static final int SHOWN = 20;

    private final CollectionCases cases;

    CollectionTab(CollectionCases cases) {
        this.cases = cases;
    }

    @Override
    public String key() {
        return "collections";
    }

    @Override
    public String labelKey() {
        return "collection.tab";
    }

    @Override
    public String permission() {
        return "receivable:read";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String fragment() {
        return "collection-panels :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        return Map.of("customerId", customerId,
                "page", cases.page(scope, new CollectionCases.Filter(null, null, customerId), null, SHOWN));
    }
}
