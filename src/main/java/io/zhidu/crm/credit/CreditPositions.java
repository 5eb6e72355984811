package io.zhidu.crm.credit;

import io.zhidu.crm.receivable.CustomerBalances;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit position of customers today: their credit, the open receivables (from
 * {@link CustomerBalances}) plus every other {@link ExposureSource}, the available credit and the
 * overdue figures; a batch costs one query per source, whatever its size. The caller has found the
 * customers inside the user's data scope.
 */
@Component
class CreditPositions {

    private final CreditRecords records;
    private final CustomerBalances balances;
    private final ObjectProvider<ExposureSource> sources;

    CreditPositions(CreditRecords records, CustomerBalances balances, ObjectProvider<ExposureSource> sources) {
        this.records = records;
        this.balances = balances;
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    CreditPosition of(long customerId) {
        return of(List.of(customerId)).get(customerId);
    }

    @Transactional(readOnly = true)
    Map<Long, CreditPosition> of(Collection<Long> customerIds) {
        Map<Long, CreditTerms> credits = records.terms(customerIds);
        Map<Long, CustomerBalances.Balance> owed = balances.of(customerIds);
        List<ExposureSource> others = sources.orderedStream().toList();
        List<Map<Long, BigDecimal>> otherAmounts = others.stream().map(s -> s.amounts(customerIds)).toList();
        Map<Long, CreditPosition> out = new HashMap<>();
        for (Long id : customerIds) {
            CustomerBalances.Balance b = owed.get(id);
            List<CreditPosition.Part> parts = new ArrayList<>();
            parts.add(new CreditPosition.Part(CreditPosition.RECEIVABLES, b.openAmount()));
            for (int i = 0; i < others.size(); i++) {
                parts.add(new CreditPosition.Part(others.get(i).labelKey(),
                        otherAmounts.get(i).getOrDefault(id, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP)));
            }
            BigDecimal exposure = parts.stream().map(CreditPosition.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            CreditTerms credit = credits.get(id);
            BigDecimal available = credit == null ? BigDecimal.ZERO.setScale(2)
                    : credit.limit().subtract(exposure).max(BigDecimal.ZERO).setScale(2);
            out.put(id, new CreditPosition(id, credit, parts, exposure, available, b.overdueAmount(), b.oldestOverdueDays()));
        }
        return out;
    }
}
