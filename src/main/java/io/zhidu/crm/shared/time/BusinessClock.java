package io.zhidu.crm.shared.time;

import io.zhidu.crm.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of the application. Business dates are {@link LocalDate}s in the company's zone.
 * When adjustable (demo mode and tests only) an admin may move the business date: the clock then
 * runs at the real pace, shifted by whole days. Nothing else in the code reads the wall clock.
 */
public class BusinessClock extends Clock {

    /** How far the business date may be moved from the real date. */
    public static final int MAX_SHIFT_YEARS = 10;

    private final Clock base;
    private final ZoneId zone;
    private final boolean adjustable;
    private final AtomicLong offsetDays = new AtomicLong();

    public BusinessClock(Clock base, ZoneId zone, boolean adjustable) {
        this.base = base;
        this.zone = zone;
        this.adjustable = adjustable;
    }

    public boolean isAdjustable() {
        return adjustable;
    }

    /** Today's business date in the company's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    /**
     * Moves the business date to {@code today}, keeping the time of day.
     *
     * @throws IllegalStateException when the clock is not adjustable (production)
     * @throws DomainException       on field {@code today} when it is more than
     *                               {@value #MAX_SHIFT_YEARS} years from the real date
     */
    public void setToday(LocalDate today) {
        if (!adjustable) {
            throw new IllegalStateException("business clock is not adjustable");
        }
        LocalDate real = LocalDate.ofInstant(base.instant(), zone);
        if (today.isBefore(real.minusYears(MAX_SHIFT_YEARS)) || today.isAfter(real.plusYears(MAX_SHIFT_YEARS))) {
            throw DomainException.invalid("today", "clock.outOfRange", MAX_SHIFT_YEARS);
        }
        offsetDays.set(today.toEpochDay() - real.toEpochDay());
    }

    /** Days the business date stands ahead (positive) or behind the real date. */
    public long offsetDays() {
        return offsetDays.get();
    }

    /** Restores a persisted offset (used at start-up and when another node changed it). */
    public void restoreOffset(long days) {
        if (adjustable) {
            offsetDays.set(days);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(this, Duration.ZERO).withZone(zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(Duration.ofDays(offsetDays.get()));
    }
}
