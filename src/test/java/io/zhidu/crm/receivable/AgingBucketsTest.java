package io.zhidu.crm.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgingBucketsTest {

    final AgingBuckets defaults = new AgingBuckets(1, List.of(30, 60, 90, 180, 365));

    @Test
    void theDefaultBucketsAreNotYetDueThenFiveBoundsThenOver365() {
        assertThat(defaults.codes()).containsExactly("NOT_DUE", "1_30", "31_60", "61_90", "91_180", "181_365", "OVER_365");
    }

    @Test
    void boundariesFallIntoTheRightBucket() {
        assertThat(defaults.index(-5)).isZero();
        assertThat(defaults.index(0)).isZero();
        assertThat(defaults.index(1)).isEqualTo(1);
        assertThat(defaults.index(30)).isEqualTo(1);
        assertThat(defaults.index(31)).isEqualTo(2);
        assertThat(defaults.index(60)).isEqualTo(2);
        assertThat(defaults.index(61)).isEqualTo(3);
        assertThat(defaults.index(181)).isEqualTo(5);
        assertThat(defaults.index(365)).isEqualTo(5);
        assertThat(defaults.index(366)).isEqualTo(6);
    }

    @Test
    void thresholdsAreTheEarliestDueDateOfEachBucket() {
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        List<LocalDate> t = defaults.thresholds(asOf);
        assertThat(t).containsExactly(asOf, asOf.minusDays(30), asOf.minusDays(60), asOf.minusDays(90), asOf.minusDays(180),
                asOf.minusDays(365));
        // a due date exactly 30 days back is in 1_30 (on or after the threshold of index 1, before index 0)
        LocalDate due = asOf.minusDays(30);
        int index = 0;
        while (index < t.size() && due.isBefore(t.get(index))) {
            index++;
        }
        assertThat(index).isEqualTo(defaults.index(30));
    }

    @Test
    void unorderedOrRepeatedBoundsAreSortedOnce() {
        AgingBuckets odd = new AgingBuckets(2, List.of(90, 30, 30, 60, 365));
        assertThat(odd.codes()).containsExactly("NOT_DUE", "1_30", "31_60", "61_90", "91_365", "OVER_365");
    }
}
