package io.zhidu.crm.credit;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credit standard (信用标准) of one policy version, section {@code credit}: the rating scale in
 * order best first (6.2.4-3(1)), each rating's default limit and terms, the scoring of the four
 * factors into a rating (6.2.4-3(3)), the overdue grace days of the credit check (6.2.4-4(2)), the
 * limit above which the GM instead of the VP approves a credit change (6.2.3-1, 6.2.3-2), and how
 * many months a granted credit is valid (6.2.4-5(3)). The standard is approved with its policy
 * version by the GM (6.2.3-1).
 *
 * @param scale the ratings in use, best first; a subset of {@link #RATINGS} in that order
 */
public record CreditStandard(long versionId, List<String> scale, Map<String, RatingDefaults> defaults, int graceDays,
                             BigDecimal gmAmount, int validityMonths, Scoring scoring) {

    static final String SECTION = "credit";
    /** Every rating code a scale may use, best first. */
    public static final List<String> RATINGS = List.of("AAA", "AA", "A", "BBB", "BB", "B", "C", "D");
    static final List<String> DEFAULT_SCALE = List.of("AAA", "AA", "A", "B", "C");

    /** What a rating grants unless a customer's credit says otherwise. */
    public record RatingDefaults(BigDecimal limit, TermsForm form, int days, int minScore) {
    }

    /**
     * The points of each factor: payment history by the oldest overdue days (none, up to
     * {@code lateDays1}, up to {@code lateDays2}, beyond: 0), years of cooperation (at least
     * {@code years1}, at least {@code years2}, less: 0), the debt ratio in percent (at most
     * {@code debtRatio1}, at most {@code debtRatio2}, above or unknown: 0) and the field
     * investigation's grade 0–4 times {@code fieldPerGrade}.
     */
    public record Scoring(int onTime, int lateDays1, int late1, int lateDays2, int late2, int years1, int yearsPoints1,
                          int years2, int yearsPoints2, BigDecimal debtRatio1, int debtPoints1, BigDecimal debtRatio2,
                          int debtPoints2, int fieldPerGrade) {
    }

    /** A score with the points of each factor and the rating it earns on the scale. */
    public record Score(int payment, int cooperation, int financial, int field, int total, String rating) {
    }

    public CreditStandard {
        scale = List.copyOf(scale);
        defaults = Map.copyOf(defaults);
    }

    static CreditStandard of(PolicyRules rules) {
        Map<String, RatingDefaults> defaults = new LinkedHashMap<>();
        for (String r : RATINGS) {
            defaults.put(r, new RatingDefaults(rules.decimal(SECTION, "limit-" + r),
                    TermsForm.valueOf(rules.choice(SECTION, "form-" + r)), rules.integer(SECTION, "days-" + r),
                    rules.integer(SECTION, "min-score-" + r)));
        }
        Scoring scoring = new Scoring(rules.integer(SECTION, "score-on-time"), rules.integer(SECTION, "late-days-1"),
                rules.integer(SECTION, "score-late-1"), rules.integer(SECTION, "late-days-2"), rules.integer(SECTION, "score-late-2"),
                rules.integer(SECTION, "years-1"), rules.integer(SECTION, "score-years-1"), rules.integer(SECTION, "years-2"),
                rules.integer(SECTION, "score-years-2"), rules.decimal(SECTION, "debt-ratio-1"), rules.integer(SECTION, "score-debt-1"),
                rules.decimal(SECTION, "debt-ratio-2"), rules.integer(SECTION, "score-debt-2"), rules.integer(SECTION, "score-field"));
        List<String> scale = rules.choices(SECTION, "scale");
        return new CreditStandard(rules.versionId(), scale.isEmpty() ? DEFAULT_SCALE : scale, defaults,
                rules.integer(SECTION, "grace-days"), rules.decimal(SECTION, "gm-amount"), rules.integer(SECTION, "validity-months"),
                scoring);
    }

    public boolean onScale(String rating) {
        return rating != null && scale.contains(rating);
    }

    public RatingDefaults defaults(String rating) {
        return defaults.get(rating);
    }

    /** Who approves a credit change granting {@code limit}: above the policy amount the GM, else the VP. */
    public Role approver(BigDecimal limit) {
        return limit != null && limit.compareTo(gmAmount) > 0 ? Role.GM : Role.VP;
    }

    /**
     * Scores a customer (6.2.4-3(3)) and names the best rating on the scale whose minimum the total
     * reaches; below every minimum, the last rating of the scale.
     *
     * @param debtRatioPercent liabilities / assets in percent, null when unknown
     * @param fieldGrade       the field investigation's grade 0–4, null when none was made
     */
    public Score score(int oldestOverdueDays, int yearsOfCooperation, BigDecimal debtRatioPercent, Integer fieldGrade) {
        Scoring s = scoring;
        int payment = oldestOverdueDays <= 0 ? s.onTime() : oldestOverdueDays <= s.lateDays1() ? s.late1()
                : oldestOverdueDays <= s.lateDays2() ? s.late2() : 0;
        int cooperation = yearsOfCooperation >= s.years1() ? s.yearsPoints1() : yearsOfCooperation >= s.years2() ? s.yearsPoints2() : 0;
        int financial = debtRatioPercent == null ? 0 : debtRatioPercent.compareTo(s.debtRatio1()) <= 0 ? s.debtPoints1()
                : debtRatioPercent.compareTo(s.debtRatio2()) <= 0 ? s.debtPoints2() : 0;
        int field = fieldGrade == null ? 0 : Math.max(0, Math.min(4, fieldGrade)) * s.fieldPerGrade();
        int total = payment + cooperation + financial + field;
        String rating = scale.stream().filter(r -> total >= defaults.get(r).minScore()).findFirst()
                .orElse(scale.get(scale.size() - 1));
        return new Score(payment, cooperation, financial, field, total, rating);
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        static final String STANDARD = "6.2.4-3(1)";
        static final String GRADE = "6.2.4-3(3)";
        static final String YUAN = "credit.unit.yuan";
        static final String DAYS = "credit.unit.days";
        static final String POINTS = "credit.unit.points";
        static final List<String> FORMS = java.util.Arrays.stream(TermsForm.values()).map(Enum::name).toList();

        /** Shipped defaults per rating: limit, form, days, minimum score. */
        static final Map<String, Object[]> SHIPPED = Map.of(
                "AAA", new Object[]{"5000000", TermsForm.MONTHLY, 90, 90},
                "AA", new Object[]{"2000000", TermsForm.MONTHLY, 60, 80},
                "A", new Object[]{"1000000", TermsForm.MONTHLY, 30, 70},
                "BBB", new Object[]{"500000", TermsForm.MONTHLY, 30, 60},
                "BB", new Object[]{"300000", TermsForm.MONTHLY, 15, 50},
                "B", new Object[]{"200000", TermsForm.ACCEPTANCE, 15, 40},
                "C", new Object[]{"0", TermsForm.CASH, 0, 20},
                "D", new Object[]{"0", TermsForm.CASH, 0, 0});

        @Bean
        PolicySection creditSection() {
            List<PolicySetting> settings = new ArrayList<>();
            settings.add(PolicySetting.choices("scale", STANDARD, "credit.policy.scale", RATINGS, DEFAULT_SCALE));
            for (String r : RATINGS) {
                Object[] d = SHIPPED.get(r);
                settings.add(PolicySetting.decimal("limit-" + r, STANDARD, "credit.policy.limit." + r, YUAN, (String) d[0],
                        "0", "100000000000"));
                settings.add(PolicySetting.choice("form-" + r, STANDARD, "credit.policy.form." + r, FORMS, ((TermsForm) d[1]).name()));
                settings.add(PolicySetting.integer("days-" + r, STANDARD, "credit.policy.days." + r, DAYS, (int) d[2], 0, 3650));
                settings.add(PolicySetting.integer("min-score-" + r, GRADE, "credit.policy.minScore." + r, POINTS, (int) d[3], 0, 1000));
            }
            settings.add(PolicySetting.integer("score-on-time", GRADE, "credit.policy.scoreOnTime", POINTS, 40, 0, 1000));
            settings.add(PolicySetting.integer("late-days-1", GRADE, "credit.policy.lateDays1", DAYS, 30, 1, 3650));
            settings.add(PolicySetting.integer("score-late-1", GRADE, "credit.policy.scoreLate1", POINTS, 25, 0, 1000));
            settings.add(PolicySetting.integer("late-days-2", GRADE, "credit.policy.lateDays2", DAYS, 90, 1, 3650));
            settings.add(PolicySetting.integer("score-late-2", GRADE, "credit.policy.scoreLate2", POINTS, 10, 0, 1000));
            settings.add(PolicySetting.integer("years-1", GRADE, "credit.policy.years1", "credit.unit.years", 5, 0, 100));
            settings.add(PolicySetting.integer("score-years-1", GRADE, "credit.policy.scoreYears1", POINTS, 20, 0, 1000));
            settings.add(PolicySetting.integer("years-2", GRADE, "credit.policy.years2", "credit.unit.years", 2, 0, 100));
            settings.add(PolicySetting.integer("score-years-2", GRADE, "credit.policy.scoreYears2", POINTS, 10, 0, 1000));
            settings.add(PolicySetting.decimal("debt-ratio-1", GRADE, "credit.policy.debtRatio1", "credit.unit.percent", "50", "0", "1000"));
            settings.add(PolicySetting.integer("score-debt-1", GRADE, "credit.policy.scoreDebt1", POINTS, 20, 0, 1000));
            settings.add(PolicySetting.decimal("debt-ratio-2", GRADE, "credit.policy.debtRatio2", "credit.unit.percent", "70", "0", "1000"));
            settings.add(PolicySetting.integer("score-debt-2", GRADE, "credit.policy.scoreDebt2", POINTS, 10, 0, 1000));
            settings.add(PolicySetting.integer("score-field", GRADE, "credit.policy.scoreField", POINTS, 5, 0, 250));
            settings.add(PolicySetting.integer("grace-days", "6.2.4-4(2)", "credit.policy.graceDays", DAYS, 0, 0, 365));
            settings.add(PolicySetting.decimal("gm-amount", "6.2.3-1", "credit.policy.gmAmount", YUAN, "1000000", "0",
                    "100000000000"));
            settings.add(PolicySetting.integer("validity-months", "6.2.4-5(3)", "credit.policy.validityMonths",
                    "credit.unit.months", 12, 1, 60));
            settings.addAll(CreditReviewPolicy.settings());
            return new PolicySection(SECTION, PolicyChapter.CREDIT, "credit.policy.section", 5, settings);
        }
    }
}
