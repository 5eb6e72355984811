package io.zhidu.crm.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The CSV that BulkInsert hands to PostgreSQL's COPY: what it must read back as the same values. */
class BulkInsertTest {

    enum Colour { RED }

    private static String csv(Object value) {
        StringBuilder out = new StringBuilder();
        BulkInsert.csv(out, value);
        return out.toString();
    }

    @Test
    void nullIsAnUnquotedEmptyFieldAndTheEmptyStringIsQuoted() {
        assertThat(csv(null)).isEmpty();
        assertThat(csv("")).isEqualTo("\"\"");
    }

    @Test
    void textIsQuotedWithItsQuotesDoubledSoCommasQuotesAndLineBreaksSurvive() {
        assertThat(csv("甲,乙 \"丙\"\n丁")).isEqualTo("\"甲,乙 \"\"丙\"\"\n丁\"");
        assertThat(csv(Colour.RED)).isEqualTo("\"RED\"");
    }

    @Test
    void numbersDatesAndBooleansAreTheirPlainText() {
        assertThat(csv(new BigDecimal("1E+7"))).isEqualTo("10000000");
        assertThat(csv(new BigDecimal("-0.50"))).isEqualTo("-0.50");
        assertThat(csv(42L)).isEqualTo("42");
        assertThat(csv(true)).isEqualTo("true");
        assertThat(csv(LocalDate.of(2026, 2, 3))).isEqualTo("2026-02-03");
        assertThat(csv(OffsetDateTime.of(2026, 2, 3, 4, 5, 6, 7000, ZoneOffset.UTC))).isEqualTo("2026-02-03T04:05:06.000007Z");
    }
}
