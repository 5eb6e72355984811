package io.zhidu.crm.demo;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.ownership.Declarations;
import io.zhidu.crm.ownership.DevelopmentPlans;
import io.zhidu.crm.policy.PolicyDocuments;
import io.zhidu.crm.policy.PolicyForms;
import io.zhidu.crm.policy.PolicyManagement;
import io.zhidu.crm.policy.PolicySubmission;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Declarations in every state for the demo (seed O-21): the demo customers' prospects were
 * declared when registered; here some are dated back so that a few end this week, some ended and
 * wait for their director, some went back to the public pool through the real expiry duty; one is
 * given up, one handed out as a lead; a few dormant customers are in the pool; two offices have
 * development plans; and a policy revision waits in the GM's approval inbox.
 */
@Component
class DemoOwnership {

    private final Declarations declarations;
    private final DevelopmentPlans plans;
    private final PolicyManagement policy;
    private final PolicySubmission submission;
    private final List<ScheduledDuty> duties;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DemoOwnership(Declarations declarations, DevelopmentPlans plans, PolicyManagement policy, PolicySubmission submission,
                  List<ScheduledDuty> duties, Staff staff, JdbcClient jdbc, BusinessClock clock) {
        this.declarations = declarations;
        this.plans = plans;
        this.policy = policy;
        this.submission = submission;
        this.duties = duties;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void load() {
        LocalDate today = clock.today();
        LocalDate twoMonthsAgo = today.minusMonths(2);
        for (String sales : List.of("sales1", "sales2", "sales3", "sales4", "sales5")) {
            List<Long> held = protectedCustomersOf(id(sales));
            // two end this week, one ended two days ago (waits for the director), one ended ten days ago (back to the pool)
            date(held, 0, twoMonthsAgo.plusDays(2));
            date(held, 1, twoMonthsAgo.plusDays(5));
            date(held, 2, twoMonthsAgo.minusDays(2));
            date(held, 3, twoMonthsAgo.minusDays(10));
        }
        ScheduledDuty expiry = duties.stream().filter(d -> d.name().equals("protection-expiry")).findFirst().orElseThrow();
        expiry.run(today.minusDays(7));
        expiry.run(today);

        long sales1 = id("sales1");
        declarations.release(DataScope.ownOnly(sales1), protectedCustomersOf(sales1).get(4), false);
        DataScope manager = DataScope.everything(id("bizmgr"));
        long lead = protectedCustomersOf(id("sales2")).get(4);
        declarations.transfer(manager, new Declarations.Transfer(List.of(lead), null, List.of(sales1), true));
        for (Map.Entry<Long, Long> dormant : dormantCustomers().entrySet()) {
            declarations.release(DataScope.ownOnly(dormant.getValue()), dormant.getKey(), false);
        }

        long director1 = id("director1");
        long director2 = id("director2");
        plans.add(DataScope.everything(director1), new DevelopmentPlans.Form(null, "上海申通精密机械有限公司", null, id("sales2"),
                today.plusMonths(1), "展会结识，已约技术交流"));
        plans.add(DataScope.everything(director1), new DevelopmentPlans.Form(null, "苏州华锐新材料有限公司", null, sales1,
                today.minusDays(5), "报价已发，待回复"));
        plans.add(DataScope.everything(director2), new DevelopmentPlans.Form(null, "深圳海博智能科技有限公司", null, id("sales3"),
                today.plusMonths(2), null));

        long bizmgr = id("bizmgr");
        PolicyDocuments.Summary draft = policy.draft(new PolicyForms.Draft("v" + (today.getYear() + 1) + "-01",
                LocalDate.of(today.getYear() + 1, 1, 1), "保护期延长至 3 个月，拜访也可续期"), bizmgr);
        policy.revise(draft.id(), draft.version(), new PolicyForms.Draft(draft.label(), draft.effectiveFrom(), draft.note()),
                Map.of("protection.period-months", "3", "protection.renewing-progress", "VISIT,CONTRACT_SIGNED"));
        submission.submit(draft.id(), bizmgr);
    }

    private void date(List<Long> customers, int index, LocalDate startsOn) {
        if (index < customers.size()) {
            declarations.correctStart(customers.get(index), startsOn);
        }
    }

    /** The owner's open protections, oldest customer first (demo seeding reads the tables directly). */
    private List<Long> protectedCustomersOf(long ownerId) {
        return jdbc.sql("SELECT customer_id FROM protection WHERE owner_id = ? AND status = 'ACTIVE' ORDER BY customer_id")
                .param(ownerId).query(Long.class).list();
    }

    /** A few dormant customers per office, to fill the pool: customer → owner. */
    private Map<Long, Long> dormantCustomers() {
        Map<Long, Long> found = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.owner_id FROM customer c
                WHERE c.stage IN ('DORMANT', 'LOST') AND c.owner_id IS NOT NULL AND c.id % 4 = 0 ORDER BY c.id""")
                .query(rs -> {
                    found.put(rs.getLong(1), rs.getLong(2));
                });
        return found;
    }

    private long id(String username) {
        return staff.byUsername(username).orElseThrow().id();
    }
}
