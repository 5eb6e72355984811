package io.zhidu.crm.shipping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.shared.DomainException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quantity rule of partial shipments (issue #6 item 4): up to the contracted quantity over all orders. */
class ShipmentQuantitiesTest {

    static final List<BigDecimal> CONTRACTED = List.of(new BigDecimal("10"), new BigDecimal("2.5"));

    static ShipmentQuantities.Requested line(Integer no, String quantity) {
        return new ShipmentQuantities.Requested(no, quantity == null ? null : new BigDecimal(quantity));
    }

    static void check(Map<Integer, BigDecimal> ordered, ShipmentQuantities.Requested... lines) {
        ShipmentQuantities.check(CONTRACTED, ordered, Arrays.asList(lines));
    }

    static void refused(String field, String key, Map<Integer, BigDecimal> ordered, ShipmentQuantities.Requested... lines) {
        assertThatThrownBy(() -> check(ordered, lines)).isInstanceOfSatisfying(DomainException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
            org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    @Test
    void upToWhatIsLeftOfTheContractedQuantityPasses() {
        assertThatCode(() -> check(Map.of(), line(1, "10"), line(2, "2.5"))).doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of(1, new BigDecimal("6")), line(1, "4"))).doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of(2, new BigDecimal("2.499")), line(2, "0.001"))).doesNotThrowAnyException();
    }

    @Test
    void moreThanWhatIsLeftIsRefusedOnTheLineWithWhatIsLeft() {
        refused("lines[0].quantity", "shipping.error.tooMuch", Map.of(), line(1, "10.001"));
        refused("lines[1].quantity", "shipping.error.tooMuch", Map.of(1, new BigDecimal("6")), line(2, "1"), line(1, "4.5"));
        assertThatThrownBy(() -> check(Map.of(1, new BigDecimal("6")), line(1, "5")))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.args())
                        .containsExactly(1, "4", "10"));
        // everything already on orders: nothing left
        refused("lines[0].quantity", "shipping.error.tooMuch", Map.of(2, new BigDecimal("2.5")), line(2, "0.001"));
    }

    @Test
    void zeroNegativeTooPreciseOrMissingQuantitiesAreRefused() {
        refused("lines[0].quantity", "shipping.error.quantity", Map.of(), line(1, "0"));
        refused("lines[0].quantity", "shipping.error.quantity", Map.of(), line(1, "-1"));
        refused("lines[0].quantity", "shipping.error.quantity", Map.of(), line(1, "0.0001"));
        refused("lines[0].quantity", "shipping.error.quantity", Map.of(), line(1, null));
    }

    @Test
    void theLinesMustNameContractLinesOnceAndNotBeEmpty() {
        refused("lines[0].contractLineId", "shipping.error.line", Map.of(), line(0, "1"));
        refused("lines[0].contractLineId", "shipping.error.line", Map.of(), line(3, "1"));
        refused("lines[0].contractLineId", "shipping.error.line", Map.of(), line(null, "1"));
        refused("lines[1].contractLineId", "shipping.error.lineTwice", Map.of(), line(1, "1"), line(1, "1"));
        assertThatThrownBy(() -> ShipmentQuantities.check(CONTRACTED, Map.of(), List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> ShipmentQuantities.check(CONTRACTED, Map.of(), null)).isInstanceOf(DomainException.class);
    }
}
