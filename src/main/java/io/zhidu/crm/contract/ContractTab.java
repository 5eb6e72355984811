package io.zhidu.crm.contract;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The customer page's 合同 tab: the customer's latest contracts in the user's scope, and a new draft. */
@Component
class ContractTab implements CustomerTab {

    private final ContractQueries queries;

    ContractTab(ContractQueries queries) {
        this.queries = queries;
    }

    @Override
    public String key() {
        return "contracts";
    }

    @Override
    public String labelKey() {
        return "contract.tab";
    }

    @Override
    public String permission() {
        return "contract:read";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String fragment() {
        return "customer-contracts :: tab";
    }

    @Override
    public Map<String, Object> model(long customerId, DataScope scope) {
        return Map.of("customerId", customerId, "page", queries.page(scope, customerId, null, null, 20),
                "canDraft", Grants.can("contract:edit"));
    }
}
