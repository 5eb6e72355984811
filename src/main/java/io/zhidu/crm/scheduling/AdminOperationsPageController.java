package io.zhidu.crm.scheduling;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.time.ClockOffsetStore;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.RequiresPermission;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens: scheduled jobs with last/next run and "run now"; the business date. */
@ScreenController
class AdminOperationsPageController {

    private final Duties duties;
    private final BusinessClock clock;
    private final ClockOffsetStore offsets;
    private final ApplicationEventPublisher events;

    AdminOperationsPageController(Duties duties, BusinessClock clock, ClockOffsetStore offsets,
                                  ApplicationEventPublisher events) {
        this.duties = duties;
        this.clock = clock;
        this.offsets = offsets;
        this.events = events;
    }

    @GetMapping("/admin/jobs")
    @RequiresPermission("system:jobs")
    String jobs(Model model) {
        model.addAttribute("jobs", duties.overview());
        return "jobs";
    }

    @PostMapping("/admin/jobs/{name}/run")
    @RequiresPermission("system:jobs")
    String run(@PathVariable String name, RedirectAttributes redirect) {
        Duties.Run run = duties.run(name, Duties.Trigger.MANUAL);
        events.publishEvent(new OperationAudited(CurrentActor.username(), "JOB_RUN", "JOB", name, run.outcome() + " " + run.message()));
        redirect.addFlashAttribute("lastRun", run);
        return "redirect:/admin/jobs";
    }

    @GetMapping("/admin/clock")
    @RequiresPermission("system:clock")
    String clock(Model model) {
        return clockPage(model, clock.today().toString(), null);
    }

    /** The clock page, with what the admin typed kept and the reason it was refused, if any. */
    private String clockPage(Model model, String input, String error) {
        model.addAttribute("today", clock.today());
        model.addAttribute("offsetDays", clock.offsetDays());
        model.addAttribute("adjustable", clock.isAdjustable());
        model.addAttribute("input", input);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "clock";
    }

    @PostMapping("/admin/clock")
    @RequiresPermission("system:clock")
    String setClock(@RequestParam(defaultValue = "") String today, Model model, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            return clockPage(model, today, "clock.badDate");
        }
        if (!clock.isAdjustable()) {
            redirect.addFlashAttribute("error", "clock.notAdjustable");
            return "redirect:/admin/clock";
        }
        LocalDate before = clock.today();
        try {
            offsets.setToday(date);
        } catch (DomainException e) {
            return clockPage(model, today, "clock.outOfRange");
        }
        events.publishEvent(new OperationAudited(CurrentActor.username(), "CLOCK_SET", null, null, before + " → " + date));
        redirect.addFlashAttribute("flash", "clock.changed");
        return "redirect:/admin/clock";
    }

    @Bean
    static NavItem jobsNavItem() {
        return new NavItem(NavGroup.SYSTEM, "nav.jobs", "/admin/jobs", "clock-history", "system:jobs", 40);
    }

    @Bean
    static NavItem clockNavItem() {
        return new NavItem(NavGroup.SYSTEM, "nav.clock", "/admin/clock", "calendar-event", "system:clock", 50);
    }
}
