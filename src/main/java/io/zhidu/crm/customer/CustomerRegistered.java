package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Stage;

/**
 * A customer entered the archive (by hand or import), owned by {@code ownerId}. Other modules
 * react to it, e.g. ownership protects a salesperson's newly registered prospect.
 */
public record CustomerRegistered(long customerId, long ownerId, Stage stage) {
}
