package io.zhidu.crm.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * The goods of a signed contract were shipped (released by the shipping check of the credit
 * module once it exists; recorded by the warehouse until then). Published once per contract,
 * inside the recording transaction; {@code installments} are the terms anchored at SHIPMENT,
 * falling due counting from {@code shippedOn}. A partial shipment (a shipping order of the
 * shipping module) names itself in {@code shipmentId} and carries the installments' shares of the
 * shipped amount; the contract's own single shipment has {@code shipmentId} 0.
 */
public record ContractShipped(long contractId, String number, long customerId, ContractPlacement placement,
                              LocalDate shippedOn, List<Installment> installments, long shipmentId) {

    public ContractShipped {
        installments = List.copyOf(installments);
    }

    /** The whole contract shipped at once. */
    public ContractShipped(long contractId, String number, long customerId, ContractPlacement placement, LocalDate shippedOn,
                           List<Installment> installments) {
        this(contractId, number, customerId, placement, shippedOn, installments, 0L);
    }
}
