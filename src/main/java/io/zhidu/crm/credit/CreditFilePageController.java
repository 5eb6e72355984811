package io.zhidu.crm.credit;

import io.zhidu.crm.attachment.Attachments;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.FormErrors;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit-file screens (信用档案, 6.2.4-2): the statistician's work list (动态管理) with its
 * Excel export, the lists of field investigations and information slips, their forms (a refused
 * form comes back with everything typed and the reason on its field) and their pages with files.
 */
@ScreenController
class CreditFilePageController {

    static final int PAGE = 50;

    private final FieldInvestigations investigations;
    private final InformationSlips slips;
    private final CreditFileWorklist worklist;
    private final CustomerSearch customers;
    private final Attachments attachments;
    private final StaffDirectory directory;
    private final BusinessClock clock;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CreditFilePageController(FieldInvestigations investigations, InformationSlips slips, CreditFileWorklist worklist,
                             CustomerSearch customers, Attachments attachments, StaffDirectory directory, BusinessClock clock,
                             MessageSource messages, ApplicationEventPublisher events) {
        this.investigations = investigations;
        this.slips = slips;
        this.worklist = worklist;
        this.customers = customers;
        this.attachments = attachments;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
        this.events = events;
    }

    // ---- the work list (动态管理)

    @GetMapping("/credit/files")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    String worklist(DataScope scope, @RequestParam(required = false) FileReason reason, @RequestParam(required = false) Long officeId,
                    @RequestParam(required = false) String cursor, Model model) {
        CreditFileWorklist.Filter filter = new CreditFileWorklist.Filter(reason, officeId);
        model.addAttribute("filter", filter);
        model.addAttribute("reasons", FileReason.values());
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("page", worklist.page(scope, filter, KeysetCursor.decode(cursor), PAGE));
        return "credit-files";
    }

    @GetMapping("/credit/files/export")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    void export(DataScope scope, @RequestParam(required = false) FileReason reason, @RequestParam(required = false) Long officeId,
                Locale locale, HttpServletResponse response) throws IOException {
        List<String> headers = headers(locale, "creditfile.customer", "creditfile.office", "creditfile.owner", "creditfile.rating",
                "creditfile.validUntil", "creditfile.onHold", "creditfile.lastInvestigated", "creditfile.openSlips",
                "creditfile.reasons");
        try (XlsxExport x = new XlsxExport(messages.getMessage("creditfile.worklist.title", null, locale), headers)) {
            worklist.forEach(scope, new CreditFileWorklist.Filter(reason, officeId), r -> x.row(r.customerName(), r.officeName(),
                    r.ownerName(), r.rating(), r.validUntil(), r.onHold() ? messages.getMessage("creditfile.yes", null, locale) : "",
                    r.lastInvestigated(), r.openSlips(), r.reasons().stream()
                            .map(c -> messages.getMessage(c.labelKey(), null, locale)).collect(Collectors.joining(", "))));
            send(x, "credit-files", "CREDIT_FILES_EXPORTED", "reason " + reason + ", office " + officeId, response);
        }
    }

    private List<String> headers(Locale locale, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> messages.getMessage(k, null, locale)).toList();
    }

    /** Sends the workbook as {@code <name>-<today>.xlsx}; the export is audited with its row count. */
    private void send(XlsxExport x, String name, String action, String detail, HttpServletResponse response) throws IOException {
        events.publishEvent(new CreditFileChanged(CurrentActor.username(), action, null, null, x.rows() + " rows, " + detail));
        response.setContentType(XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(name + "-" + clock.today() + ".xlsx").build().toString());
        x.writeTo(response.getOutputStream());
    }

    // ---- field investigations (实地调查记录表)

    @GetMapping("/credit/investigations")
    @RequiresPermission("credit:read")
    String investigations(DataScope scope, @RequestParam(required = false) Long officeId,
                          @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("officeId", officeId);
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("page", investigations.page(scope, new FieldInvestigations.Filter(officeId, null),
                KeysetCursor.decode(cursor), PAGE));
        return "credit-investigations";
    }

    @GetMapping("/credit/investigations/export")
    @RequiresPermission("credit:read")
    void exportInvestigations(DataScope scope, @RequestParam(required = false) Long officeId, Locale locale,
                              HttpServletResponse response) throws IOException {
        List<String> headers = headers(locale, "creditfile.investigatedOn", "creditfile.customer", "creditfile.office",
                "creditfile.investigators", "creditfile.contactPerson", "creditfile.businessStatus", "creditfile.management",
                "creditfile.financialStatus", "creditfile.facilities", "creditfile.paymentAttitude", "creditfile.findings",
                "creditfile.grade", "creditfile.recordedBy");
        try (XlsxExport x = new XlsxExport(messages.getMessage("creditfile.investigations.title", null, locale), headers)) {
            investigations.forEach(scope, new FieldInvestigations.Filter(officeId, null), i -> x.row(i.investigatedOn(),
                    i.customerName(), i.officeName(), i.investigators(), i.contactPerson(), i.businessStatus(), i.management(),
                    i.financialStatus(), i.facilities(), i.paymentAttitude(), i.findings(), i.grade(), i.recordedBy()));
            send(x, "credit-investigations", "INVESTIGATIONS_EXPORTED", "office " + officeId, response);
        }
    }

    @GetMapping("/customers/{id}/credit/investigations/new")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    String newInvestigation(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("form", FieldInvestigations.Form.blank(clock.today()));
        return investigationForm(scope, id, model);
    }

    private String investigationForm(DataScope scope, long customerId, Model model) {
        model.addAttribute("customer", customers.find(scope, customerId, false).orElseThrow(DomainException::notFound));
        model.addAttribute("today", clock.today());
        model.addAttribute("upload", attachments.limits());
        return "credit-investigation-form";
    }

    @PostMapping("/customers/{id}/credit/investigations")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    String recordInvestigation(DataScope scope, @PathVariable long id, @ModelAttribute("form") FieldInvestigations.Form form,
                               BindingResult errors, @RequestParam(required = false) MultipartFile file, Model model,
                               RedirectAttributes redirect) throws IOException {
        if (!errors.hasErrors()) {
            try {
                FieldInvestigations.Row row = investigations.record(scope, id, form, fileName(file), bytes(file));
                redirect.addFlashAttribute("flash", "creditfile.investigation.recorded");
                return "redirect:/credit/investigations/" + row.id();
            } catch (DomainException e) {
                refuse(errors, e);
            }
        }
        return investigationForm(scope, id, model);
    }

    @GetMapping("/credit/investigations/{id}")
    @RequiresPermission("credit:read")
    String investigation(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("investigation", investigations.find(scope, id).orElseThrow(DomainException::notFound));
        model.addAttribute("attachments", attachments.panel(scope, FieldInvestigations.SUBJECT, id));
        return "credit-investigation";
    }

    // ---- information slips (信息处理单)

    @GetMapping("/credit/slips")
    @RequiresPermission("credit:read")
    String slips(DataScope scope, @RequestParam(required = false) SlipStatus status, @RequestParam(required = false) Long officeId,
                 @RequestParam(required = false) String cursor, Model model) {
        InformationSlips.Filter filter = new InformationSlips.Filter(status, officeId, null);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", SlipStatus.values());
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("page", slips.page(scope, filter, KeysetCursor.decode(cursor), PAGE));
        return "credit-slips";
    }

    @GetMapping("/credit/slips/export")
    @RequiresPermission("credit:read")
    void exportSlips(DataScope scope, @RequestParam(required = false) SlipStatus status, @RequestParam(required = false) Long officeId,
                     Locale locale, HttpServletResponse response) throws IOException {
        List<String> headers = headers(locale, "creditfile.receivedOn", "creditfile.customer", "creditfile.office",
                "creditfile.source", "creditfile.content", "creditfile.status", "creditfile.handling", "creditfile.handledBy",
                "creditfile.recordedBy");
        try (XlsxExport x = new XlsxExport(messages.getMessage("creditfile.slips.title", null, locale), headers)) {
            slips.forEach(scope, new InformationSlips.Filter(status, officeId, null), s -> x.row(s.receivedOn(), s.customerName(),
                    s.officeName(), messages.getMessage(s.source().labelKey(), null, locale), s.content(),
                    messages.getMessage(s.status().labelKey(), null, locale), s.handling(), s.handledBy(), s.recordedBy()));
            send(x, "credit-slips", "SLIPS_EXPORTED", "status " + status + ", office " + officeId, response);
        }
    }

    @GetMapping("/customers/{id}/credit/slips/new")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    String newSlip(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("form", InformationSlips.Form.blank(clock.today()));
        return slipForm(scope, id, model);
    }

    private String slipForm(DataScope scope, long customerId, Model model) {
        model.addAttribute("customer", customers.find(scope, customerId, false).orElseThrow(DomainException::notFound));
        model.addAttribute("today", clock.today());
        model.addAttribute("sources", SlipSource.values());
        model.addAttribute("upload", attachments.limits());
        return "credit-slip-form";
    }

    @PostMapping("/customers/{id}/credit/slips")
    @RequiresPermission(CreditFileAttachments.INVESTIGATE)
    String recordSlip(DataScope scope, @PathVariable long id, @ModelAttribute("form") InformationSlips.Form form,
                      BindingResult errors, @RequestParam(required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect) throws IOException {
        if (!errors.hasErrors()) {
            try {
                InformationSlips.Row row = slips.record(scope, id, form, fileName(file), bytes(file));
                redirect.addFlashAttribute("flash", "creditfile.slip.recorded");
                return "redirect:/credit/slips/" + row.id();
            } catch (DomainException e) {
                refuse(errors, e);
            }
        }
        return slipForm(scope, id, model);
    }

    @GetMapping("/credit/slips/{id}")
    @RequiresPermission("credit:read")
    String slip(DataScope scope, @PathVariable long id, Model model) {
        if (!model.containsAttribute("handling")) {
            model.addAttribute("handling", new InformationSlips.Handling(null));
        }
        return slipPage(scope, id, model);
    }

    private String slipPage(DataScope scope, long id, Model model) {
        InformationSlips.Row slip = slips.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("slip", slip);
        model.addAttribute("canHandle", Grants.can("credit:propose") && slip.status() == SlipStatus.OPEN);
        model.addAttribute("attachments", attachments.panel(scope, InformationSlips.SUBJECT, id));
        return "credit-slip";
    }

    @PostMapping("/credit/slips/{id}/handle")
    @RequiresPermission("credit:propose")
    String handle(DataScope scope, @PathVariable long id, @ModelAttribute("handling") InformationSlips.Handling handling,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            slips.handle(scope, id, handling);
            redirect.addFlashAttribute("flash", "creditfile.slip.handledDone");
            return "redirect:/credit/slips/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.CONFLICT) {
                redirect.addFlashAttribute("refusal", e.messageKey());
                redirect.addFlashAttribute("refusalArgs", e.args());
                return "redirect:/credit/slips/" + id;
            }
            refuse(errors, e);
        }
        return slipPage(scope, id, model);
    }

    private static void refuse(BindingResult errors, DomainException e) {
        if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
            throw e;
        }
        FormErrors.reject(errors, e);
    }

    private static String fileName(MultipartFile file) {
        return file == null || file.isEmpty() ? null : file.getOriginalFilename();
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    @Bean
    static NavItem creditFilesNavItem() {
        return new NavItem(NavGroup.CREDIT, "creditfile.nav.worklist", "/credit/files", "clipboard-check",
                CreditFileAttachments.INVESTIGATE, 20);
    }

    @Bean
    static NavItem creditInvestigationsNavItem() {
        return new NavItem(NavGroup.CREDIT, "creditfile.nav.investigations", "/credit/investigations", "binoculars",
                "credit:read", 21);
    }

    @Bean
    static NavItem creditSlipsNavItem() {
        return new NavItem(NavGroup.CREDIT, "creditfile.nav.slips", "/credit/slips", "envelope-paper", "credit:read", 22);
    }
}
