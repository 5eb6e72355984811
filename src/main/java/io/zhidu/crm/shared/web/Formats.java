package io.zhidu.crm.shared.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Display formats used by every screen ({@code ${@formats.dateTime(x)}}): dates YYYY-MM-DD,
 * times in the company's zone, amounts ¥1,234,567.00 or 123.46 万元.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i.atZone(clock.getZone()));
    }

    public String yuan(BigDecimal amount) {
        return amount == null ? "" : "¥" + new DecimalFormat("#,##0.00").format(amount);
    }

    public String wan(BigDecimal amount) {
        return amount == null ? "" : new DecimalFormat("#,##0.00").format(amount.movePointLeft(4));
    }
}
