package io.zhidu.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract was signed (after its review was approved). Published once, inside the signing
 * transaction. {@code installments} are all the terms; those anchored at SIGNING fall due counting
 * from {@code signedOn}, those anchored at SHIPMENT wait for {@link ContractShipped}.
 */
public record ContractSigned(long contractId, String number, long customerId, ContractPlacement placement,
                             LocalDate signedOn, BigDecimal amount, List<Installment> installments) {

    public ContractSigned {
        installments = List.copyOf(installments);
    }
}
