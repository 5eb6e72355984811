package io.zhidu.crm.segment;

import io.zhidu.crm.segment.Fact.Op;
import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One typed test of a segment rule: a fact, an operator allowed for it and its value — codes for a
 * choice, a number for an amount (万元, at most 2 decimals) or a count (whole, at most 100).
 * Built only through {@link #of}, which refuses anything else with the field at fault
 * ({@code fact}, {@code op} or {@code value}).
 */
public record Condition(Fact fact, Op op, List<String> choices, BigDecimal number) {

    /** Largest amount a rule may name, in 万元 (10 亿元 × 100). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    static final int MAX_COUNT = 100;

    public Condition {
        choices = List.copyOf(choices);
    }

    public static Condition of(String fact, String op, String value) {
        Fact f = parse(Fact.class, fact, "fact", "segment.error.fact");
        Op o = parse(Op.class, op, "op", "segment.error.op");
        if (!f.ops().contains(o)) {
            throw DomainException.invalid("op", "segment.error.opForFact");
        }
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw DomainException.invalid("value", "segment.error.valueRequired");
        }
        if (f.type() == Fact.Type.CHOICE) {
            List<String> codes = new ArrayList<>();
            for (String part : v.split("[,，\\s]+")) {
                String code = part.strip().toUpperCase(java.util.Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!f.choices().contains(code)) {
                    throw DomainException.invalid("value", "segment.error.choice", part.strip(), String.join(", ", f.choices()));
                }
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            if (codes.isEmpty()) {
                throw DomainException.invalid("value", "segment.error.valueRequired");
            }
            return new Condition(f, o, codes, null);
        }
        BigDecimal n;
        try {
            n = new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("value", "segment.error.number", v);
        }
        if (f.type() == Fact.Type.AMOUNT && (n.signum() < 0 || n.compareTo(MAX_AMOUNT) > 0 || n.stripTrailingZeros().scale() > 2)) {
            throw DomainException.invalid("value", "segment.error.amount", v, MAX_AMOUNT.toPlainString());
        }
        if (f.type() == Fact.Type.COUNT && (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0
                || n.stripTrailingZeros().scale() > 0)) {
            throw DomainException.invalid("value", "segment.error.count", v, MAX_COUNT);
        }
        return new Condition(f, o, List.of(), n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros());
    }

    /** The value as stored and shown: codes joined by commas, or the plain number. */
    public String value() {
        return number == null ? String.join(",", choices) : number.toPlainString();
    }

    public boolean test(CustomerFacts facts) {
        if (fact.type() == Fact.Type.CHOICE) {
            boolean in = choices.contains(fact.choiceOf(facts));
            return op == Op.IN ? in : !in;
        }
        int c = fact.numberOf(facts).compareTo(number);
        return switch (op) {
            case GE -> c >= 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case LT -> c < 0;
            default -> throw new IllegalStateException(op + " on a number");
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v, String field, String key) {
        try {
            return Enum.valueOf(type, v == null ? "" : v.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, key, v == null ? "" : v);
        }
    }
}
