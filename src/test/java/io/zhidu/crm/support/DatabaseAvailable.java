package io.zhidu.crm.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL integration tests only where a server answers. Where none does, they are
 * skipped with a visible message — unless {@code ZHIDU_REQUIRE_POSTGRES=true} (CI sets it), where
 * they run and fail loudly instead of being skipped in silence.
 */
public class DatabaseAvailable implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("H2");
        }
        if ("true".equalsIgnoreCase(System.getenv("ZHIDU_REQUIRE_POSTGRES"))) {
            return ConditionEvaluationResult.enabled("PostgreSQL required");
        }
        if (reachable == null) {
            reachable = TestDatabase.pgReachable();
            if (!reachable) {
                System.err.println("\n*** PostgreSQL is not reachable at " + TestDatabase.pgUrl()
                        + ": the PostgreSQL integration tests are SKIPPED. Start PostgreSQL (see README) to run them. ***\n");
            }
        }
        return reachable ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
                : ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + TestDatabase.pgUrl());
    }
}
