package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A grading result that explains itself: each indicator's raw value, points and the rule that
 * applied, the new-customer override, the total, the grade, the suggested category, and the
 * policy version and clauses applied.
 */
public record GradeResult(LocalDate asOf, LocalDate periodFrom, List<Indicator> indicators, int total, Grade scoreGrade,
                          boolean newCustomerRule, Grade grade, Category category, BigDecimal keyAccountAmount,
                          long policyVersion, List<String> clauses) {

    public GradeResult {
        indicators = List.copyOf(indicators);
        clauses = List.copyOf(clauses);
    }

    /** The four indicators of 6.1.1-3(1)–(4). */
    public enum Code {
        CONTRACT_AMOUNT, RECEIVABLES, PREMIUM, STRATEGIC;

        public String labelKey() {
            return "grading.indicator." + name();
        }
    }

    /**
     * One indicator.
     *
     * @param value    the raw value (yuan for amounts, percent for the premium, points for influence), null when none
     * @param ruleKey  message key of the rule that applied ({@code grading.rule.*})
     * @param ruleArgs its arguments (thresholds in 万元 or %, grace days)
     * @param flagged  the value is a default, not a measure (influence not yet rated)
     */
    public record Indicator(Code code, BigDecimal value, int points, String ruleKey, List<String> ruleArgs, String clause,
                            boolean flagged) {

        public Indicator {
            ruleArgs = List.copyOf(ruleArgs);
        }

        /** The rule as a stable code for machines, e.g. {@code atLeastWan 500 → 4}; people read the message of {@code ruleKey}. */
        public String ruleCode() {
            return ruleKey.substring(ruleKey.lastIndexOf('.') + 1) + (ruleArgs.isEmpty() ? "" : " " + String.join(" ", ruleArgs))
                    + " → " + points;
        }
    }
}
