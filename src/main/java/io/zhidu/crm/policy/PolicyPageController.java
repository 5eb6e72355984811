package io.zhidu.crm.policy;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.FormErrors;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy screens: the effective policy as a document with the versions beside it, one
 * version (a draft is edited in place), and the difference between two versions.
 */
@ScreenController
class PolicyPageController {

    /** Form fields holding setting values are named {@code setting.<section>.<key>}. */
    static final String SETTING_PREFIX = "setting.";

    private final PolicyDocuments documents;
    private final PolicyManagement management;
    private final PolicySubmission submission;
    private final MessageSource messages;

    private final java.util.List<PolicyDraftReview> draftReviews;

    PolicyPageController(PolicyDocuments documents, PolicyManagement management, PolicySubmission submission,
                         MessageSource messages, java.util.List<PolicyDraftReview> draftReviews) {
        this.draftReviews = java.util.List.copyOf(draftReviews);
        this.documents = documents;
        this.management = management;
        this.submission = submission;
        this.messages = messages;
    }

    @GetMapping("/policy")
    @RequiresPermission("policy:read")
    String effective(Model model) {
        return page(documents.effective(), new PolicyForms.Draft(null, null, null), model);
    }

    @GetMapping("/policy/versions/{id}")
    @RequiresPermission("policy:read")
    String version(@PathVariable long id, Model model) {
        PolicyDocuments.Document doc = documents.document(id);
        return page(doc, new PolicyForms.Draft(doc.summary().label(), doc.summary().effectiveFrom(), doc.summary().note()), model);
    }

    @PostMapping("/policy/drafts")
    @RequiresPermission("policy:manage")
    String draft(DataScope scope, @ModelAttribute("form") PolicyForms.Draft form, BindingResult errors, Model model,
                 RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                PolicyDocuments.Summary draft = management.draft(form, scope.userId());
                redirect.addFlashAttribute("flash", "policy.drafted");
                return "redirect:/policy/versions/" + draft.id();
            } catch (DomainException e) {
                FormErrors.reject(errors, e);
            }
        }
        return page(documents.effective(), form, model);
    }

    @PostMapping("/policy/versions/{id}")
    @RequiresPermission("policy:manage")
    String revise(@PathVariable long id, @RequestParam long version, @ModelAttribute("form") PolicyForms.Draft form,
                  BindingResult errors, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Map<String, String> typed = settingValues(params);
        Map<String, DomainException> invalid = management.check(typed);
        if (!errors.hasErrors() && invalid.isEmpty()) {
            try {
                management.revise(id, version, form, typed);
                redirect.addFlashAttribute("flash", "policy.saved");
                return "redirect:/policy/versions/" + id;
            } catch (DomainException e) {
                FormErrors.reject(errors, e);
            }
        }
        Map<String, String> settingErrors = new LinkedHashMap<>();
        invalid.forEach((field, e) -> settingErrors.put(field, messages.getMessage(e.messageKey(), e.args(), locale)));
        model.addAttribute("settingErrors", settingErrors);
        return page(documents.document(id, typed), form, model);
    }

    @PostMapping("/policy/versions/{id}/submit")
    @RequiresPermission("policy:manage")
    String submit(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        submission.submit(id, scope.userId());
        redirect.addFlashAttribute("flash", "policy.submitted");
        return "redirect:/policy/versions/" + id;
    }

    @PostMapping("/policy/versions/{id}/discard")
    @RequiresPermission("policy:manage")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        management.discard(id);
        redirect.addFlashAttribute("flash", "policy.discarded");
        return "redirect:/policy";
    }

    @GetMapping("/policy/diff")
    @RequiresPermission("policy:read")
    String diff(@RequestParam long from, @RequestParam long to, Model model) {
        model.addAttribute("from", documents.document(from).summary());
        model.addAttribute("to", documents.document(to).summary());
        model.addAttribute("differences", documents.diff(from, to));
        model.addAttribute("versions", documents.versions());
        return "policy-diff";
    }

    /** The setting values of a posted form; several checked boxes of one CHOICES setting are joined. */
    static Map<String, String> settingValues(MultiValueMap<String, String> params) {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(SETTING_PREFIX)) {
                typed.put(name.substring(SETTING_PREFIX.length()), String.join(",", values));
            }
        });
        return typed;
    }

    private String page(PolicyDocuments.Document doc, PolicyForms.Draft form, Model model) {
        model.addAttribute("document", doc);
        model.addAttribute("versions", documents.versions());
        model.addAttribute("approvals", submission.history(doc.summary().id()));
        PolicyDocuments.State state = doc.summary().state();
        model.addAttribute("draftReviews", state == PolicyDocuments.State.DRAFT || state == PolicyDocuments.State.IN_APPROVAL
                ? draftReviews.stream().map(r -> r.link(doc.summary().id()))
                        .filter(l -> io.zhidu.crm.shared.web.Grants.can(l.permission())).toList()
                : java.util.List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("settingErrors")) {
            model.addAttribute("settingErrors", Map.of());
        }
        return "policy";
    }

    @Bean
    static NavItem policyNavItem() {
        return new NavItem(NavGroup.SYSTEM, "nav.policy", "/policy", "journal-text", "policy:read", 5);
    }
}
