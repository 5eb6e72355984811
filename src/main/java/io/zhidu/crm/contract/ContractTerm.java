package io.zhidu.crm.contract;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One stored installment of a contract's payment terms (see {@link Installment}). */
@Embeddable
class ContractTerm {

    private BigDecimal percent;
    @Enumerated(EnumType.STRING)
    private PaymentAnchor anchor;
    private int days;
    private BigDecimal amount;

    protected ContractTerm() {
    }

    ContractTerm(Installment i) {
        this.percent = i.percent();
        this.anchor = i.anchor();
        this.days = i.days();
        this.amount = i.amount();
    }

    Installment installment(int number) {
        return new Installment(number, percent, anchor, days, amount);
    }
}
