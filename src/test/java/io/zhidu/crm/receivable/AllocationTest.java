package io.zhidu.crm.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void takesItemsInOrderUntilTheMoneyRunsOut() {
        Allocation.Result r = Allocation.inOrder(m("350.00"),
                List.of(new Allocation.Open(1, m("100.00")), new Allocation.Open(2, m("200.00")), new Allocation.Open(3, m("300.00"))));
        assertThat(r.shares()).containsExactly(new Allocation.Share(1, m("100.00")), new Allocation.Share(2, m("200.00")),
                new Allocation.Share(3, m("50.00")));
        assertThat(r.surplus()).isEqualByComparingTo("0");
    }

    @Test
    void whatNothingNeedsIsTheSurplus() {
        Allocation.Result r = Allocation.inOrder(m("500.01"), List.of(new Allocation.Open(7, m("0.00")), new Allocation.Open(8, m("500.00"))));
        assertThat(r.shares()).containsExactly(new Allocation.Share(8, m("500.00")));
        assertThat(r.surplus()).isEqualByComparingTo("0.01");
        assertThat(Allocation.inOrder(m("10"), List.of()).surplus()).isEqualByComparingTo("10");
    }
}
