package io.zhidu.crm.customer;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code customer_name_gram} in step with customer names (same transaction as the change). */
@Component
class CustomerNameIndex {

    private final JdbcClient jdbc;

    CustomerNameIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void index(long customerId, String name) {
        jdbc.sql("DELETE FROM customer_name_gram WHERE customer_id = ?").param(customerId).update();
        List<String> grams = List.copyOf(CustomerNames.grams(name));
        for (String gram : grams) {
            jdbc.sql("INSERT INTO customer_name_gram (gram, customer_id) VALUES (?, ?)").param(gram).param(customerId).update();
        }
    }
}
