package io.zhidu.crm.credit;

import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * Duty {@code credit-review} (6.2.4-5(3)): in the policy's review months (default June and
 * December) it opens the month's review round unless the month has one, and on any day it
 * finishes a round left unfinished by a crash, from its last batch.
 */
@Component
class CreditReviewDuty implements ScheduledDuty {

    private final CreditReviews reviews;
    private final CreditReviewRecords records;
    private final Policies policies;

    CreditReviewDuty(CreditReviews reviews, CreditReviewRecords records, Policies policies) {
        this.reviews = reviews;
        this.records = records;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "credit-review";
    }

    @Override
    public String cron() {
        return "0 30 1 * * *";
    }

    @Override
    public String descriptionKey() {
        return "creditreview.duty";
    }

    @Override
    public String run(LocalDate businessDate) {
        var open = records.openReview();
        if (open.isPresent() && open.get().status() == CreditReview.Status.RUNNING) {
            CreditReview done = reviews.computeAll(open.get().id());
            return "resumed round " + done.id() + ": " + done.processed() + " customers, " + done.status();
        }
        if (!CreditReviewPolicy.of(policies.on(businessDate)).reviewMonth(businessDate.getMonthValue())) {
            return "not a review month";
        }
        String period = YearMonth.from(businessDate).toString();
        if (records.periodTaken(period)) {
            return "the round of " + period + " exists";
        }
        if (open.isPresent()) {
            return "round " + open.get().id() + " is " + open.get().status();
        }
        CreditReview round = reviews.computeAll(reviews.start(null, period).id());
        return "round " + round.id() + " of " + period + ": " + round.processed() + " customers, " + round.status();
    }
}
