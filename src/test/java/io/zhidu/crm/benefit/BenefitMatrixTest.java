package io.zhidu.crm.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.contract.ContractUnderReview;
import io.zhidu.crm.contract.ReviewFlag;
import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.organization.Role;
import io.zhidu.crm.policy.PolicySection;
import io.zhidu.crm.policy.PolicySetting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped matrix is SPEC R4's table (seed 6.1.2-2), its cells are settings, and the floor's boundary. */
class BenefitMatrixTest {

    final BenefitMatrix shipped = BenefitMatrix.shipped();

    @Test
    void theShippedMatrixIsTheSeedsTable() {
        Benefit keyA = shipped.of(Category.KEY_ACCOUNT, Grade.A);
        assertThat(keyA.shippingPriority()).isEqualTo(1);
        assertThat(keyA.priceTier()).isEqualTo(PriceTier.BEST);
        assertThat(keyA.priceFloorPercent()).isEqualByComparingTo("12");
        assertThat(keyA.visitEveryDays()).isEqualTo(90);
        assertThat(keyA.visitRoles()).containsExactly("VP", "BUSINESS_MANAGER");
        assertThat(keyA.floorReviewer()).isEqualTo(Role.VP);
        assertThat(keyA.clause()).isEqualTo("6.1.2-2");
        Benefit regularB = shipped.of(Category.REGULAR, Grade.B);
        assertThat(regularB.priceTier()).isEqualTo(PriceTier.SOME);
        assertThat(regularB.priceFloorPercent()).isEqualByComparingTo("4");
        assertThat(regularB.visitEveryDays()).isEqualTo(180);
        assertThat(regularB.visitRoles()).containsExactly("OFFICE_DIRECTOR");
        assertThat(shipped.of(Category.REGULAR, Grade.A).priceFloorPercent()).isEqualByComparingTo("8");
        // the seed's order: key A, key B, regular A, key C, regular B, then the others
        assertThat(List.of(shipped.of(Category.KEY_ACCOUNT, Grade.A), shipped.of(Category.KEY_ACCOUNT, Grade.B),
                shipped.of(Category.REGULAR, Grade.A), shipped.of(Category.KEY_ACCOUNT, Grade.C), regularB,
                shipped.of(Category.KEY_ACCOUNT, Grade.D), shipped.of(Category.REGULAR, Grade.C)))
                .extracting(Benefit::shippingPriority).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void othersAndUngradedCustomersAreStandardAndVisitedByTheOwnerAsNeeded() {
        for (Benefit b : List.of(shipped.of(Category.KEY_ACCOUNT, null), shipped.of(Category.REGULAR, null),
                shipped.of(Category.REGULAR, Grade.C), shipped.of(Category.REGULAR, Grade.D))) {
            assertThat(b.priceTier()).isEqualTo(PriceTier.STANDARD);
            assertThat(b.priceFloorPercent()).isEqualByComparingTo("0");
            assertThat(b.visitAsNeeded()).isTrue();
            assertThat(b.visitRoles()).containsExactly(Benefits.OWNER);
        }
        assertThat(shipped.of(Category.KEY_ACCOUNT, null).grade()).isNull();
        assertThat(shipped.of(Category.KEY_ACCOUNT, null).shippingPriority())
                .isEqualTo(shipped.of(Category.KEY_ACCOUNT, Grade.D).shippingPriority())
                .isLessThan(shipped.of(Category.REGULAR, null).shippingPriority());
    }

    @Test
    void everyCellIsASettingOfTheVersion() {
        Map<String, String> changed = Map.of("regular-a-priority", "1", "regular-a-tier", "BEST", "floor-best", "15",
                "regular-a-visitors", "", "floor-reviewer", "GM");
        BenefitMatrix m = new BenefitMatrix(7, "v7", key -> changed.getOrDefault(key, shipped.values().apply(key)));
        Benefit b = m.of(Category.REGULAR, Grade.A);
        assertThat(b.shippingPriority()).isEqualTo(1);
        assertThat(b.priceTier()).isEqualTo(PriceTier.BEST);
        assertThat(b.priceFloorPercent()).isEqualByComparingTo("15");
        assertThat(b.visitRoles()).isEmpty();
        assertThat(b.floorReviewer()).isEqualTo(Role.GM);
        assertThat(b.policyVersionId()).isEqualTo(7);
        assertThat(b.policyVersion()).isEqualTo("v7");
    }

    @Test
    void theSectionsDefaultsAreValidValuesWithTheirClause() {
        PolicySection section = new BenefitMatrix.Section().benefitSection();
        assertThat(section.key()).isEqualTo("benefit");
        assertThat(section.settings()).hasSize(8 * 4 + 5);
        for (PolicySetting s : section.settings()) {
            assertThat(s.normalise(section.key(), s.defaultValue())).isEqualTo(s.defaultValue());
            assertThat(s.clause()).isEqualTo("6.1.2-2");
        }
        assertThat(section.settings()).extracting(PolicySetting::key).doesNotHaveDuplicates();
    }

    @Test
    void exactlyAtTheFloorPassesOneCentBelowIsFlagged() {
        Benefit best = shipped.of(Category.KEY_ACCOUNT, Grade.A);
        assertThat(best.floorPrice(new BigDecimal("100.00"))).isEqualByComparingTo("88.00");
        assertThat(best.belowFloor(new BigDecimal("100.00"), new BigDecimal("88.00"))).isFalse();
        assertThat(best.belowFloor(new BigDecimal("100.00"), new BigDecimal("87.99"))).isTrue();
        // 100.03 × 0.88 = 88.0264: the floor shown is rounded up, and a price at it passes
        assertThat(best.floorPrice(new BigDecimal("100.03"))).isEqualByComparingTo("88.03");
        assertThat(best.belowFloor(new BigDecimal("100.03"), new BigDecimal("88.03"))).isFalse();
        assertThat(best.belowFloor(new BigDecimal("100.03"), new BigDecimal("88.02"))).isTrue();
        Benefit standard = shipped.of(Category.REGULAR, null);
        assertThat(standard.belowFloor(new BigDecimal("1000.00"), new BigDecimal("1000.00"))).isFalse();
        assertThat(standard.belowFloor(new BigDecimal("1000.00"), new BigDecimal("999.99"))).isTrue();
    }

    @Test
    void aContractLineBelowTheFloorIsFlaggedForTheVpWithItsNumbers() {
        Benefit better = shipped.of(Category.KEY_ACCOUNT, Grade.B);
        ContractUnderReview contract = new ContractUnderReview(1, "HT-1", 2, new BigDecimal("20000"), LocalDate.of(2026, 11, 30),
                List.of(new ContractUnderReview.Line(1, 5L, "机床", BigDecimal.ONE, new BigDecimal("1000.00"), new BigDecimal("920.00")),
                        new ContractUnderReview.Line(2, 6L, "配件", BigDecimal.ONE, new BigDecimal("1000.00"), new BigDecimal("919.99")),
                        new ContractUnderReview.Line(3, null, "安装服务", BigDecimal.ONE, null, new BigDecimal("1.00"))));
        List<ReviewFlag> flags = PriceFloorCheck.flags(contract, better);
        assertThat(flags).hasSize(1);
        ReviewFlag f = flags.get(0);
        assertThat(f.code()).isEqualTo("BELOW_PRICE_FLOOR");
        assertThat(f.reviewer()).isEqualTo(Role.VP);
        assertThat(f.clause()).isEqualTo("6.1.2-2");
        assertThat(f.args()).containsExactly("2", "配件", "919.99", "920.00", "1000.00", "8");
        assertThat(f.amount()).isEqualByComparingTo("919.99");
    }
}
