package io.zhidu.crm.contract;

/**
 * Whose business a contract is at the moment of an event: the customer's owner and the owner's
 * office, department and company (receivables keep these for scope and for the aging by office or
 * salesperson). {@code ownerId} and {@code officeId} are null for a customer in the public pool.
 */
public record ContractPlacement(Long ownerId, Long officeId, long departmentId, long companyId) {
}
