package io.zhidu.crm.customer;

import io.zhidu.crm.shared.scope.DataScope;
import java.util.Map;

/**
 * A tab another module adds to the customer page (grade, credit, receivables, visits,
 * complaints...): implement it as a bean in that module. The tab appears for users holding
 * {@link #permission()} (null: anyone who may read the customer), in {@link #order()}, after the
 * archive's own tabs; its content is the Thymeleaf fragment {@link #fragment()} rendered with
 * {@code tabModel} = {@link #model}. The customer is already known to be inside the user's scope.
 */
public interface CustomerTab {

    /** Stable id, used in the page's anchors: lower-case letters and dashes. */
    String key();

    /** Message key of the tab's label. */
    String labelKey();

    /** The permission the tab needs, or null. */
    String permission();

    int order();

    /** Fragment expression, e.g. {@code "grading/customer-tab :: tab"}. */
    String fragment();

    /** What the fragment shows for this customer and user. */
    Map<String, Object> model(long customerId, DataScope scope);
}
