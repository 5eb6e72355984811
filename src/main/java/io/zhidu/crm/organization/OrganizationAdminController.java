package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.web.FormErrors;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation screen: the group's companies, departments and offices, and forms to add them. */
@ScreenController
@RequiresPermission("user:manage")
class OrganizationAdminController {

    private final OrganizationManagement management;

    OrganizationAdminController(OrganizationManagement management) {
        this.management = management;
    }

    @GetMapping("/admin/org")
    String organisation(Model model) {
        return page(model);
    }

    @PostMapping("/admin/org/companies")
    String addCompany(@Valid @ModelAttribute("companyForm") OrgUnitForms.CompanyForm form, BindingResult errors,
                      Model model, RedirectAttributes redirect) {
        return add(errors, () -> management.createSubsidiary(form), model, redirect);
    }

    @PostMapping("/admin/org/departments")
    String addDepartment(@Valid @ModelAttribute("departmentForm") OrgUnitForms.DepartmentForm form, BindingResult errors,
                         Model model, RedirectAttributes redirect) {
        return add(errors, () -> management.createDepartment(form), model, redirect);
    }

    @PostMapping("/admin/org/offices")
    String addOffice(@Valid @ModelAttribute("officeForm") OrgUnitForms.OfficeForm form, BindingResult errors,
                     Model model, RedirectAttributes redirect) {
        return add(errors, () -> management.createOffice(form), model, redirect);
    }

    /** Adds the unit when the form is valid and the rule allows it; otherwise the page again, with the errors on the form. */
    private String add(BindingResult errors, Runnable act, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                act.run();
                redirect.addFlashAttribute("flash", "org.saved");
                return "redirect:/admin/org";
            } catch (DomainException e) {
                FormErrors.reject(errors, e);
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("companies", management.companies());
        model.addAttribute("departments", management.departments());
        model.addAttribute("offices", management.offices());
        model.addAttribute("kinds", DepartmentKind.values());
        if (!model.containsAttribute("companyForm")) {
            model.addAttribute("companyForm", new OrgUnitForms.CompanyForm(""));
        }
        if (!model.containsAttribute("departmentForm")) {
            model.addAttribute("departmentForm", new OrgUnitForms.DepartmentForm(null, "", "", null));
        }
        if (!model.containsAttribute("officeForm")) {
            model.addAttribute("officeForm", new OrgUnitForms.OfficeForm(null, "", "", ""));
        }
        return "organization";
    }

    @Bean
    static NavItem orgNavItem() {
        return new NavItem(NavGroup.SYSTEM, "nav.org", "/admin/org", "diagram-3", "user:manage", 20);
    }
}
