package io.zhidu.crm.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.segment.SegmentSetForm.ConditionInput;
import io.zhidu.crm.segment.SegmentSetForm.SegmentInput;
import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Segment rules (issue #7 item 6, seed O-5): typed conditions at their boundaries, segments tried
 * in order with the first match winning, none when nothing matches, and the refusals of bad rules.
 */
class SegmentRulesTest {

    static CustomerFacts facts(Grade grade, Stage stage, String amountYuan, String openYuan, int years) {
        return new CustomerFacts(grade, Category.REGULAR, stage, new BigDecimal(amountYuan), new BigDecimal(openYuan), years);
    }

    static CustomerFacts amount(String yuan) {
        return facts(Grade.C, Stage.ACTIVE, yuan, "0", 0);
    }

    /** The seeded O-5 set: 重要 ≥ 200 万元, 核心 A/B, 一般 ACTIVE/DORMANT, 潜在 PROSPECT/DEVELOPING. */
    static SegmentSet class4() {
        return new SegmentSetForm("CLASS4", "客户四类", "Four classes", "RULE", "O-5", List.of(
                new SegmentInput("IMPORTANT", "重要客户", "Important", List.of(new ConditionInput("CONTRACT_AMOUNT_12M", "GE", "200"))),
                new SegmentInput("CORE", "核心客户", "Core", List.of(new ConditionInput("GRADE", "IN", "A,B"))),
                new SegmentInput("GENERAL", "一般客户", "General", List.of(new ConditionInput("STAGE", "IN", "ACTIVE,DORMANT"))),
                new SegmentInput("POTENTIAL", "潜在客户", "Potential", List.of(new ConditionInput("STAGE", "IN", "PROSPECT, DEVELOPING")))))
                .toSet(1, 0);
    }

    static Optional<String> classify(SegmentSet set, CustomerFacts f) {
        return set.classify(f).map(SegmentSet.Segment::code);
    }

    @Test
    void amountConditionsAtTheirBoundaryIn万元() {
        Condition ge = Condition.of("CONTRACT_AMOUNT_12M", "GE", "200");
        assertThat(ge.test(amount("2000000.00"))).isTrue();
        assertThat(ge.test(amount("1999999.99"))).isFalse();
        Condition gt = Condition.of("CONTRACT_AMOUNT_12M", "GT", "200");
        assertThat(gt.test(amount("2000000.00"))).isFalse();
        assertThat(gt.test(amount("2000000.01"))).isTrue();
        Condition le = Condition.of("OPEN_RECEIVABLES", "LE", "20.5");
        assertThat(le.test(facts(null, Stage.ACTIVE, "0", "205000", 0))).isTrue();
        assertThat(le.test(facts(null, Stage.ACTIVE, "0", "205000.01", 0))).isFalse();
        Condition lt = Condition.of("OPEN_RECEIVABLES", "LT", "20.5");
        assertThat(lt.test(facts(null, Stage.ACTIVE, "0", "205000", 0))).isFalse();
    }

    @Test
    void yearsAndChoices() {
        Condition years = Condition.of("COOPERATION_YEARS", "GE", "3");
        assertThat(years.test(facts(null, Stage.ACTIVE, "0", "0", 3))).isTrue();
        assertThat(years.test(facts(null, Stage.ACTIVE, "0", "0", 2))).isFalse();
        Condition graded = Condition.of("grade", "in", "a, b");
        assertThat(graded.choices()).containsExactly("A", "B");
        assertThat(graded.test(facts(Grade.B, Stage.ACTIVE, "0", "0", 0))).isTrue();
        assertThat(graded.test(facts(Grade.C, Stage.ACTIVE, "0", "0", 0))).isFalse();
        assertThat(graded.test(facts(null, Stage.ACTIVE, "0", "0", 0))).isFalse();
        Condition notGraded = Condition.of("GRADE", "IN", "NONE");
        assertThat(notGraded.test(facts(null, Stage.ACTIVE, "0", "0", 0))).isTrue();
        Condition notLost = Condition.of("STAGE", "NOT_IN", "LOST");
        assertThat(notLost.test(facts(null, Stage.LOST, "0", "0", 0))).isFalse();
        assertThat(notLost.test(facts(null, Stage.DORMANT, "0", "0", 0))).isTrue();
    }

    @Test
    void theFirstMatchingSegmentWinsInOrderElseNone() {
        SegmentSet set = class4();
        // 重要 before 核心: an A customer at 200 万元 is 重要, at 199.99 万元 核心
        assertThat(classify(set, facts(Grade.A, Stage.ACTIVE, "2000000", "0", 2))).contains("IMPORTANT");
        assertThat(classify(set, facts(Grade.A, Stage.ACTIVE, "1999999.99", "0", 2))).contains("CORE");
        assertThat(classify(set, facts(Grade.C, Stage.ACTIVE, "100", "0", 2))).contains("GENERAL");
        assertThat(classify(set, facts(null, Stage.PROSPECT, "0", "0", 0))).contains("POTENTIAL");
        assertThat(classify(set, facts(Grade.D, Stage.LOST, "0", "0", 5))).isEmpty();
    }

    @Test
    void allConditionsOfASegmentMustHoldAndAnEmptyOneTakesTheRest() {
        SegmentSet set = new SegmentSetForm("T", "测试", "Test", "RULE", null, List.of(
                new SegmentInput("BIG_LOYAL", "大而久", "Big, loyal", List.of(new ConditionInput("CONTRACT_AMOUNT_12M", "GE", "50"),
                        new ConditionInput("COOPERATION_YEARS", "GE", "3"))),
                new SegmentInput("REST", "其他", "Rest", List.of()))).toSet(1, 0);
        assertThat(classify(set, facts(null, Stage.ACTIVE, "500000", "0", 3))).contains("BIG_LOYAL");
        assertThat(classify(set, facts(null, Stage.ACTIVE, "500000", "0", 2))).contains("REST");
        assertThat(classify(set, facts(null, Stage.ACTIVE, "499999.99", "0", 9))).contains("REST");
    }

    @Test
    void aManualSetClassifiesNobody() {
        SegmentSet manual = new SegmentSetForm("KEY4", "大客户分级", "Key tiers", "MANUAL", "O-31",
                List.of(new SegmentInput("CORE", "核心大客户", "Core", List.of()))).toSet(1, 0);
        assertThat(manual.classify(amount("99999999"))).isEmpty();
    }

    @Test
    void badRulesAreRefusedOnTheirField() {
        Map<String, String[]> cases = Map.of(
                "-1", new String[]{"segment.error.amount", "value"},
                "12.345", new String[]{"segment.error.amount", "value"},
                "abc", new String[]{"segment.error.number", "value"},
                "100000000", new String[]{"segment.error.amount", "value"},
                "", new String[]{"segment.error.valueRequired", "value"});
        cases.forEach((value, expected) -> assertThatThrownBy(() -> Condition.of("CONTRACT_AMOUNT_12M", "GE", value))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).as(value).isEqualTo(expected[0]);
                    assertThat(e.field()).isEqualTo(expected[1]);
                }));
        assertThatThrownBy(() -> Condition.of("COOPERATION_YEARS", "GE", "1.5")).hasMessage("segment.error.count");
        assertThatThrownBy(() -> Condition.of("GRADE", "GE", "A")).hasMessage("segment.error.opForFact");
        assertThatThrownBy(() -> Condition.of("STAGE", "IN", "ACTIVE,SLEEPING")).hasMessage("segment.error.choice");
        assertThatThrownBy(() -> Condition.of("REVENUE", "GE", "1")).hasMessage("segment.error.fact");
        assertThatThrownBy(() -> Condition.of("GRADE", "LIKE", "A")).hasMessage("segment.error.op");
    }

    @Test
    void aFormNamesTheRowAndConditionAtFault() {
        SegmentSetForm bad = new SegmentSetForm("X", "测试", "Test", "RULE", null, List.of(
                new SegmentInput("A", "甲", "A", List.of()),
                new SegmentInput("B", "乙", "B", List.of(new ConditionInput("GRADE", "IN", "A"),
                        new ConditionInput("OPEN_RECEIVABLES", "LE", "x")))));
        assertThatThrownBy(() -> bad.toSet(0, 0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("segments[1].conditions[1].value"));
        SegmentSetForm dup = new SegmentSetForm("X", "测试", "Test", "RULE", null, List.of(
                new SegmentInput("A", "甲", "A", List.of()), new SegmentInput("a", "乙", "B", List.of())));
        assertThatThrownBy(() -> dup.toSet(0, 0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("segments[1].code"));
        SegmentSetForm manualWithRules = new SegmentSetForm("X", "测试", "Test", "MANUAL", null, List.of(
                new SegmentInput("A", "甲", "A", List.of(new ConditionInput("GRADE", "IN", "A")))));
        assertThatThrownBy(() -> manualWithRules.toSet(0, 0)).hasMessage("segment.error.manualRules");
        assertThatThrownBy(() -> new SegmentSetForm("1X", "测试", "Test", "RULE", null,
                List.of(new SegmentInput("A", "甲", "A", List.of()))).toSet(0, 0)).hasMessage("segment.error.code");
        assertThatThrownBy(() -> new SegmentSetForm("X", "测试", "Test", "RULE", null, List.of()).toSet(0, 0))
                .hasMessage("segment.error.noSegments");
    }

    @Test
    void theEditorDropsBlankRowsAndKeepsTheTypedOrder() {
        Map<String, String> p = new java.util.HashMap<>(Map.of("code", "X", "nameZh", "测试", "nameEn", "Test", "kind", "RULE"));
        p.putAll(Map.of("segments[0].code", "LATE", "segments[0].order", "2", "segments[0].nameZh", "后", "segments[0].nameEn", "Late",
                "segments[0].conditions[0].fact", "", "segments[0].conditions[0].op", "GE", "segments[0].conditions[0].value", ""));
        p.putAll(Map.of("segments[1].code", "EARLY", "segments[1].order", "1", "segments[1].nameZh", "前", "segments[1].nameEn", "Early",
                "segments[1].conditions[0].fact", "GRADE", "segments[1].conditions[0].op", "IN", "segments[1].conditions[0].value", "A"));
        p.putAll(Map.of("segments[2].code", "", "segments[2].nameZh", "", "segments[2].nameEn", "", "segments[2].order", "3"));
        SegmentSet set = SegmentPageController.form(p).toSet(0, 0);
        assertThat(set.segments()).extracting(SegmentSet.Segment::code).containsExactly("EARLY", "LATE");
        assertThat(set.segments().get(0).conditions()).hasSize(1);
        assertThat(set.segments().get(1).conditions()).isEmpty();
    }
}
