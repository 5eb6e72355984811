package io.zhidu.crm.collection;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The collection screens: the case list (with its Excel export), a case's page with its action form, the dunning letter. */
@ScreenController
class CollectionPageController {

    private final CollectionCases cases;
    private final DunningLetters letters;
    private final StaffDirectory directory;
    private final BusinessClock clock;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CollectionPageController(CollectionCases cases, DunningLetters letters, StaffDirectory directory, BusinessClock clock,
                             MessageSource messages, ApplicationEventPublisher events) {
        this.cases = cases;
        this.letters = letters;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
        this.events = events;
    }

    @GetMapping("/collections")
    @RequiresPermission("receivable:read")
    String list(DataScope scope, @RequestParam(required = false) CaseStage stage, @RequestParam(required = false) Long officeId,
                @RequestParam(required = false) String cursor, Model model) {
        CollectionCases.Filter filter = new CollectionCases.Filter(stage, officeId, null);
        model.addAttribute("filter", filter);
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("offices", directory.officesInScope(scope));
        model.addAttribute("page", cases.page(scope, filter, KeysetCursor.decode(cursor), 50));
        return "collections";
    }

    @GetMapping("/collections/export")
    @RequiresPermission("receivable:read")
    void export(DataScope scope, @RequestParam(required = false) CaseStage stage, @RequestParam(required = false) Long officeId,
                Locale locale, HttpServletResponse response) throws IOException {
        List<String> headers = List.of("collection.case", "collection.customer", "collection.stage", "collection.office",
                        "collection.owner", "collection.openedOn", "collection.handedOverOn", "collection.closedOn",
                        "collection.openAmount").stream()
                .map(k -> messages.getMessage(k, null, locale)).toList();
        try (XlsxExport x = new XlsxExport(messages.getMessage("collection.list.title", null, locale), headers)) {
            cases.forEach(scope, new CollectionCases.Filter(stage, officeId, null), r -> x.row(r.id(), r.customerName(),
                    messages.getMessage(r.stage().labelKey(), null, locale), r.officeName(), r.ownerName(), r.openedOn(),
                    r.handedOverOn(), r.closedOn(), r.openAmount()));
            events.publishEvent(new CollectionChanged(CurrentActor.username(), "COLLECTION_EXPORTED", null,
                    x.rows() + " cases, stage " + stage + ", office " + officeId));
            response.setContentType(XlsxExport.CONTENT_TYPE);
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename("collections-" + clock.today() + ".xlsx").build().toString());
            x.writeTo(response.getOutputStream());
        }
    }

    @GetMapping("/collections/{id}")
    @RequiresPermission("receivable:read")
    String show(DataScope scope, @PathVariable long id, Model model) {
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", new CollectionCases.ActionForm(null, clock.today(), null, null, null));
        }
        return page(scope, id, model);
    }

    private String page(DataScope scope, long id, Model model) {
        CollectionCases.Row c = cases.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("collectionCase", c);
        model.addAttribute("receivables", cases.receivables(id));
        model.addAttribute("actions", cases.actions(id));
        model.addAttribute("history", cases.history(id));
        model.addAttribute("kinds", ActionKind.values());
        model.addAttribute("today", clock.today());
        model.addAttribute("canAct", Grants.can("collection:act") && cases.mayAct(scope, c));
        return "collection";
    }

    @PostMapping("/collections/{id}/actions")
    @RequiresPermission("collection:act")
    String act(DataScope scope, @PathVariable long id, @ModelAttribute("actionForm") CollectionCases.ActionForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                cases.act(scope, id, form);
                redirect.addFlashAttribute("flash", "collection.action.logged");
                return "redirect:/collections/" + id;
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                FormErrors.reject(errors, e);
            }
        }
        return page(scope, id, model);
    }

    /** The dunning letter (催款函) as PDF. */
    @GetMapping("/collections/{id}/dunning-letter.pdf")
    @RequiresPermission("receivable:read")
    ResponseEntity<byte[]> letter(DataScope scope, @PathVariable long id) {
        return letters.print(scope, id);
    }

    @Bean
    static NavItem collectionsNavItem() {
        return new NavItem(NavGroup.SALES, "collection.nav", "/collections", "telephone-outbound", "receivable:read", 50);
    }
}
