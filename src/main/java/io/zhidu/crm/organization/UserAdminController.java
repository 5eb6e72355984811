package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.FormErrors;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.web.KeysetCursor;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.RequiresPermission;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin screens for staff accounts: list with filters, create, edit (with conflict detection),
 * deactivate / reactivate, password reset.
 */
@ScreenController
@RequiresPermission("user:manage")
class UserAdminController {

    private final StaffDirectory directory;
    private final OrganizationManagement management;
    private final ReportingLine line;
    private final StaffExport export;

    UserAdminController(StaffDirectory directory, OrganizationManagement management, ReportingLine line, StaffExport export) {
        this.directory = directory;
        this.management = management;
        this.line = line;
        this.export = export;
    }

    @GetMapping("/admin/users")
    String list(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Long officeId,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Boolean active,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) String cursor, Model model) {
        StaffDirectory.Filter filter = new StaffDirectory.Filter(q, officeId, null, role, active);
        StaffDirectory.Sort order = StaffDirectory.Sort.of(sort, dir);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", order);
        model.addAttribute("page", directory.page(scope, filter, order, KeysetCursor.decode(cursor), 50));
        model.addAttribute("offices", management.offices());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    @GetMapping("/admin/users/export")
    void export(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Long officeId,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Boolean active,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("users.xlsx").build().toString());
        export.write(scope, new StaffDirectory.Filter(q, officeId, null, role, active), StaffDirectory.Sort.of(sort, dir),
                locale, response.getOutputStream());
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", UserForm.empty());
        return form(model, null, null);
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                OrganizationManagement.Registered r = management.register(form);
                if (r.temporaryPassword() == null) {
                    redirect.addFlashAttribute("flash", "user.created");
                    return "redirect:/admin/users/" + r.id();
                }
                // the one-time password is shown in this response, never stored in the session
                model.addAttribute("flash", "user.created");
                model.addAttribute("temporaryPassword", r.temporaryPassword());
                return edit(DataScope.everything(0), r.id(), model);
            } catch (DomainException e) {
                FormErrors.reject(errors, e);
            }
        }
        return form(model, null, null);
    }

    @GetMapping("/admin/users/{id}")
    String edit(DataScope scope, @PathVariable long id, Model model) {
        StaffDirectory.Row row = directory.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("form", new UserForm(row.username(), row.fullName(), row.email(), row.phone(), row.departmentId(),
                row.officeId(), row.supervisorId(), row.roles(), ""));
        return form(model, row, row.version());
    }

    @PostMapping("/admin/users/{id}")
    String update(DataScope scope, @PathVariable long id, @RequestParam long version,
                  @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        StaffDirectory.Row row = directory.find(scope, id).orElseThrow(DomainException::notFound);
        if (!errors.hasErrors()) {
            try {
                management.update(id, version, form);
                redirect.addFlashAttribute("flash", "user.saved");
                return "redirect:/admin/users/" + id;
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.STALE) {
                    // show what the other person saved beside the input; saving again overwrites knowingly
                    model.addAttribute("conflict", row);
                    return form(model, row, row.version());
                }
                FormErrors.reject(errors, e);
            }
        }
        return form(model, row, version);
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivate(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        try {
            management.deactivate(id, scope.userId());
            redirect.addFlashAttribute("flash", "user.deactivated");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reactivate")
    String reactivate(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        try {
            management.reactivate(id);
            redirect.addFlashAttribute("flash", "user.reactivated");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(DataScope scope, @PathVariable long id, Model model) {
        directory.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("temporaryPassword", management.resetPassword(id));
        model.addAttribute("flash", "user.passwordReset");
        return edit(scope, id, model);
    }

    private String form(Model model, StaffDirectory.Row row, Long version) {
        model.addAttribute("user", row);
        model.addAttribute("version", version);
        model.addAttribute("departments", management.departments());
        model.addAttribute("offices", management.offices());
        model.addAttribute("roles", Arrays.asList(Role.values()));
        java.util.List<StaffDirectory.Row> supervisors = new java.util.ArrayList<>(directory.page(DataScope.everything(0),
                StaffDirectory.Filter.activeStaff(),
                new StaffDirectory.Sort(StaffDirectory.SortKey.FULL_NAME, false), null, StaffDirectory.MAX_PAGE).rows());
        // the current supervisor is always an option (even if deactivated or beyond the list), so saving never drops it
        Long current = row == null ? null : row.supervisorId();
        if (current != null && supervisors.stream().noneMatch(s -> s.id() == current)) {
            directory.find(DataScope.everything(0), current).ifPresent(supervisors::add);
        }
        model.addAttribute("supervisors", supervisors);
        if (row != null) {
            model.addAttribute("chain", line.chainUp(row.id()));
            model.addAttribute("subordinates", line.subordinates(row.id()));
        }
        return "user-form";
    }

    @Bean
    static NavItem usersNavItem() {
        return new NavItem(NavGroup.SYSTEM, "nav.users", "/admin/users", "people", "user:manage", 10);
    }
}
