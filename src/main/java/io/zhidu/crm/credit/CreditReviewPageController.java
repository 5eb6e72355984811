package io.zhidu.crm.credit;

import io.zhidu.crm.credit.CreditReviewRule.Direction;
import io.zhidu.crm.credit.ReviewProposal.Review;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit review screens: the rounds (start, progress, links to the 客户信用等级分类表), a round's
 * review table (filters by direction, office and review state; accept, change with a reason, drop;
 * accept all; submit), the 客户升(降)级评审表 per proposal (PDF) and the round as Excel.
 */
@ScreenController
class CreditReviewPageController {

    private final CreditReviews reviews;
    private final CreditReviewForms forms;
    private final CustomerCredits credits;
    private final StaffDirectory directory;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    CreditReviewPageController(CreditReviews reviews, CreditReviewForms forms, CustomerCredits credits, StaffDirectory directory,
                               BusinessClock clock, ApplicationEventPublisher events) {
        this.reviews = reviews;
        this.forms = forms;
        this.credits = credits;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    /** In the menu of those who review (the business dept, the statistician); the pages open to every credit reader by link. */
    @Bean
    static NavItem creditReviewNavItem() {
        return new NavItem(NavGroup.CREDIT, "creditreview.nav", "/credit/reviews", "arrow-down-up", "credit:propose", 40);
    }

    @GetMapping("/credit/reviews")
    @RequiresPermission("credit:read")
    String list(Model model) {
        model.addAttribute("reviews", reviews.reviews());
        model.addAttribute("canRun", Grants.can("credit:propose"));
        model.addAttribute("period", model.containsAttribute("period") ? model.getAttribute("period")
                : java.time.YearMonth.from(clock.today()).toString());
        return "credit-reviews";
    }

    @PostMapping("/credit/reviews")
    @RequiresPermission("credit:propose")
    String start(DataScope scope, @RequestParam(required = false) String period, Model model) {
        try {
            CreditReview r = reviews.start(scope.userId(), period);
            reviews.launch(r.id());
            return "redirect:/credit/reviews/" + r.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorArgs", e.args());
            model.addAttribute("period", period);
            return list(model);
        }
    }

    @GetMapping("/credit/reviews/{id}")
    @RequiresPermission("credit:read")
    String review(DataScope scope, @PathVariable long id, @RequestParam(required = false) String direction,
                  @RequestParam(required = false) Long officeId, @RequestParam(required = false) String review,
                  @RequestParam(defaultValue = "0") long after, Model model, Locale locale) {
        CreditReview r = reviews.review(id);
        Direction d = parse(Direction.class, direction);
        Review v = parse(Review.class, review);
        List<ReviewProposal> page = reviews.proposals(scope, id, d, officeId, v, after);
        model.addAttribute("review", r);
        model.addAttribute("canRun", Grants.can("credit:propose"));
        model.addAttribute("counts", reviews.counts(id));
        model.addAttribute("proposals", page);
        model.addAttribute("reasons", page.stream().collect(Collectors.toMap(ReviewProposal::id, p -> forms.reasons(p, locale))));
        model.addAttribute("next", page.size() == CreditReviews.PAGE ? page.get(page.size() - 1).customerId() : null);
        model.addAttribute("direction", d);
        model.addAttribute("officeId", officeId);
        model.addAttribute("reviewState", v);
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("directions", List.of(Direction.UP, Direction.DOWN));
        model.addAttribute("reviews", Review.values());
        model.addAttribute("ratings", credits.standard().scale());
        return "credit-review";
    }

    @PostMapping("/credit/reviews/{id}/proposals/{proposalId}")
    @RequiresPermission("credit:propose")
    String decide(DataScope scope, @PathVariable long id, @PathVariable long proposalId, @RequestParam Map<String, String> params,
                  RedirectAttributes redirect) {
        return act(id, params, redirect, "creditreview.reviewed", () -> {
            CreditReviews.Decision decision = parse(CreditReviews.Decision.class, params.get("decision"));
            BigDecimal limit;
            try {
                String l = params.get("limit");
                limit = l == null || l.isBlank() ? null : new BigDecimal(l.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("limit", "credit.error.limitNumber");
            }
            reviews.decide(scope, id, proposalId, decision, params.get("rating"), limit, params.get("reason"));
        });
    }

    @PostMapping("/credit/reviews/{id}/accept-all")
    @RequiresPermission("credit:propose")
    String acceptAll(DataScope scope, @PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, params, redirect, "creditreview.acceptedAll",
                () -> reviews.acceptAll(scope, id, parse(Direction.class, params.get("direction")), longOrNull(params.get("officeId"))));
    }

    @PostMapping("/credit/reviews/{id}/submit")
    @RequiresPermission("credit:propose")
    String submit(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, Map.of(), redirect, "creditreview.submitted", () -> reviews.submit(scope, id));
    }

    @PostMapping("/credit/reviews/{id}/resume")
    @RequiresPermission("credit:propose")
    String resume(@PathVariable long id) {
        if (reviews.review(id).status() == CreditReview.Status.RUNNING) {
            reviews.launch(id);
        }
        return "redirect:/credit/reviews/" + id;
    }

    /** 客户升(降)级评审表 (form 11) of one proposal; printing is recorded like an export. */
    @GetMapping("/credit/reviews/{id}/proposals/{proposalId}/form.pdf")
    @RequiresPermission("credit:read")
    ResponseEntity<byte[]> form(DataScope scope, @PathVariable long id, @PathVariable long proposalId, Locale locale) {
        ReviewProposal p = reviews.proposal(scope, id, proposalId);
        byte[] pdf = forms.reviewForm(reviews.review(id), p, CurrentActor.username(), locale);
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_EXPORTED", id,
                "form.pdf of customer " + p.customerId()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("Content-Disposition",
                ContentDisposition.inline().filename("credit-review-" + id + "-" + p.customerId() + ".pdf").build().toString()).body(pdf);
    }

    /** The round's proposals inside the scope as Excel. */
    @GetMapping("/credit/reviews/{id}/export")
    @RequiresPermission("credit:read")
    void export(DataScope scope, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        CreditReview r = reviews.review(id);
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_EXPORTED", id, "review.xlsx"));
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("credit-review-" + r.period() + ".xlsx").build().toString());
        forms.reviewList(scope, r, locale, response.getOutputStream());
    }

    /** 客户信用等级分类表 (form 7) inside the scope as PDF. */
    @GetMapping("/credit/classes.pdf")
    @RequiresPermission("credit:read")
    ResponseEntity<byte[]> classesPdf(DataScope scope, Locale locale) {
        byte[] pdf = forms.classesPdf(scope, CurrentActor.username(), locale);
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_EXPORTED", 0, "classes.pdf"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("Content-Disposition",
                ContentDisposition.inline().filename("credit-classes-" + clock.today() + ".pdf").build().toString()).body(pdf);
    }

    /** 客户信用等级分类表 (form 7) inside the scope as Excel. */
    @GetMapping("/credit/classes.xlsx")
    @RequiresPermission("credit:read")
    void classesXlsx(DataScope scope, Locale locale, HttpServletResponse response) throws IOException {
        events.publishEvent(new CreditReviewChanged(CurrentActor.username(), "CREDIT_REVIEW_EXPORTED", 0, "classes.xlsx"));
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("credit-classes-" + clock.today() + ".xlsx").build().toString());
        forms.classesXlsx(scope, locale, response.getOutputStream());
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
        Map<String, String> keep = new LinkedHashMap<>();
        for (String k : List.of("direction", "officeId", "review")) {
            String v = params.get(k);
            if (v != null && !v.isBlank()) {
                keep.put(k, java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return "redirect:/credit/reviews/" + id + (keep.isEmpty() ? "" : "?" + keep.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")));
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
