package io.zhidu.crm.segment;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The customer facts a segment rule may test, each of one {@link Type}: a choice among codes (tested
 * with IN / NOT_IN), an amount in 万元 or a whole number (tested with comparisons).
 */
public enum Fact {
    GRADE(Type.CHOICE), CATEGORY(Type.CHOICE), STAGE(Type.CHOICE), CONTRACT_AMOUNT_12M(Type.AMOUNT),
    OPEN_RECEIVABLES(Type.AMOUNT), COOPERATION_YEARS(Type.COUNT);

    /** The code of "not graded" among the grade choices. */
    public static final String NO_GRADE = "NONE";

    public enum Type {
        CHOICE, AMOUNT, COUNT
    }

    private final Type type;

    Fact(Type type) {
        this.type = type;
    }

    public Type type() {
        return type;
    }

    public String labelKey() {
        return "segment.fact." + name();
    }

    /** The codes a CHOICE fact takes; empty for numbers. */
    public List<String> choices() {
        return switch (this) {
            case GRADE -> Stream.concat(Arrays.stream(Grade.values()).map(Enum::name), Stream.of(NO_GRADE)).toList();
            case CATEGORY -> Arrays.stream(Category.values()).map(Enum::name).toList();
            case STAGE -> Arrays.stream(Stage.values()).map(Enum::name).toList();
            default -> List.of();
        };
    }

    /** The message key naming a choice, null when the code names itself (grades A–D). */
    public String choiceLabelKey(String code) {
        return switch (this) {
            case GRADE -> NO_GRADE.equals(code) ? "segment.grade.none" : null;
            case CATEGORY -> "customer.category." + code;
            case STAGE -> "customer.stage." + code;
            default -> null;
        };
    }

    /** The operators allowed for this fact. */
    public List<Op> ops() {
        return type == Type.CHOICE ? List.of(Op.IN, Op.NOT_IN) : List.of(Op.GE, Op.GT, Op.LE, Op.LT);
    }

    String choiceOf(CustomerFacts f) {
        return switch (this) {
            case GRADE -> f.grade() == null ? NO_GRADE : f.grade().name();
            case CATEGORY -> f.category().name();
            case STAGE -> f.stage().name();
            default -> throw new IllegalStateException(name() + " is not a choice");
        };
    }

    /** The fact's number in the unit rules are written in (万元 for amounts). */
    BigDecimal numberOf(CustomerFacts f) {
        return switch (this) {
            case CONTRACT_AMOUNT_12M -> wan(f.contractAmount12m());
            case OPEN_RECEIVABLES -> wan(f.openReceivables());
            case COOPERATION_YEARS -> BigDecimal.valueOf(f.cooperationYears());
            default -> throw new IllegalStateException(name() + " is not a number");
        };
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return (yuan == null ? BigDecimal.ZERO : yuan).movePointLeft(4);
    }

    /** How a condition compares; IN and NOT_IN take a comma-separated list of codes. */
    public enum Op {
        IN, NOT_IN, GE, GT, LE, LT;

        public String labelKey() {
            return "segment.op." + name();
        }
    }
}
