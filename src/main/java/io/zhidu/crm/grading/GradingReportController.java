package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grading figures (issue #7 items 3 and 7): the grade distribution and the migration between
 * two dates with their Excel exports (grading:read, inside the data scope), and the what-if of a
 * draft policy (grading:rate: the business-dept manager, the VP and the GM who approve drafts).
 */
@ScreenController
class GradingReportController {

    private final GradingReports reports;
    private final GradingPreviews previews;
    private final Policies policies;
    private final StaffDirectory directory;
    private final BusinessClock clock;
    private final MessageSource messages;

    GradingReportController(GradingReports reports, GradingPreviews previews, Policies policies, StaffDirectory directory,
                            BusinessClock clock, MessageSource messages) {
        this.reports = reports;
        this.previews = previews;
        this.policies = policies;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
    }

    @Bean
    static NavItem gradingReportsNavItem() {
        return new NavItem(NavGroup.ANALYTICS, "grading.nav.reports", "/grading/distribution", "grid-3x3", "grading:read", 40);
    }

    // ---- distribution

    @GetMapping("/grading/distribution")
    @RequiresPermission("grading:read")
    String distribution(DataScope scope, @RequestParam(required = false) String officeId, Model model) {
        Long office = longOrNull(officeId);
        model.addAttribute("distribution", reports.distribution(scope, office));
        model.addAttribute("officeId", office);
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("grades", grades());
        model.addAttribute("categories", Category.values());
        return "grading-distribution";
    }

    @GetMapping("/grading/distribution/export")
    @RequiresPermission("grading:read")
    void exportDistribution(DataScope scope, @RequestParam(required = false) String officeId, Locale locale,
                            HttpServletResponse response) throws IOException {
        GradingReports.Distribution d = reports.distribution(scope, longOrNull(officeId));
        List<String> headers = new ArrayList<>(List.of(msg("grading.col.grade", locale)));
        for (Category c : Category.values()) {
            headers.add(msg(c.labelKey(), locale));
        }
        headers.add(msg("grading.report.total", locale));
        try (XlsxExport x = new XlsxExport(msg("grading.distribution.title", locale), headers)) {
            for (Grade g : grades()) {
                List<Object> row = new ArrayList<>(List.of(gradeLabel(g, locale)));
                for (Category c : Category.values()) {
                    row.add(d.count(g, c));
                }
                row.add(d.row(g));
                x.row(row.toArray());
            }
            send(x, response, "grade-distribution-" + clock.today() + ".xlsx");
        }
    }

    // ---- migration

    @GetMapping("/grading/migration")
    @RequiresPermission("grading:read")
    String migration(DataScope scope, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String officeId, @RequestParam(defaultValue = "0") long after, Model model) {
        Long office = longOrNull(officeId);
        LocalDate[] period = period(from, to, model);
        model.addAttribute("migration", reports.migration(scope, period[0], period[1], office));
        List<GradingReports.Moved> moved = reports.moved(scope, period[0], period[1], office, after, GradingReports.PAGE);
        model.addAttribute("moved", moved);
        model.addAttribute("next", moved.size() == GradingReports.PAGE ? moved.get(moved.size() - 1).customerId() : null);
        model.addAttribute("officeId", office);
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("grades", grades());
        return "grading-migration";
    }

    @GetMapping("/grading/migration/export")
    @RequiresPermission("grading:read")
    void exportMigration(DataScope scope, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String officeId, Locale locale, HttpServletResponse response)
            throws IOException {
        Long office = longOrNull(officeId);
        LocalDate[] period = period(from, to, null);
        GradingReports.Migration m = reports.migration(scope, period[0], period[1], office);
        List<String> headers = new ArrayList<>(List.of(msg("grading.migration.fromTo", locale, period[0], period[1])));
        for (Grade g : grades()) {
            headers.add(gradeLabel(g, locale));
        }
        try (XlsxExport x = new XlsxExport(msg("grading.migration.title", locale), headers)) {
            for (Grade f : grades()) {
                List<Object> row = new ArrayList<>(List.of(gradeLabel(f, locale)));
                for (Grade t : grades()) {
                    row.add(m.cell(f, t));
                }
                x.row(row.toArray());
            }
            var sheet = x.sheet(msg("grading.migration.moved", locale), List.of(msg("grading.col.customer", locale),
                    msg("grading.office", locale), msg("grading.migration.from", locale), msg("grading.migration.to", locale)));
            long after = 0;
            List<GradingReports.Moved> page;
            while (!(page = reports.moved(scope, period[0], period[1], office, after, 1000)).isEmpty()) {
                for (GradingReports.Moved r : page) {
                    x.row(sheet, r.customerName(), r.officeName() == null ? "" : r.officeName(), gradeLabel(r.from(), locale),
                            gradeLabel(r.to(), locale));
                }
                after = page.get(page.size() - 1).customerId();
            }
            send(x, response, "grade-migration-" + period[0] + "-" + period[1] + ".xlsx");
        }
    }

    // ---- what-if of a draft policy

    @GetMapping("/grading/previews/{versionId}")
    @RequiresPermission("grading:rate")
    String preview(DataScope scope, @PathVariable long versionId, @RequestParam(required = false) String direction,
                   @RequestParam(required = false) String officeId, @RequestParam(defaultValue = "0") long after, Model model) {
        var rules = policies.version(versionId);
        GradingPreview p = previews.latest(versionId).orElse(null);
        Direction d = java.util.Arrays.stream(Direction.values()).filter(x -> x.name().equals(direction)).findFirst().orElse(null);
        Long office = longOrNull(officeId);
        model.addAttribute("versionId", versionId);
        model.addAttribute("versionLabel", rules.label());
        model.addAttribute("preview", p);
        model.addAttribute("direction", d);
        model.addAttribute("officeId", office);
        model.addAttribute("offices", directory.officesInScope(scope));
        if (p != null) {
            List<GradingPreview.OfficeCounts> summary = previews.summary(scope, p.id());
            model.addAttribute("summary", summary);
            model.addAttribute("totals", new GradingPreview.OfficeCounts(null, null,
                    summary.stream().mapToLong(GradingPreview.OfficeCounts::up).sum(),
                    summary.stream().mapToLong(GradingPreview.OfficeCounts::down).sum(),
                    summary.stream().mapToLong(GradingPreview.OfficeCounts::same).sum()));
            List<GradingPreview.Mover> movers = previews.movers(scope, p.id(), d, office, after);
            model.addAttribute("movers", movers);
            model.addAttribute("next", movers.size() == GradingPreviews.PAGE ? movers.get(movers.size() - 1).customerId() : null);
        }
        return "grading-preview";
    }

    @PostMapping("/grading/previews/{versionId}")
    @RequiresPermission("grading:rate")
    String startPreview(DataScope scope, @PathVariable long versionId, RedirectAttributes redirect) {
        try {
            GradingPreview p = previews.start(versionId, scope.userId());
            previews.launch(p.id());
            redirect.addFlashAttribute("flash", "grading.preview.started");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
        }
        return "redirect:/grading/previews/" + versionId;
    }

    @PostMapping("/grading/previews/{versionId}/resume")
    @RequiresPermission("grading:rate")
    String resumePreview(@PathVariable long versionId) {
        previews.latest(versionId).filter(p -> p.status() == GradingPreview.Status.RUNNING).ifPresent(p -> previews.launch(p.id()));
        return "redirect:/grading/previews/" + versionId;
    }

    // ---- helpers

    /** The grades and "no grade" (null) last, as rows and columns. */
    static List<Grade> grades() {
        List<Grade> out = new ArrayList<>(Arrays.asList(Grade.values()));
        out.add(null);
        return out;
    }

    private String gradeLabel(Grade g, Locale locale) {
        return g == null ? msg("grading.report.ungraded", locale) : g.name();
    }

    /** The period, default the year up to today; a bad or reversed date is refused on the page (the default is shown). */
    private LocalDate[] period(String from, String to, Model model) {
        LocalDate today = clock.today();
        LocalDate f = today.minusYears(1);
        LocalDate t = today;
        try {
            if (from != null && !from.isBlank()) {
                f = LocalDate.parse(from.strip());
            }
            if (to != null && !to.isBlank()) {
                t = LocalDate.parse(to.strip());
            }
            if (f.isAfter(t)) {
                throw DomainException.invalid("from", "grading.error.period");
            }
        } catch (DateTimeParseException | DomainException e) {
            if (model == null) {
                throw DomainException.invalid("from", "grading.error.period");
            }
            model.addAttribute("formError", "grading.error.period");
            f = today.minusYears(1);
            t = today;
        }
        if (model != null) {
            model.addAttribute("from", from == null || from.isBlank() ? f.toString() : from);
            model.addAttribute("to", to == null || to.isBlank() ? t.toString() : to);
        }
        return new LocalDate[]{f, t};
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static void send(XlsxExport x, HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString());
        x.writeTo(response.getOutputStream());
    }

    private static Long longOrNull(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
