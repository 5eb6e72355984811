package io.zhidu.crm.benefit;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicyChapter;
import io.zhidu.crm.policy.PolicyRules;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The benefits matrix of one policy version, section {@code benefit} (seed 6.1.2-2, SPEC R4): for each
 * category × grade cell the shipping priority, price tier, visit cadence and visitors; the discount
 * floor of each price tier; and who reviews a contract priced below its customer's floor. A customer
 * not yet graded has its category's D cell ("others", standard by default).
 *
 * @param values a setting's value in normal form by its key inside the section
 */
record BenefitMatrix(long versionId, String versionLabel, Function<String, String> values) {

    static final String SECTION = "benefit";
    static final String CLAUSE = "6.1.2-2";
    static final String REVIEWER = "floor-reviewer";

    static BenefitMatrix of(PolicyRules rules) {
        return new BenefitMatrix(rules.versionId(), rules.label(), key -> rules.value(SECTION, key));
    }

    /** The shipped matrix (SPEC R4's table), for tests and previews. */
    static BenefitMatrix shipped() {
        PolicySection section = new Section().benefitSection();
        return new BenefitMatrix(0, "v1", key -> section.setting(key).orElseThrow().defaultValue());
    }

    Benefit of(Category category, Grade grade) {
        String cell = cell(category, grade);
        PriceTier tier = PriceTier.valueOf(values.apply(cell + "-tier"));
        String visitors = values.apply(cell + "-visitors");
        return new Benefit(category, grade, Integer.parseInt(values.apply(cell + "-priority")), tier,
                new BigDecimal(values.apply(tier.floorSetting())), Integer.parseInt(values.apply(cell + "-visit-days")),
                visitors.isEmpty() ? List.of() : Arrays.asList(visitors.split(",")), Role.valueOf(values.apply(REVIEWER)),
                versionId, versionLabel, CLAUSE);
    }

    /** The setting-key prefix of a cell, e.g. {@code key-account-a}; ungraded customers use the D cell. */
    static String cell(Category category, Grade grade) {
        return (category == Category.KEY_ACCOUNT ? "key-account-" : "regular-")
                + (grade == null ? Grade.D : grade).name().toLowerCase(Locale.ROOT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Section {

        static final List<String> TIERS = Arrays.stream(PriceTier.values()).map(Enum::name).toList();
        static final List<String> REVIEWERS = List.of(Role.BUSINESS_MANAGER.name(), Role.VP.name(), Role.GM.name());

        /** One cell's shipped benefits. */
        private record Cell(Category category, Grade grade, int priority, PriceTier tier, int visitDays, List<String> visitors) {
        }

        /** SPEC R4 / seed 6.1.2-2; "others" (key account D, regular C and D) standard, visited by the owner as needed. */
        private static final List<Cell> SHIPPED = List.of(
                new Cell(Category.KEY_ACCOUNT, Grade.A, 1, PriceTier.BEST, 90, List.of("VP", "BUSINESS_MANAGER")),
                new Cell(Category.KEY_ACCOUNT, Grade.B, 2, PriceTier.BETTER, 180, List.of("VP", "BUSINESS_MANAGER")),
                new Cell(Category.KEY_ACCOUNT, Grade.C, 4, PriceTier.SOME, 365, List.of("BUSINESS_MANAGER")),
                new Cell(Category.KEY_ACCOUNT, Grade.D, 6, PriceTier.STANDARD, 0, List.of(Benefits.OWNER)),
                new Cell(Category.REGULAR, Grade.A, 3, PriceTier.BETTER, 365, List.of("BUSINESS_MANAGER")),
                new Cell(Category.REGULAR, Grade.B, 5, PriceTier.SOME, 180, List.of("OFFICE_DIRECTOR")),
                new Cell(Category.REGULAR, Grade.C, 7, PriceTier.STANDARD, 0, List.of(Benefits.OWNER)),
                new Cell(Category.REGULAR, Grade.D, 8, PriceTier.STANDARD, 0, List.of(Benefits.OWNER)));

        @Bean
        PolicySection benefitSection() {
            List<PolicySetting> settings = new ArrayList<>();
            for (Cell c : SHIPPED) {
                String cell = cell(c.category(), c.grade());
                settings.add(PolicySetting.integer(cell + "-priority", CLAUSE, label(cell + "-priority"), "benefit.unit.rank",
                        c.priority(), 1, 99));
                settings.add(PolicySetting.choice(cell + "-tier", CLAUSE, label(cell + "-tier"), TIERS, c.tier().name()));
                settings.add(PolicySetting.integer(cell + "-visit-days", CLAUSE, label(cell + "-visit-days"), "benefit.unit.days",
                        c.visitDays(), 0, 3650));
                settings.add(PolicySetting.choices(cell + "-visitors", CLAUSE, label(cell + "-visitors"), Benefits.VISITORS,
                        c.visitors()));
            }
            for (PriceTier tier : PriceTier.values()) {
                settings.add(PolicySetting.decimal(tier.floorSetting(), CLAUSE, label(tier.floorSetting()), "benefit.unit.percent",
                        tier.shippedFloor, "0", "100"));
            }
            settings.add(PolicySetting.choice(REVIEWER, CLAUSE, label(REVIEWER), REVIEWERS, Role.VP.name()));
            return new PolicySection(SECTION, PolicyChapter.CLASSIFICATION, "benefit.policy.section", 2, settings);
        }

        private static String label(String settingKey) {
            return "benefit.policy." + settingKey;
        }
    }
}
