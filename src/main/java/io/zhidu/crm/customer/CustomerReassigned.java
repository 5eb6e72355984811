package io.zhidu.crm.customer;

/**
 * A customer changed hands: edited, transferred, declared from the public pool, or returned to
 * it ({@code toOwnerId} null). {@code fromOwnerId} is null when it came from the pool.
 */
public record CustomerReassigned(long customerId, Long fromOwnerId, Long toOwnerId) {
}
