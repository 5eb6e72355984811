package io.zhidu.crm.ownership;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.policy.Policies;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.util.List;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ownership screens: my declarations with days left, the public pool, the director's
 * "expiring soon" with reassign / return-to-pool, and the manager's transfer form. Refusals of a
 * declaration come back as a message on the page the user acted from.
 */
@ScreenController
class OwnershipPageController {

    private final Declarations declarations;
    private final OwnershipQueries queries;
    private final CustomerSearch search;
    private final Staff staff;
    private final TransferTargets transferTargets;
    private final Policies policies;
    private final BusinessClock clock;

    OwnershipPageController(Declarations declarations, OwnershipQueries queries, CustomerSearch search, Staff staff,
                            TransferTargets transferTargets, Policies policies, BusinessClock clock) {
        this.declarations = declarations;
        this.queries = queries;
        this.search = search;
        this.staff = staff;
        this.transferTargets = transferTargets;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/declarations")
    @RequiresPermission("ownership:declare")
    String mine(DataScope scope, @RequestParam(required = false) String cursor, Model model) {
        ProtectionRules rules = ProtectionRules.of(policies.current());
        model.addAttribute("page", queries.mine(scope.userId(), clock.today(), KeysetCursor.decode(cursor), 50));
        model.addAttribute("rules", rules);
        model.addAttribute("warnBy", clock.today().plusDays(rules.warningDays()));
        return "declarations";
    }

    @GetMapping("/pool")
    @RequiresPermission("pool:read")
    String pool(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                Model model) {
        ProtectionRules rules = ProtectionRules.of(policies.current());
        DataScope pool = Declarations.poolScope(staff.byId(scope.userId()).orElseThrow(DomainException::forbidden), rules);
        model.addAttribute("page", search.page(pool, CustomerSearch.Filter.pool(q), KeysetCursor.decode(cursor), 50));
        model.addAttribute("q", q);
        model.addAttribute("rules", rules);
        return "pool";
    }

    @PostMapping("/customers/{id}/declare")
    @RequiresPermission("ownership:declare")
    String declare(DataScope scope, @PathVariable long id, @RequestParam(required = false) String from,
                   RedirectAttributes redirect) {
        try {
            Declarations.Declared d = declarations.declare(scope, id);
            redirect.addFlashAttribute("flash", "ownership.declared");
            redirect.addFlashAttribute("flashArgs", new Object[] {d.endsOn().toString()});
            return "redirect:/customers/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
            return "redirect:" + ("pool".equals(from) ? "/pool" : "/customers/" + id);
        }
    }

    @PostMapping("/customers/{id}/release")
    @RequiresPermission("customer:read")
    String release(DataScope scope, @PathVariable long id, @RequestParam(required = false) String from,
                   RedirectAttributes redirect) {
        declarations.release(scope, id, Grants.can("ownership:transfer"));
        redirect.addFlashAttribute("flash", "ownership.released");
        return "redirect:" + ("expiring".equals(from) ? "/declarations/expiring" : "/declarations");
    }

    @PostMapping("/customers/{id}/progress")
    @RequiresPermission("customer:edit")
    String progress(DataScope scope, @PathVariable long id, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String happenedOn, @RequestParam(required = false) String note,
                    RedirectAttributes redirect) {
        try {
            Declarations.ProgressRecorded r = declarations.recordProgress(scope, id,
                    new Declarations.ProgressForm(parseKind(kind), parseDate(happenedOn), note));
            redirect.addFlashAttribute("flash", r.renewed() ? "ownership.progress.renewed" : "ownership.progress.recorded");
            redirect.addFlashAttribute("flashArgs", new Object[] {r.endsOn() == null ? "" : r.endsOn().toString()});
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
            redirect.addFlashAttribute("progressNote", note);
        }
        return "redirect:/customers/" + id + "#ownership";
    }

    @GetMapping("/declarations/expiring")
    @RequiresPermission("ownership:transfer")
    String expiring(DataScope scope, @RequestParam(required = false) String cursor, Model model) {
        ProtectionRules rules = ProtectionRules.of(policies.current());
        model.addAttribute("page", queries.expiring(scope, clock.today(), rules.warningDays(), KeysetCursor.decode(cursor), 50));
        model.addAttribute("targets", targets(scope));
        model.addAttribute("rules", rules);
        return "declarations-expiring";
    }

    @GetMapping("/customers/transfer")
    @RequiresPermission("ownership:transfer")
    String transferForm(DataScope scope, Model model) {
        model.addAttribute("targets", targets(scope));
        return "transfer";
    }

    @PostMapping("/customers/transfer")
    @RequiresPermission("ownership:transfer")
    String transfer(DataScope scope, @RequestParam(required = false) List<Long> customerIds,
                    @RequestParam(required = false) Long fromUserId, @RequestParam(required = false) List<Long> toUserIds,
                    @RequestParam(defaultValue = "false") boolean lead, @RequestParam(required = false) String from,
                    Model model, RedirectAttributes redirect) {
        try {
            Declarations.Transferred done = declarations.transfer(scope,
                    new Declarations.Transfer(customerIds, fromUserId, toUserIds, lead));
            redirect.addFlashAttribute("flash", "ownership.transferred");
            redirect.addFlashAttribute("flashArgs", new Object[] {done.total()});
            return "redirect:" + back(from, customerIds, "/customers/transfer");
        } catch (DomainException e) {
            if (from != null) {
                redirect.addFlashAttribute("refusal", e.messageKey());
                redirect.addFlashAttribute("refusalArgs", e.args());
                return "redirect:" + back(from, customerIds, "/declarations/expiring");
            }
            model.addAttribute("refusal", e.messageKey());
            model.addAttribute("refusalArgs", e.args());
            model.addAttribute("fromUserId", fromUserId);
            model.addAttribute("toUserIds", toUserIds == null ? List.of() : toUserIds);
            model.addAttribute("lead", lead);
            model.addAttribute("targets", targets(scope));
            return "transfer";
        }
    }

    private List<StaffDirectory.Row> targets(DataScope scope) {
        return transferTargets.of(scope);
    }

    /** Where a transfer started: the expiring list, a customer's page, or the transfer form. */
    private static String back(String from, List<Long> customerIds, String otherwise) {
        if ("customer".equals(from) && customerIds != null && customerIds.size() == 1) {
            return "/customers/" + customerIds.get(0) + "#ownership";
        }
        return "expiring".equals(from) ? "/declarations/expiring" : otherwise;
    }

    private static ProgressKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ProgressKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "ownership.error.kindRequired");
        }
    }

    private static java.time.LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(date.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("happenedOn", "ownership.error.dateRequired");
        }
    }

    @Bean
    static NavItem declarationsNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.declarations", "/declarations", "shield-check", "ownership:declare", 40);
    }

    @Bean
    static NavItem poolNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.pool", "/pool", "water", "pool:read", 50);
    }

    @Bean
    static NavItem expiringNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.expiring", "/declarations/expiring", "hourglass-split", "ownership:transfer", 60);
    }

    @Bean
    static NavItem transferNavItem() {
        return new NavItem(NavGroup.CUSTOMERS, "nav.transfer", "/customers/transfer", "arrow-left-right", "ownership:transfer", 70);
    }
}
