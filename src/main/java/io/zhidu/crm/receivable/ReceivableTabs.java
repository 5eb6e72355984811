package io.zhidu.crm.receivable;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customer page's tabs 应收款 (its receivables: due date, days past due, amount, open, status)
 * and 回款 (its payments with their unallocated amounts): the first page of each, with a link to the
 * full list filtered on the customer.
 */
@Configuration(proxyBeanMethods = false)
class ReceivableTabs {

    static final int FIRST_PAGE = 20;

    @Bean
    static CustomerTab receivablesTab(Receivables receivables, BusinessClock clock) {
        return tab("receivables", "receivable.tab.receivables", 40, "receivable-tabs :: receivables",
                (customerId, scope) -> Map.of("customerId", customerId, "today", clock.today(),
                        "page", receivables.page(scope, new Receivables.Filter(customerId, null, null, null, null), null, FIRST_PAGE)));
    }

    @Bean
    static CustomerTab paymentsTab(Payments payments) {
        return tab("payments", "receivable.tab.payments", 45, "receivable-tabs :: payments",
                (customerId, scope) -> Map.of("customerId", customerId,
                        "page", payments.page(scope, new Payments.Filter(customerId, null, false), null, FIRST_PAGE)));
    }

    private static CustomerTab tab(String key, String labelKey, int order, String fragment,
                                   BiFunction<Long, DataScope, Map<String, Object>> model) {
        return new CustomerTab() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String labelKey() {
                return labelKey;
            }

            @Override
            public String permission() {
                return "receivable:read";
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String fragment() {
                return fragment;
            }

            @Override
            public Map<String, Object> model(long customerId, DataScope scope) {
                return model.apply(customerId, scope);
            }
        };
    }
}
