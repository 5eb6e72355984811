package io.zhidu.crm.contract;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contract numbers {@code PREFIX-YYYY-NNNNNN}, a sequence per prefix and year. The next number is
 * taken by incrementing the year's row, which stays locked until the caller's transaction ends:
 * a concurrent drafter waits and gets the following number, on H2 and PostgreSQL alike, and a
 * rolled-back draft gives its number back. The year's row is created once in a transaction of
 * its own (two first drafters of a year: one insert wins, the other uses it).
 */
@Component
class ContractNumbers {

    private static final String BUMP = "UPDATE contract_number_seq SET last_number = last_number + 1 WHERE prefix = ? AND seq_year = ?";

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    ContractNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Must run inside the transaction that saves the contract. */
    String next(String prefix, int year) {
        if (jdbc.sql(BUMP).params(prefix, year).update() == 0) {
            try {
                separate.executeWithoutResult(s -> jdbc.sql(
                        "INSERT INTO contract_number_seq (prefix, seq_year, last_number) VALUES (?, ?, 0)").params(prefix, year).update());
            } catch (DataIntegrityViolationException raced) {
                // another drafter created the year's row first
            }
            jdbc.sql(BUMP).params(prefix, year).update();
        }
        long n = jdbc.sql("SELECT last_number FROM contract_number_seq WHERE prefix = ? AND seq_year = ?").params(prefix, year)
                .query(Long.class).single();
        return "%s-%d-%06d".formatted(prefix, year, n);
    }
}
