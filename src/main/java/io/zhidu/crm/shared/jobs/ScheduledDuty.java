package io.zhidu.crm.shared.jobs;

import java.time.LocalDate;

/**
 * A duty the scheduler runs (report deadlines, protection expiry, ...). Each is run at most once
 * at a time across all nodes, on its cron schedule in the company's zone, or on demand by an
 * admin. {@link #run(LocalDate)} must be idempotent for a business date and commit its work in
 * units (one transaction per unit), so a failed run never half-applies and is simply retried.
 */
public interface ScheduledDuty {

    /** Stable kebab-case name, used in the API ({@code /api/v1/admin/jobs/{name}/run}). */
    String name();

    /** Spring cron expression (second minute hour day month weekday) in the company's zone. */
    String cron();

    /** Message key of a short description for the admin screen. */
    String descriptionKey();

    /**
     * Does all the work due up to and including the given business date (the date may jump ahead
     * when an admin moves the demo clock: nothing due in between may be skipped); returns a
     * one-line summary of what it did.
     */
    String run(LocalDate businessDate);
}
