package io.zhidu.crm.grading;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Duty {@code grading-year-end} (6.1.2-3): in the policy's run month it opens the year's grading run
 * (as of the business date) unless one was made that month, and on any day it finishes a run left
 * unfinished by a crash, from its last batch.
 */
@Component
class GradingYearEnd implements ScheduledDuty {

    private final GradingRuns runs;
    private final GradingRecords records;
    private final Policies policies;

    GradingYearEnd(GradingRuns runs, GradingRecords records, Policies policies) {
        this.runs = runs;
        this.records = records;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "grading-year-end";
    }

    @Override
    public String cron() {
        return "0 15 1 * * *";
    }

    @Override
    public String descriptionKey() {
        return "grading.duty.yearEnd";
    }

    @Override
    public String run(LocalDate businessDate) {
        var open = records.openRun();
        if (open.isPresent() && open.get().status() == GradingRun.Status.RUNNING) {
            GradingRun done = runs.computeAll(open.get().id());
            return "resumed run " + done.id() + ": " + done.processed() + " customers, " + done.status();
        }
        int month = GradingPolicy.of(policies.on(businessDate)).runMonth();
        if (businessDate.getMonthValue() != month || open.isPresent()) {
            return open.isPresent() ? "run " + open.get().id() + " is " + open.get().status() : "not the run month";
        }
        LocalDate first = businessDate.withDayOfMonth(1);
        if (records.anyRunOn(first, first.plusMonths(1).minusDays(1))) {
            return "this year's run exists";
        }
        GradingRun run = runs.computeAll(runs.start(null, businessDate).id());
        return "run " + run.id() + ": " + run.processed() + " customers, " + run.status();
    }
}
