package io.zhidu.crm.support;

import io.zhidu.crm.customer.CustomerTab;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A tab as a later module would add one, to prove the customer page's extension point. */
@TestConfiguration(proxyBeanMethods = false)
public class TestCustomerTab {

    @Bean
    CustomerTab testTab() {
        return new CustomerTab() {
            @Override
            public String key() {
                return "test-module";
            }

            @Override
            public String labelKey() {
                return "nav.audit";
            }

            @Override
            public String permission() {
                return "customer:delete";
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public String fragment() {
                return "test/customer-tab :: tab";
            }

            @Override
            public Map<String, Object> model(long customerId, DataScope scope) {
                return Map.of("message", "module content for customer " + customerId + " seen by user " + scope.userId());
            }
        };
    }
}
