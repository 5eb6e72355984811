package io.zhidu.crm.customer;

import io.zhidu.crm.customer.CustomerEnums.Category;
import io.zhidu.crm.customer.CustomerEnums.CustomerType;
import io.zhidu.crm.customer.CustomerEnums.DecisionRole;
import io.zhidu.crm.customer.CustomerEnums.Grade;
import io.zhidu.crm.customer.CustomerEnums.Scale;
import io.zhidu.crm.customer.CustomerEnums.Stage;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.FormErrors;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
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

/** The archive screens: the list, a customer's page (archive, contacts, history), create and edit, the recycle bin. */
@ScreenController
class CustomerPageController {

    private final CustomerSearch search;
    private final CustomerManagement management;
    private final CustomerContacts contacts;
    private final CustomerHistory history;
    private final StaffDirectory directory;
    private final ApplicationEventPublisher events;
    private final CustomerForms forms;
    private final CustomerFinancials financials;
    private final java.time.Clock clock;
    private final List<CustomerTab> tabs;
    private final List<CustomerSegmentChoices> segmentChoices;

    CustomerPageController(CustomerSearch search, CustomerManagement management, CustomerContacts contacts,
                           CustomerHistory history, StaffDirectory directory, ApplicationEventPublisher events,
                           CustomerForms forms, CustomerFinancials financials, java.time.Clock clock,
                           List<CustomerTab> tabs, List<CustomerSegmentChoices> segmentChoices) {
        this.segmentChoices = List.copyOf(segmentChoices);
        this.clock = clock;
        this.tabs = List.copyOf(tabs);
        this.forms = forms;
        this.financials = financials;
        this.search = search;
        this.management = management;
        this.contacts = contacts;
        this.history = history;
        this.directory = directory;
        this.events = events;
    }

    @GetMapping("/customers")
    @RequiresPermission("customer:read")
    String list(DataScope scope, CustomerSearch.Params params, @RequestParam(required = false) String cursor, Model model,
                java.util.Locale locale) {
        CustomerSearch.Filter filter = params.filter();
        model.addAttribute("segmentChoices", segmentChoices.stream().flatMap(c -> c.choices(locale).stream()).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("sort", params.order());
        model.addAttribute("page", search.page(scope, filter, params.order(), KeysetCursor.decode(cursor), 50));
        model.addAttribute("owners", owners(scope));
        model.addAttribute("offices", directory.officesInScope(scope));
        vocabularies(model);
        return "customers";
    }

    @GetMapping("/customers/bin")
    @RequiresPermission("customer:delete")
    String bin(DataScope scope, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", search.page(scope, CustomerSearch.Filter.bin(), KeysetCursor.decode(cursor), 50));
        return "customer-bin";
    }

    @GetMapping("/customers/new")
    @RequiresPermission("customer:edit")
    String newCustomer(DataScope scope, Model model) {
        model.addAttribute("form", CustomerForm.empty());
        return form(scope, model, null, null);
    }

    @PostMapping("/customers")
    @RequiresPermission("customer:edit")
    String create(DataScope scope, @Valid @ModelAttribute("form") CustomerForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Customer c = management.register(scope, form);
                redirect.addFlashAttribute("flash", "customer.created");
                return "redirect:/customers/" + c.getId();
            } catch (DomainException e) {
                reject(errors, e, model);
            }
        }
        return form(scope, model, null, null);
    }

    /** The full archive of one customer; opening it is recorded (the policy's 借阅 record, 6.2.4-2(3)). */
    @GetMapping("/customers/{id}")
    @RequiresPermission("customer:read")
    String show(DataScope scope, @PathVariable long id, Model model) {
        return show(scope, id, null, model);
    }

    /** The page; with {@code asOf} the archive tab shows the fields as they stood at the end of that day. */
    @GetMapping(value = "/customers/{id}", params = "asOf")
    @RequiresPermission("customer:read")
    String show(DataScope scope, @PathVariable long id,
                @RequestParam @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                java.time.LocalDate asOf, Model model) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        Customer customer = management.load(id).orElseThrow(DomainException::notFound);
        boolean unmasked = contacts.inOwningLine(scope.userId(), row.ownerId());
        model.addAttribute("row", row);
        java.util.Map<String, String> archive = customer.snapshot();
        if (asOf != null) {
            archive = history.asOf(id, archive, asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
            model.addAttribute("asOf", asOf);
        }
        model.addAttribute("archive", archive);
        model.addAttribute("contacts", contacts.of(id, unmasked));
        model.addAttribute("masked", !unmasked);
        model.addAttribute("timeline", history.timeline(id, 200));
        model.addAttribute("financials", financials.of(id));
        if (!model.containsAttribute("financialForm")) {
            model.addAttribute("financialForm", new CustomerFinancials.Form(null, null, null, null, null));
        }
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", ContactForm.empty());
        }
        model.addAttribute("decisionRoles", DecisionRole.values());
        model.addAttribute("moduleTabs", moduleTabs(id, scope));
        events.publishEvent(new CustomerChanged(CurrentActor.username(), CustomerChanged.VIEWED, id, null));
        return "customer";
    }

    /** 客户管理卡 ({@code card}) or 客户概要信息记录表 ({@code summary}) as PDF; printing counts as an export. */
    @GetMapping("/customers/{id}/{form:card|summary}.pdf")
    @RequiresPermission("customer:read")
    org.springframework.http.ResponseEntity<byte[]> pdf(DataScope scope, @PathVariable long id, @PathVariable String form,
                                                        java.util.Locale locale) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        Customer customer = management.load(id).orElseThrow(DomainException::notFound);
        boolean unmasked = contacts.inOwningLine(scope.userId(), row.ownerId());
        CustomerForms.Form which = form.equals("card") ? CustomerForms.Form.CARD : CustomerForms.Form.SUMMARY;
        byte[] pdf = forms.render(which, row, customer, contacts.of(id, unmasked), financials.of(id), CurrentActor.username(), locale);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_EXPORTED", id, form + ".pdf"));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename("customer-" + id + "-" + form + ".pdf").build().toString())
                .body(pdf);
    }

    /** A module's tab as the page renders it. */
    public record TabView(String key, String labelKey, String fragment, Map<String, Object> model) {
    }

    private List<TabView> moduleTabs(long id, DataScope scope) {
        org.springframework.security.core.Authentication auth =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return tabs.stream()
                .filter(t -> t.permission() == null || (auth != null && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(t.permission()))))
                .sorted(java.util.Comparator.comparingInt(CustomerTab::order))
                .map(t -> new TabView(t.key(), t.labelKey(), t.fragment(), t.model(id, scope)))
                .toList();
    }

    @GetMapping("/customers/{id}/edit")
    @RequiresPermission("customer:edit")
    String edit(DataScope scope, @PathVariable long id, Model model) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        Customer c = management.load(id).orElseThrow(DomainException::notFound);
        model.addAttribute("form", c.toForm());
        return form(scope, model, row, c.getVersion());
    }

    @PostMapping("/customers/{id}")
    @RequiresPermission("customer:edit")
    String update(DataScope scope, @PathVariable long id, @RequestParam long version,
                  @Valid @ModelAttribute("form") CustomerForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        if (!errors.hasErrors()) {
            try {
                management.update(scope, id, version, form);
                redirect.addFlashAttribute("flash", "customer.saved");
                return "redirect:/customers/" + id;
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.STALE) {
                    Customer current = management.load(id).orElseThrow(DomainException::notFound);
                    model.addAttribute("conflict", current.snapshot());
                    return form(scope, model, row, current.getVersion());
                }
                reject(errors, e, model);
            }
        }
        return form(scope, model, row, version);
    }

    @PostMapping("/customers/{id}/contacts")
    @RequiresPermission("customer:edit")
    String addContact(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("contactForm") ContactForm form,
                      BindingResult errors, Model model, RedirectAttributes redirect) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        if (errors.hasErrors()) {
            model.addAttribute("contactErrors", true);
            return show(scope, id, model);
        }
        contacts.add(id, form, contacts.inOwningLine(scope.userId(), row.ownerId()));
        redirect.addFlashAttribute("flash", "contact.added");
        return "redirect:/customers/" + id + "#contacts";
    }

    @GetMapping("/customers/{id}/contacts/{contactId}/edit")
    @RequiresPermission("customer:edit")
    String editContact(DataScope scope, @PathVariable long id, @PathVariable long contactId, Model model) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        boolean unmasked = contacts.inOwningLine(scope.userId(), row.ownerId());
        model.addAttribute("contactForm", contacts.form(id, contactId, unmasked));
        return contactPage(model, row, contactId, unmasked);
    }

    @PostMapping("/customers/{id}/contacts/{contactId}")
    @RequiresPermission("customer:edit")
    String updateContact(DataScope scope, @PathVariable long id, @PathVariable long contactId,
                         @Valid @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        CustomerSearch.Row row = search.find(scope, id, false).orElseThrow(DomainException::notFound);
        boolean unmasked = contacts.inOwningLine(scope.userId(), row.ownerId());
        if (errors.hasErrors()) {
            return contactPage(model, row, contactId, unmasked);
        }
        contacts.update(id, contactId, form, unmasked);
        redirect.addFlashAttribute("flash", "contact.saved");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/contacts/{contactId}/remove")
    @RequiresPermission("customer:edit")
    String removeContact(DataScope scope, @PathVariable long id, @PathVariable long contactId, RedirectAttributes redirect) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        contacts.remove(id, contactId);
        redirect.addFlashAttribute("flash", "contact.removed");
        return "redirect:/customers/" + id;
    }

    private String contactPage(Model model, CustomerSearch.Row row, long contactId, boolean unmasked) {
        model.addAttribute("row", row);
        model.addAttribute("contactId", contactId);
        model.addAttribute("masked", !unmasked);
        model.addAttribute("decisionRoles", DecisionRole.values());
        return "contact-form";
    }

    @PostMapping("/customers/{id}/financials")
    @RequiresPermission("customer:edit")
    String recordFinancials(DataScope scope, @PathVariable long id,
                            @Valid @ModelAttribute("financialForm") CustomerFinancials.Form form, BindingResult errors, Model model,
                            RedirectAttributes redirect) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        if (!errors.hasErrors()) {
            try {
                financials.record(id, form);
                redirect.addFlashAttribute("flash", "financials.saved");
                return "redirect:/customers/" + id;
            } catch (DomainException e) {
                reject(errors, e, model);
            }
        }
        model.addAttribute("financialErrors", true);
        return show(scope, id, model);
    }

    @PostMapping("/customers/{id}/delete")
    @RequiresPermission("customer:delete")
    String delete(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        search.find(scope, id, false).orElseThrow(DomainException::notFound);
        management.delete(id);
        redirect.addFlashAttribute("flash", "customer.deleted");
        return "redirect:/customers";
    }

    @PostMapping("/customers/{id}/restore")
    @RequiresPermission("customer:delete")
    String restore(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        search.find(scope, id, true).orElseThrow(DomainException::notFound);
        management.restore(id);
        redirect.addFlashAttribute("flash", "customer.restored");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/purge")
    @RequiresPermission("customer:purge")
    String purge(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                 RedirectAttributes redirect) {
        search.find(scope, id, true).orElseThrow(DomainException::notFound);
        try {
            management.purge(id, reason);
            redirect.addFlashAttribute("flash", "customer.purged");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/customers/bin";
    }

    private String form(DataScope scope, Model model, CustomerSearch.Row row, Long version) {
        model.addAttribute("customer", row);
        model.addAttribute("version", version);
        model.addAttribute("owners", owners(scope));
        vocabularies(model);
        return "customer-form";
    }

    /** The people a customer may be given to: active staff in the user's scope, by name. */
    private List<StaffDirectory.Row> owners(DataScope scope) {
        return directory.page(scope, StaffDirectory.Filter.activeStaff(),
                new StaffDirectory.Sort(StaffDirectory.SortKey.FULL_NAME, false), null, StaffDirectory.MAX_PAGE).rows();
    }

    private static void vocabularies(Model model) {
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("scales", Scale.values());
    }

    private static void reject(BindingResult errors, DomainException e, Model model) {
        e.details().forEach(model::addAttribute);
        FormErrors.reject(errors, e);
    }

    @Bean
    static NavItem customersNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.customers", "/customers", "building", "customer:read", 10);
    }

    @Bean
    static NavItem newCustomerNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.customers.new", "/customers/new", "plus-square", "customer:edit", 20);
    }

    @Bean
    static NavItem binNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.customers.bin", "/customers/bin", "trash", "customer:delete", 90);
    }
}
