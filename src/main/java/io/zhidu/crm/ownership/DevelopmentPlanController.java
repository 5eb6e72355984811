package io.zhidu.crm.ownership;

import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.FormErrors;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The development-plan screen (新客户开发计划): an office's targets with their progress, added and edited in place. */
@ScreenController
class DevelopmentPlanController {

    private final DevelopmentPlans plans;
    private final StaffDirectory directory;

    DevelopmentPlanController(DevelopmentPlans plans, StaffDirectory directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping("/plans")
    @RequiresPermission("plan:edit")
    String list(DataScope scope, @RequestParam(required = false) Long officeId, @RequestParam(required = false) Long edit,
                @RequestParam(required = false) String cursor, Model model) {
        DevelopmentPlans.Form form = new DevelopmentPlans.Form(officeId, null, null, null, null, null);
        if (edit != null) {
            DevelopmentPlans.Row row = plans.find(scope, edit).orElseThrow(DomainException::notFound);
            form = new DevelopmentPlans.Form(row.officeId(), row.prospectName(), row.customerId(), row.ownerId(), row.targetDate(),
                    row.note());
            model.addAttribute("editing", row);
        }
        model.addAttribute("form", form);
        return page(scope, officeId, cursor, model);
    }

    @PostMapping("/plans")
    @RequiresPermission("plan:edit")
    String add(DataScope scope, @ModelAttribute("form") DevelopmentPlans.Form form, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                plans.add(scope, form);
                redirect.addFlashAttribute("flash", "ownership.plan.saved");
                return "redirect:/plans" + (form.officeId() == null ? "" : "?officeId=" + form.officeId());
            } catch (DomainException e) {
                FormErrors.reject(errors, e);
            }
        }
        return page(scope, form.officeId(), null, model);
    }

    @PostMapping("/plans/{id}")
    @RequiresPermission("plan:edit")
    String revise(DataScope scope, @PathVariable long id, @RequestParam long version,
                  @ModelAttribute("form") DevelopmentPlans.Form form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                plans.revise(scope, id, version, form);
                redirect.addFlashAttribute("flash", "ownership.plan.saved");
                return "redirect:/plans";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                FormErrors.reject(errors, e);
            }
        }
        plans.find(scope, id).ifPresent(r -> model.addAttribute("editing", r));
        return page(scope, null, null, model);
    }

    @PostMapping("/plans/{id}/drop")
    @RequiresPermission("plan:edit")
    String drop(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "true") boolean dropped,
                RedirectAttributes redirect) {
        plans.drop(scope, id, dropped);
        redirect.addFlashAttribute("flash", "ownership.plan.saved");
        return "redirect:/plans";
    }

    private String page(DataScope scope, Long officeId, String cursor, Model model) {
        model.addAttribute("page", plans.page(scope, officeId, KeysetCursor.decode(cursor), 50));
        model.addAttribute("officeId", officeId);
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("owners", directory.page(scope, StaffDirectory.Filter.activeStaff(), StaffDirectory.Sort.DEFAULT, null,
                StaffDirectory.MAX_PAGE).rows().stream().filter(r -> r.officeId() != null).toList());
        return "plans";
    }

    @Bean
    static NavItem plansNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.plans", "/plans", "bullseye", "plan:edit", 80);
    }
}
