package io.zhidu.crm.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * The goods of a signed contract were shipped (released by the shipping check of the credit
 * module once it exists; recorded by the warehouse until then). Published once per contract,
 * inside the recording transaction; {@code installments} are the terms anchored at SHIPMENT,
 * falling due counting from {@code shippedOn}.
 */
public record ContractShipped(long contractId, String number, long customerId, ContractPlacement placement,
                              LocalDate shippedOn, List<Installment> installments) {

    public ContractShipped {
        installments = List.copyOf(installments);
    }
}
