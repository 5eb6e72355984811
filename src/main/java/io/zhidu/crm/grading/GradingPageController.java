package io.zhidu.crm.grading;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.grading.Proposal.Direction;
import io.zhidu.crm.grading.Proposal.Review;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grading screens: the runs (start, progress bar, review table with filters, accept, change
 * with a reason, bulk accept, submit), rating the strategic influence from the grade card, and the
 * ad-hoc change form (a plain page that keeps what was typed on a refusal).
 */
@ScreenController
class GradingPageController {

    private final CustomerGrades grades;
    private final GradingRuns runs;
    private final StaffDirectory directory;

    GradingPageController(CustomerGrades grades, GradingRuns runs, StaffDirectory directory) {
        this.grades = grades;
        this.runs = runs;
        this.directory = directory;
    }

    @Bean
    static NavItem gradingNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "grading.nav.runs", "/grading/runs", "bar-chart-steps", "grading:rate", 60);
    }

    @GetMapping("/grading/runs")
    @RequiresPermission("grading:rate")
    String runs(Model model) {
        model.addAttribute("runs", runs.runs());
        model.addAttribute("canRun", Grants.can("grading:run"));
        return "grading-runs";
    }

    @PostMapping("/grading/runs")
    @RequiresPermission("grading:run")
    String start(DataScope scope, @RequestParam(required = false) String asOf, Model model, RedirectAttributes redirect) {
        try {
            GradingRun run = runs.start(scope.userId(), date(asOf));
            runs.launch(run.id());
            return "redirect:/grading/runs/" + run.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorArgs", e.args());
            model.addAttribute("asOf", asOf);
            return runs(model);
        }
    }

    @GetMapping("/grading/runs/{id}")
    @RequiresPermission("grading:rate")
    String run(DataScope scope, @PathVariable long id, @RequestParam(required = false) String direction,
               @RequestParam(required = false) Long officeId, @RequestParam(required = false) String review,
               @RequestParam(defaultValue = "0") long after, Model model) {
        GradingRun run = runs.run(id);
        Direction d = parse(Direction.class, direction);
        Review r = parse(Review.class, review);
        List<Proposal> page = runs.proposals(scope, id, d, officeId, r, after);
        model.addAttribute("run", run);
        model.addAttribute("canRun", Grants.can("grading:run"));
        model.addAttribute("counts", runs.counts(scope, id));
        model.addAttribute("proposals", page);
        model.addAttribute("explanations", page.stream().collect(java.util.stream.Collectors.toMap(Proposal::id, grades::explain)));
        model.addAttribute("next", page.size() == GradingRuns.PAGE ? page.get(page.size() - 1).customerId() : null);
        model.addAttribute("direction", d);
        model.addAttribute("officeId", officeId);
        model.addAttribute("review", r);
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("directions", Direction.values());
        model.addAttribute("reviews", Review.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("categories", Category.values());
        return "grading-run";
    }

    @PostMapping("/grading/runs/{id}/proposals/{proposalId}")
    @RequiresPermission("grading:run")
    String review(DataScope scope, @PathVariable long id, @PathVariable long proposalId, @RequestParam(required = false) String grade,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String reason,
                  @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, params, redirect, "grading.reviewed", () -> runs.review(scope, id, proposalId, grade, category, reason));
    }

    @PostMapping("/grading/runs/{id}/accept-all")
    @RequiresPermission("grading:run")
    String acceptAll(DataScope scope, @PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, params, redirect, "grading.acceptedAll",
                () -> runs.acceptAll(scope, id, parse(Direction.class, params.get("direction")), longOrNull(params.get("officeId"))));
    }

    @PostMapping("/grading/runs/{id}/submit")
    @RequiresPermission("grading:run")
    String submit(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, Map.of(), redirect, "grading.submitted", () -> runs.submit(scope, id));
    }

    @PostMapping("/grading/runs/{id}/resume")
    @RequiresPermission("grading:run")
    String resume(@PathVariable long id) {
        if (runs.run(id).status() == GradingRun.Status.RUNNING) {
            runs.launch(id);
        }
        return "redirect:/grading/runs/" + id;
    }

    private static String act(long id, Map<String, String> params, RedirectAttributes redirect, String done, Runnable act) {
        try {
            act.run();
            redirect.addFlashAttribute("flash", done);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
        }
        StringBuilder back = new StringBuilder("redirect:/grading/runs/" + id);
        String sep = "?";
        for (String k : List.of("direction", "officeId", "review")) {
            String v = params.get(k);
            if (v != null && !v.isBlank()) {
                back.append(sep).append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        return back.toString();
    }

    // ---- the grade card's acts

    @PostMapping("/customers/{id}/grading/influence")
    @RequiresPermission("grading:rate")
    String rate(DataScope scope, @PathVariable long id, @RequestParam(required = false) String points,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            Integer p;
            try {
                p = points == null || points.isBlank() ? null : Integer.valueOf(points.strip());
            } catch (NumberFormatException e) {
                p = null;
            }
            grades.rateInfluence(scope, id, p, reason);
            redirect.addFlashAttribute("flash", "grading.rated");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
        }
        return "redirect:/customers/" + id;
    }

    @GetMapping("/customers/{id}/grade-change")
    @RequiresPermission("grading:propose")
    String changeForm(DataScope scope, @PathVariable long id, Model model) {
        CustomerGrades.Card card = grades.card(scope, id, null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("grade", card.grade() == null ? "" : card.grade().name());
        values.put("category", card.category().name());
        values.put("reason", "");
        return changePage(scope, id, values, model);
    }

    private String changePage(DataScope scope, long id, Map<String, String> values, Model model) {
        model.addAttribute("customer", grades.customer(scope, id));
        model.addAttribute("card", grades.card(scope, id, null));
        model.addAttribute("values", values);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("categories", Category.values());
        return "grade-change";
    }

    @PostMapping("/customers/{id}/grade-change")
    @RequiresPermission("grading:propose")
    String propose(DataScope scope, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                   RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("grade", "category", "reason")) {
            values.put(f, params.getOrDefault(f, ""));
        }
        try {
            Proposal p = grades.proposeChange(scope, id, values.get("grade"), values.get("category"), values.get("reason"));
            redirect.addFlashAttribute("flash", "grading.changeProposed");
            redirect.addFlashAttribute("flashArgs", new Object[]{p.approvalId()});
            return "redirect:/customers/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorArgs", e.args());
            model.addAttribute("formErrorField", e.field());
            return changePage(scope, id, values, model);
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("asOf", "grading.error.date");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long longOrNull(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
