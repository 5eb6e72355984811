package io.zhidu.crm.scheduling;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.jobs.ScheduledDuty;
import io.zhidu.crm.shared.time.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.ClockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * All scheduled duties by name, and the one way to run them: under a cluster-wide lock, for the
 * current business date, with the run and its outcome recorded. A failure is logged and recorded;
 * the duty simply runs again at its next time (duties are idempotent by contract).
 */
@Service
public class Duties {

    private static final Logger log = LoggerFactory.getLogger(Duties.class);
    static final Duration MAX_RUN = Duration.ofHours(2);
    static final Duration MIN_HOLD = Duration.ofSeconds(30);

    /** How a run was started. */
    public enum Trigger {
        SCHEDULE, MANUAL
    }

    /** How a run ended. SKIPPED: another node was running it (not recorded). */
    public enum Outcome {
        RUNNING, SUCCEEDED, FAILED, SKIPPED
    }

    /** One run of a job (serializable: shown once after a redirect, through the session). */
    public record Run(long id, String job, Instant startedAt, Instant finishedAt, LocalDate businessDate,
                      Trigger trigger, Outcome outcome, String message) implements java.io.Serializable {
    }

    public record JobInfo(String name, String cron, String descriptionKey, Instant nextRun, Run lastRun) {
    }

    private final Map<String, ScheduledDuty> duties;
    private final LockingTaskExecutor locks;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    Duties(List<ScheduledDuty> duties, LockProvider lockProvider, JdbcClient jdbc, BusinessClock clock) {
        this.duties = duties.stream().collect(Collectors.toMap(ScheduledDuty::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two scheduled duties named " + a.name());
                }, java.util.TreeMap::new));
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ScheduledDuty> all() {
        return List.copyOf(duties.values());
    }

    public List<JobInfo> overview() {
        return duties.values().stream().map(d -> new JobInfo(d.name(), d.cron(), d.descriptionKey(), nextRun(d),
                lastRun(d.name()).orElse(null))).toList();
    }

    /**
     * Runs the named duty now for today's business date.
     *
     * @throws DomainException NOT_FOUND for an unknown name
     */
    public Run run(String name, Trigger trigger) {
        ScheduledDuty duty = duties.get(name);
        if (duty == null) {
            throw DomainException.notFound();
        }
        LocalDate today = clock.today();
        long[] runId = {0};
        LockingTaskExecutor.TaskResult<Run> result;
        try {
            // the lock runs on real time (ShedLock's clock), never on the adjustable business clock;
            // scheduled runs hold it a little longer so nodes with slightly different clocks do not both run
            result = locks.executeWithLock(() -> {
                runId[0] = start(name, today, trigger);
                String message = duty.run(today);
                finish(runId[0], Outcome.SUCCEEDED, message);
                return lastRun(name).orElseThrow();
            }, new LockConfiguration(ClockProvider.now(), name, MAX_RUN,
                    trigger == Trigger.SCHEDULE ? MIN_HOLD : Duration.ZERO));
        } catch (Throwable e) {
            log.error("Scheduled duty {} failed for {}", name, today, e);
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (runId[0] == 0) {
                runId[0] = start(name, today, trigger);
            }
            finish(runId[0], Outcome.FAILED, message);
            return lastRun(name).orElseThrow();
        }
        if (!result.wasExecuted()) {
            // another node holds the lock: nothing is recorded here, its own run tells the outcome
            return new Run(0, name, ClockProvider.now(), null, today, trigger, Outcome.SKIPPED, "running on another node");
        }
        return result.getResult();
    }

    Instant nextRun(ScheduledDuty d) {
        // cron triggers fire on real time
        var next = CronExpression.parse(d.cron()).next(ClockProvider.now().atZone(clock.getZone()));
        return next == null ? null : next.toInstant();
    }

    Optional<Run> lastRun(String name) {
        return jdbc.sql("""
                        SELECT id, job_name, started_at, finished_at, business_date, trigger_kind, outcome, message
                        FROM job_run WHERE job_name = ? ORDER BY id DESC LIMIT 1""")
                .param(name)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("job_name"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getObject("business_date", LocalDate.class), Trigger.valueOf(rs.getString("trigger_kind")),
                        Outcome.valueOf(rs.getString("outcome")), rs.getString("message")))
                .optional();
    }

    private long start(String name, LocalDate today, Trigger trigger) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO job_run (job_name, started_at, business_date, trigger_kind, outcome) VALUES (?, ?, ?, ?, ?)")
                .params(name, now, today, trigger.name(), Outcome.RUNNING.name()).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private void finish(long runId, Outcome outcome, String message) {
        jdbc.sql("UPDATE job_run SET finished_at = ?, outcome = ?, message = ? WHERE id = ?")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), outcome.name(),
                        message == null ? null : message.substring(0, Math.min(message.length(), 2000)), runId)
                .update();
    }
}
