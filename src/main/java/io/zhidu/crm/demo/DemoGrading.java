package io.zhidu.crm.demo;

import io.zhidu.crm.approval.Approvals;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.CustomerGrades;
import io.zhidu.crm.grading.GradingRun;
import io.zhidu.crm.grading.GradingRuns;
import io.zhidu.crm.grading.Proposal;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Grading for the demo (issue #7 item 9), through the real services, after the demo's contracts
 * and money committed: the business-dept manager rates the strategic influence of about two in
 * five customers; last quarter's run (as of 90 days ago) is reviewed — where the computed grades
 * leave a grade out, the manager raises the best-scoring customers with a reason, so every grade
 * A–D is in force — submitted and approved by the VP; this quarter's run (as of today) is computed,
 * reviewed (one change with a reason) and submitted, waiting for the VP.
 */
@Component
@Order(7)
class DemoGrading implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGrading.class);
    static final int PREVIOUS_RUN_DAYS_AGO = 90;

    private final DemoCompany company;
    private final CustomerGrades grades;
    private final GradingRuns runs;
    private final Approvals approvals;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DemoGrading(DemoCompany company, CustomerGrades grades, GradingRuns runs, Approvals approvals, Staff staff, JdbcClient jdbc,
                BusinessClock clock) {
        this.company = company;
        this.grades = grades;
        this.runs = runs;
        this.approvals = approvals;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!company.loadedNow()) {
            return;
        }
        long started = System.nanoTime();
        DataScope bizmgr = DataScope.everything(staff.byUsername("bizmgr").orElseThrow().id());
        long vp = staff.byUsername("vp").orElseThrow().id();
        rateInfluence(bizmgr);

        GradingRun previous = runs.computeAll(runs.start(bizmgr.userId(), clock.today().minusDays(PREVIOUS_RUN_DAYS_AGO)).id());
        everyGrade(bizmgr, previous.id());
        runs.acceptAll(bizmgr, previous.id(), null, null);
        long approval = runs.submit(bizmgr, previous.id());
        approvals.approve(approval, vp, "同意，按评审结果执行");
        // the approval puts the grades into effect after its commit (the run's listener); the next run waits for that
        for (int i = 0; i < 600 && runs.run(previous.id()).status() == GradingRun.Status.SUBMITTED; i++) {
            pause();
        }

        GradingRun current = runs.computeAll(runs.start(bizmgr.userId(), clock.today()).id());
        List<Proposal> proposals = proposals(bizmgr, current.id());
        // one proposal kept at the grade in force, with the reviewer's reason (a downgrade if any, else an upgrade)
        proposals.stream().filter(p -> p.direction() != Proposal.Direction.SAME && p.currentGrade() != null)
                .min(Comparator.comparing((Proposal p) -> p.direction() != Proposal.Direction.DOWN).thenComparingLong(Proposal::customerId))
                .ifPresent(p -> runs.review(bizmgr, current.id(), p.id(), p.currentGrade().name(), p.currentCategory().name(),
                        p.direction() == Proposal.Direction.DOWN ? "客户新签订单在谈，本年度暂维持原等级" : "回款记录尚短，暂维持原等级，下年度再评"));
        runs.acceptAll(bizmgr, current.id(), null, null);
        long pending = runs.submit(bizmgr, current.id());
        log.info("Demo grading: run {} approved, run {} waiting for the VP (approval {}) in {} ms", previous.id(), current.id(),
                pending, (System.nanoTime() - started) / 1_000_000);
    }

    /** 4, 3 or 1 points for about two in five customers (by id, so every demo looks the same). */
    private void rateInfluence(DataScope bizmgr) {
        List<Long> ids = jdbc.sql("SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id").query(Long.class).list();
        for (long id : ids) {
            switch ((int) (id % 5)) {
                case 0 -> grades.rateInfluence(bizmgr, id, 4, "行业龙头，区域标杆客户");
                case 1 -> grades.rateInfluence(bizmgr, id, id % 2 == 0 ? 3 : 1, id % 2 == 0 ? "区域内有一定影响力" : "影响力有限");
                default -> {
                }
            }
        }
    }

    /** Where the computed grades leave a grade out, the reviewer raises the best-scoring customers to it, with a reason. */
    private void everyGrade(DataScope bizmgr, long runId) {
        List<Proposal> all = new ArrayList<>(proposals(bizmgr, runId));
        Set<Grade> present = EnumSet.noneOf(Grade.class);
        all.forEach(p -> present.add(p.computedGrade()));
        all.sort(Comparator.comparingInt(Proposal::total).reversed().thenComparingLong(Proposal::customerId));
        int next = 0;
        for (Grade g : Grade.values()) {
            if (!present.contains(g) && next < all.size()) {
                Proposal p = all.get(next++);
                runs.review(bizmgr, runId, p.id(), g.name(), p.computedCategory().name(), "集团战略合作客户，经业务部评议调整等级");
            }
        }
    }

    private List<Proposal> proposals(DataScope scope, long runId) {
        List<Proposal> out = new ArrayList<>();
        List<Proposal> page;
        long after = 0;
        while (!(page = runs.proposals(scope, runId, null, null, null, after)).isEmpty()) {
            out.addAll(page);
            after = page.get(page.size() - 1).customerId();
        }
        return out;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
