package io.zhidu.crm.credit;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
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
 * The credit screens beside the customer page's tab: the change form (a plain page that keeps
 * what was typed on a refusal), putting on hold, asking for its release, and the printable
 * 客户信用管理卡.
 */
@ScreenController
class CreditPageController {

    static final String[] FIELDS = {"rating", "limit", "form", "termsDays", "reason"};

    private final CustomerCredits credits;
    private final CustomerSearch customers;
    private final CreditForms forms;
    private final ApplicationEventPublisher events;

    CreditPageController(CustomerCredits credits, CustomerSearch customers, CreditForms forms, ApplicationEventPublisher events) {
        this.credits = credits;
        this.customers = customers;
        this.forms = forms;
        this.events = events;
    }

    @GetMapping("/customers/{id}/credit/change")
    @RequiresPermission("credit:propose")
    String changeForm(DataScope scope, @PathVariable long id, Model model) {
        CreditPosition p = credits.position(scope, id).orElseThrow(DomainException::notFound);
        Map<String, String> values = new LinkedHashMap<>();
        if (p.credit() != null) {
            values.put("rating", p.credit().rating());
            values.put("limit", p.credit().limit().toPlainString());
            values.put("form", p.credit().form().name());
            values.put("termsDays", Integer.toString(p.credit().days()));
        }
        return form(scope, id, values, model);
    }

    private String form(DataScope scope, long id, Map<String, String> values, Model model) {
        model.addAttribute("customer", customers.find(scope, id, false).orElseThrow(DomainException::notFound));
        model.addAttribute("position", credits.position(scope, id).orElseThrow(DomainException::notFound));
        model.addAttribute("standard", credits.standard());
        model.addAttribute("forms", TermsForm.values());
        model.addAttribute("values", values);
        return "credit-change";
    }

    @PostMapping("/customers/{id}/credit")
    @RequiresPermission("credit:propose")
    String propose(DataScope scope, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                   RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            values.put(f, params.getOrDefault(f, ""));
        }
        try {
            CustomerCredits.Proposed p = credits.propose(scope, id, proposal(values));
            redirect.addFlashAttribute("flash", "credit.proposed");
            redirect.addFlashAttribute("flashArgs", new Object[]{p.approvalId()});
            return "redirect:/customers/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorArgs", e.args());
            model.addAttribute("formErrorField", e.field());
            return form(scope, id, values, model);
        }
    }

    /** The typed values as a proposal; unreadable numbers and unknown forms are refused on their field. */
    static CustomerCredits.Proposal proposal(Map<String, String> v) {
        BigDecimal limit = null;
        Integer days = null;
        TermsForm form = null;
        try {
            limit = blank(v.get("limit")) ? null : new BigDecimal(v.get("limit").strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("limit", "credit.error.limitNumber");
        }
        try {
            days = blank(v.get("termsDays")) ? null : Integer.valueOf(v.get("termsDays").strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("termsDays", "credit.error.days", CustomerCredits.MAX_DAYS);
        }
        try {
            form = blank(v.get("form")) ? null : TermsForm.valueOf(v.get("form").strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("form", "credit.error.form");
        }
        return new CustomerCredits.Proposal(v.get("rating"), limit, form, days, v.get("reason"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @PostMapping("/customers/{id}/credit/hold")
    @RequiresPermission("credit:hold")
    String hold(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "credit.held", () -> credits.hold(scope, id, reason));
    }

    @PostMapping("/customers/{id}/credit/release")
    @RequiresPermission("credit:propose")
    String release(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        return act(id, redirect, "credit.releaseProposed", () -> credits.requestRelease(scope, id, reason));
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable act) {
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
        return "redirect:/customers/" + id;
    }

    /** 客户信用管理卡 (form 6, 6.2.4-3(4)) as PDF; printing is recorded like an export. */
    @GetMapping("/customers/{id}/credit-card.pdf")
    @RequiresPermission("credit:read")
    ResponseEntity<byte[]> card(DataScope scope, @PathVariable long id, Locale locale) {
        CustomerSearch.Row customer = customers.find(scope, id, false).orElseThrow(DomainException::notFound);
        byte[] pdf = forms.card(customer, credits.position(scope, id).orElseThrow(DomainException::notFound),
                credits.history(scope, id), CurrentActor.username(), locale);
        events.publishEvent(new CreditChanged(CurrentActor.username(), "CREDIT_CARD_PRINTED", id, "credit-card.pdf"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename("credit-card-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
