package io.zhidu.crm.grading;

import io.zhidu.crm.contract.ContractGradingFigures;
import io.zhidu.crm.receivable.ReceivableGradingFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The four inputs of customers as of a date, set-based: one grouped query over the contracts, one
 * over the receivables and their allocations, one over the influence ratings. For a small id range
 * (a customer, a preview's batch) they are maps; for a whole run a {@link Cursor} merges their
 * streams. Customers without a row get zero amounts.
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
            out.put(id, inputs(cf, rf, influence.get(id)));
        }
        return out;
    }

    /** A customer to grade with its inputs. */
    record Graded(GradingRecords.Graded customer, GradingInputs inputs) {
    }

    /**
     * Opens the inputs of every active customer with id in {@code (afterId, maxId]} as of the date, in
     * customer order: one query over the customers and one grouped query per source (contracts,
     * receivables with their allocations, influence ratings), merged here as they stream. Read it inside one transaction (REPEATABLE READ: the four see one snapshot); close it.
     */
    Cursor open(GradingPolicy policy, long afterId, long maxId, LocalDate asOf) {
        LocalDate from = GradingEngine.periodFrom(policy, asOf);
        return new Cursor(records.customerStream(afterId, maxId), contracts.stream(afterId, maxId, from, asOf),
                receivables.stream(afterId, maxId, from, asOf, policy.graceDays()), records.influenceStream(afterId, maxId));
    }

    /** The merge of the four ordered streams; each source row is matched to the customer of its id. */
    static final class Cursor implements AutoCloseable {

        private final Stream<GradingRecords.Graded> customerStream;
        private final Iterator<GradingRecords.Graded> customers;
        private final Peeking<ContractGradingFigures.Row> contracts;
        private final Peeking<ReceivableGradingFigures.Row> receivables;
        private final Peeking<GradingRecords.Rated> influence;

        private Cursor(Stream<GradingRecords.Graded> customers, Stream<ContractGradingFigures.Row> contracts,
                       Stream<ReceivableGradingFigures.Row> receivables, Stream<GradingRecords.Rated> influence) {
            this.customerStream = customers;
            this.customers = customers.iterator();
            this.contracts = new Peeking<>(contracts, ContractGradingFigures.Row::customerId);
            this.receivables = new Peeking<>(receivables, ReceivableGradingFigures.Row::customerId);
            this.influence = new Peeking<>(influence, GradingRecords.Rated::customerId);
        }

        /** The next customers, at most {@code n}; empty at the end. */
        List<Graded> next(int n) {
            List<Graded> out = new ArrayList<>(Math.min(n, 10_000));
            while (out.size() < n && customers.hasNext()) {
                GradingRecords.Graded c = customers.next();
                ContractGradingFigures.Figures cf = contracts.take(c.id()).map(ContractGradingFigures.Row::figures).orElse(null);
                ReceivableGradingFigures.Figures rf = receivables.take(c.id()).map(ReceivableGradingFigures.Row::figures).orElse(null);
                Integer points = influence.take(c.id()).map(GradingRecords.Rated::points).orElse(null);
                out.add(new Graded(c, inputs(cf, rf, points)));
            }
            return out;
        }

        @Override
        public void close() {
            try (customerStream; contracts; receivables; influence) {
                // closes all four, in reverse order, even if one fails
            }
        }
    }

    /** An ordered stream read one row ahead, so rows are taken by customer id as the customers pass. */
    private static final class Peeking<T> implements AutoCloseable {

        private final Stream<T> stream;
        private final Iterator<T> rows;
        private final ToLongFunction<T> id;
        private T next;

        Peeking(Stream<T> stream, ToLongFunction<T> id) {
            this.stream = stream;
            this.rows = stream.iterator();
            this.id = id;
            this.next = rows.hasNext() ? rows.next() : null;
        }

        /** The row of the customer, if any; rows of customers before it (deleted ones) are skipped. */
        Optional<T> take(long customerId) {
            while (next != null && id.applyAsLong(next) < customerId) {
                next = rows.hasNext() ? rows.next() : null;
            }
            if (next == null || id.applyAsLong(next) != customerId) {
                return Optional.empty();
            }
            T found = next;
            next = rows.hasNext() ? rows.next() : null;
            return Optional.of(found);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private static GradingInputs inputs(ContractGradingFigures.Figures cf, ReceivableGradingFigures.Figures rf, Integer influence) {
        return new GradingInputs(cf == null ? BigDecimal.ZERO : cf.amount(), cf == null ? BigDecimal.ZERO : cf.listAmount(),
                cf == null ? null : cf.firstSignedOn(), rf != null && rf.arrears(),
                rf == null ? BigDecimal.ZERO : GradingRecords.orZero(rf.open()), influence);
    }

    GradingInputs read(GradingPolicy policy, long customerId, LocalDate asOf) {
        return read(policy, customerId - 1, customerId, asOf).getOrDefault(customerId, GradingInputs.NOTHING);
    }
}
