package io.zhidu.crm.scheduling;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import io.zhidu.crm.shared.web.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: scheduled jobs (list, run now) and the business clock. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminOperationsApiController {

    private final Duties duties;
    private final BusinessClock clock;
    private final ClockOffsetStore offsets;
    private final ApplicationEventPublisher events;

    AdminOperationsApiController(Duties duties, BusinessClock clock, ClockOffsetStore offsets,
                                 ApplicationEventPublisher events) {
        this.duties = duties;
        this.clock = clock;
        this.offsets = offsets;
        this.events = events;
    }

    record ClockState(LocalDate today, long offsetDays, boolean adjustable) {
    }

    record ClockChange(@NotNull LocalDate today) {
    }

    @GetMapping("/jobs")
    @RequiresPermission("system:jobs")
    List<Duties.JobInfo> jobs() {
        return duties.overview();
    }

    @PostMapping("/jobs/{name}/run")
    @RequiresPermission("system:jobs")
    Duties.Run run(@PathVariable String name) {
        Duties.Run run = duties.run(name, Duties.Trigger.MANUAL);
        events.publishEvent(new OperationAudited(CurrentActor.username(), "JOB_RUN", "JOB", name, run.outcome() + " " + run.message()));
        return run;
    }

    @GetMapping("/clock")
    @RequiresPermission("system:clock")
    ClockState clock() {
        return new ClockState(clock.today(), clock.offsetDays(), clock.isAdjustable());
    }

    @PutMapping("/clock")
    @RequiresPermission("system:clock")
    ClockState setClock(@Valid @RequestBody ClockChange change) {
        if (!clock.isAdjustable()) {
            throw DomainException.conflict("clock.notAdjustable");
        }
        LocalDate before = clock.today();
        offsets.setToday(change.today());
        events.publishEvent(new OperationAudited(CurrentActor.username(), "CLOCK_SET", null, null, before + " → " + change.today()));
        return clock();
    }
}
