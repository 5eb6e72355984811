package io.zhidu.crm.ownership;

import io.zhidu.crm.customer.Customer;
import io.zhidu.crm.customer.CustomerManagement;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily protection duty ({@code protection-expiry}, seed O-21), for the business date:
 * <ol>
 *   <li>warns owner and director once, {@code warning-days} before a protection ends;</li>
 *   <li>expires protections whose last day has passed: they wait {@code grace-days} for the
 *       director to reassign them (both are told), or with no grace go straight to the pool;</li>
 *   <li>returns customers whose grace ran out to the public pool; the previous owner then cools
 *       off before declaring them again.</li>
 * </ol>
 * One transaction per protection: a failure leaves the others done and is retried next run;
 * re-running for the same date changes nothing.
 */
@Component
class ProtectionExpiry implements ScheduledDuty {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Protections protections;
    private final ProtectionLog log;
    private final Policies policies;
    private final CustomerManagement customers;
    private final OwnershipNotices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ProtectionExpiry(JdbcClient jdbc, Protections protections, ProtectionLog log, Policies policies,
                     CustomerManagement customers, OwnershipNotices notices, ApplicationEventPublisher events,
                     PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.protections = protections;
        this.log = log;
        this.policies = policies;
        this.customers = customers;
        this.notices = notices;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "protection-expiry";
    }

    @Override
    public String cron() {
        return "0 30 0 * * *";
    }

    @Override
    public String descriptionKey() {
        return "job.protection-expiry";
    }

    @Override
    public String run(LocalDate today) {
        ProtectionRules rules = ProtectionRules.of(policies.on(today));
        int warned = each("status = 'ACTIVE' AND warned_on IS NULL AND ends_on >= ? AND ends_on <= ?",
                List.of(today, today.plusDays(rules.warningDays())), p -> warn(p, today));
        int expired = each("status = 'ACTIVE' AND ends_on < ?", List.of(today), p -> expire(p, today, rules));
        int lapsed = each("status = 'EXPIRED' AND expired_on <= ?", List.of(today.minusDays(rules.graceDays())),
                p -> lapse(p, today));
        return "warned " + warned + ", expired " + expired + ", returned to pool " + lapsed + " (policy " + rules.versionId() + ")";
    }

    /** Applies {@code act} to every protection matching {@code where}, each in its own transaction; returns how many acted. */
    private int each(String where, List<Object> params, Function<Protection, Boolean> act) {
        int done = 0;
        long after = 0;
        while (true) {
            List<Object> all = new java.util.ArrayList<>(params);
            all.add(after);
            all.add(BATCH);
            List<Long> ids = jdbc.sql("SELECT id FROM protection WHERE " + where + " AND id > ? ORDER BY id LIMIT ?")
                    .params(all).query(Long.class).list();
            if (ids.isEmpty()) {
                return done;
            }
            for (Long id : ids) {
                Boolean acted = tx.execute(s -> protections.findById(id).map(act).orElse(false));
                if (Boolean.TRUE.equals(acted)) {
                    done++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private boolean warn(Protection p, LocalDate today) {
        if (p.getStatus() != Protection.Status.ACTIVE || p.getWarnedOn() != null) {
            return false;
        }
        p.warned(today);
        protections.flush();
        log.record(p.getId(), ProtectionLog.Kind.WARNED, CurrentActor.SYSTEM, p.getEndsOn(), null);
        notices.tell(notices.ownerAndDirector(p.getOwnerId()), OwnershipNotices.EXPIRING, "ownership.notice.expiring",
                p.getCustomerId(), name(p), notices.nameOf(p.getOwnerId()), p.getEndsOn().toString());
        return true;
    }

    private boolean expire(Protection p, LocalDate today, ProtectionRules rules) {
        if (p.getStatus() != Protection.Status.ACTIVE || !p.getEndsOn().isBefore(today)) {
            return false;
        }
        p.expire(today);
        protections.flush();
        log.record(p.getId(), ProtectionLog.Kind.EXPIRED, CurrentActor.SYSTEM, p.getEndsOn(), "policy " + rules.versionId());
        events.publishEvent(new OwnershipChanged(CurrentActor.SYSTEM, "PROTECTION_EXPIRED", p.getCustomerId(),
                "ended " + p.getEndsOn() + ", grace " + rules.graceDays() + " days (policy " + rules.versionId() + ")"));
        if (rules.graceDays() == 0) {
            lapse(p, today);
        } else {
            notices.tell(notices.ownerAndDirector(p.getOwnerId()), OwnershipNotices.EXPIRED, "ownership.notice.expired",
                    p.getCustomerId(), name(p), notices.nameOf(p.getOwnerId()),
                    today.plusDays(rules.graceDays()).toString());
        }
        return true;
    }

    private boolean lapse(Protection p, LocalDate today) {
        if (p.getStatus() != Protection.Status.EXPIRED) {
            return false;
        }
        p.close(Protection.Status.LAPSED, today, CurrentActor.SYSTEM);
        protections.flush();
        log.record(p.getId(), ProtectionLog.Kind.RETURNED_TO_POOL, CurrentActor.SYSTEM, null, null);
        customers.load(p.getCustomerId()).filter(c -> !c.isDeleted())
                .ifPresent(c -> customers.assignOwner(c.getId(), null, "PROTECTION_LAPSED"));
        events.publishEvent(new OwnershipChanged(CurrentActor.SYSTEM, "CUSTOMER_RETURNED_TO_POOL", p.getCustomerId(),
                "previous owner " + p.getOwnerId()));
        notices.tell(notices.ownerAndDirector(p.getOwnerId()), OwnershipNotices.EXPIRED, "ownership.notice.pooled",
                p.getCustomerId(), name(p), notices.nameOf(p.getOwnerId()));
        return true;
    }

    private String name(Protection p) {
        return customers.load(p.getCustomerId()).map(Customer::getName).orElse("#" + p.getCustomerId());
    }
}
