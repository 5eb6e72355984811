package io.zhidu.crm.grading;

import io.zhidu.crm.contract.ContractGradingFigures;
import io.zhidu.crm.receivable.ReceivableGradingFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The four inputs of a batch of customers as of a date, set-based: one grouped query over the
 * contracts, one over the receivables and their allocations, one over the influence ratings, each
 * bounded by the batch's customer id range. Customers without a row get zero amounts.
 */
@Component
class GradingInputsReader {

    private final ContractGradingFigures contracts;
    private final ReceivableGradingFigures receivables;
    private final GradingRecords records;

    GradingInputsReader(ContractGradingFigures contracts, ReceivableGradingFigures receivables, GradingRecords records) {
        this.contracts = contracts;
        this.receivables = receivables;
        this.records = records;
    }

    /** The inputs of every customer with id in {@code (afterId, upToId]} that has any; absent ones have {@link GradingInputs#NOTHING}. */
    Map<Long, GradingInputs> read(GradingPolicy policy, long afterId, long upToId, LocalDate asOf) {
        LocalDate from = GradingEngine.periodFrom(policy, asOf);
        Map<Long, ContractGradingFigures.Figures> c = contracts.of(afterId, upToId, from, asOf);
        Map<Long, ReceivableGradingFigures.Figures> r = receivables.of(afterId, upToId, from, asOf, policy.graceDays());
        Map<Long, Integer> influence = records.influence(afterId, upToId);
        Map<Long, GradingInputs> out = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>(c.keySet());
        ids.addAll(r.keySet());
        ids.addAll(influence.keySet());
        for (Long id : ids) {
            ContractGradingFigures.Figures cf = c.get(id);
            ReceivableGradingFigures.Figures rf = r.get(id);
            out.put(id, new GradingInputs(cf == null ? BigDecimal.ZERO : cf.amount(), cf == null ? BigDecimal.ZERO : cf.listAmount(),
                    cf == null ? null : cf.firstSignedOn(), rf != null && rf.arrears(),
                    rf == null ? BigDecimal.ZERO : GradingRecords.orZero(rf.open()), influence.get(id)));
        }
        return out;
    }

    GradingInputs read(GradingPolicy policy, long customerId, LocalDate asOf) {
        return read(policy, customerId - 1, customerId, asOf).getOrDefault(customerId, GradingInputs.NOTHING);
    }
}
