package io.zhidu.crm.contract;

import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a contract amount into installments: each takes its percent of the amount rounded
 * half-up to the cent, the last takes what remains, so the installments add up to the amount
 * exactly. Percents must be positive, have at most two decimals and add up to 100.
 */
final class PaymentTerms {

    static final BigDecimal HUNDRED = new BigDecimal("100");
    static final int MAX_TERMS = 12;

    /** One term as entered: percent of the amount, anchor, days after the anchor. */
    record Term(BigDecimal percent, PaymentAnchor anchor, Integer days) {
    }

    private PaymentTerms() {
    }

    static List<Installment> split(BigDecimal amount, List<Term> terms) {
        if (terms == null || terms.isEmpty()) {
            throw DomainException.invalid("paymentTerms", "contract.error.noTerms");
        }
        if (terms.size() > MAX_TERMS) {
            throw DomainException.invalid("paymentTerms", "contract.error.tooManyTerms", MAX_TERMS);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String field = "paymentTerms[" + i + "]";
            if (t == null || t.percent() == null || t.percent().signum() <= 0 || t.percent().compareTo(HUNDRED) > 0
                    || t.percent().stripTrailingZeros().scale() > 2) {
                throw DomainException.invalid(field + ".percent", "contract.error.percent");
            }
            if (t.anchor() == null) {
                throw DomainException.invalid(field + ".anchor", "contract.error.anchor");
            }
            if (t.days() == null || t.days() < 0 || t.days() > 3650) {
                throw DomainException.invalid(field + ".days", "contract.error.days");
            }
            sum = sum.add(t.percent());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw DomainException.invalid("paymentTerms", "contract.error.percentSum", sum.stripTrailingZeros().toPlainString());
        }
        List<Installment> out = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            BigDecimal share = i == terms.size() - 1 ? amount.subtract(given)
                    : amount.multiply(t.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            given = given.add(share);
            out.add(new Installment(i + 1, t.percent().setScale(2, RoundingMode.UNNECESSARY), t.anchor(), t.days(),
                    share.setScale(2, RoundingMode.UNNECESSARY)));
        }
        return List.copyOf(out);
    }
}
