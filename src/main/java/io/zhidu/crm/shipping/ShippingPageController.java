package io.zhidu.crm.shipping;

import io.zhidu.crm.contract.ContractView;
import io.zhidu.crm.contract.Contracts;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warehouse's shipping queue (发货队列) in shipping-priority order, the new-order form for a signed
 * contract (found by its number inside the scope), and an order's page with its lines, the reasons
 * of its block, the release request and its approval trail. Refusals re-show the page with the
 * message and the values typed.
 */
@ScreenController
class ShippingPageController {

    private final ShippingOrders orders;
    private final Contracts contracts;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    ShippingPageController(ShippingOrders orders, Contracts contracts, JdbcClient jdbc, BusinessClock clock) {
        this.orders = orders;
        this.contracts = contracts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("today")
    LocalDate today() {
        return clock.today();
    }

    @GetMapping("/shipments")
    @RequiresPermission("shipment:record")
    String queue(DataScope scope, @RequestParam(required = false) ShippingStatus status, @RequestParam(required = false) String cursor,
                 Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", ShippingStatus.values());
        model.addAttribute("page", orders.queue(scope, status, KeysetCursor.decode(cursor), 50));
        return "shipments";
    }

    @GetMapping("/shipments/new")
    @RequiresPermission("shipment:record")
    String form(DataScope scope, @RequestParam(required = false) String contract, Model model) {
        model.addAttribute("contractNumber", contract == null ? "" : contract.strip());
        if (contract != null && !contract.isBlank()) {
            try {
                model.addAttribute("contract", contract(scope, contract));
            } catch (DomainException e) {
                refuse(model, e);
            }
        }
        return "shipment-form";
    }

    @PostMapping("/shipments")
    @RequiresPermission("shipment:record")
    String create(DataScope scope, @RequestParam(required = false) String contract, @RequestParam(required = false) String requestedOn,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            ContractView c = contract(scope, contract);
            model.addAttribute("contract", c);
            List<ShippingOrders.LineInput> lines = new ArrayList<>();
            for (ContractView.Line l : c.lines()) {
                String q = params.getOrDefault("q" + l.number(), "").strip();
                if (!q.isEmpty()) {
                    lines.add(new ShippingOrders.LineInput(l.number(), decimal(q, lines.size())));
                }
            }
            long id = orders.create(scope, new ShippingOrders.Draft(c.id(), lines, date(requestedOn)));
            redirect.addFlashAttribute("flash", "shipping.created");
            return "redirect:/shipments/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND && model.getAttribute("contract") != null) {
                throw e;
            }
            refuse(model, e);
            model.addAttribute("contractNumber", contract == null ? "" : contract.strip());
            model.addAttribute("values", params);
            return "shipment-form";
        }
    }

    @GetMapping("/shipments/{id}")
    @RequiresPermission("shipment:record")
    String show(DataScope scope, @PathVariable long id, Model model) {
        ShippingOrders.Order o = orders.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("o", o);
        List<io.zhidu.crm.approval.ApprovalView> trail = orders.releaseRequests(scope, id);
        model.addAttribute("approvals", trail);
        model.addAttribute("requestOpen", trail.stream().anyMatch(io.zhidu.crm.approval.ApprovalView::open));
        return "shipment";
    }

    @PostMapping("/shipments/{id}/{action}")
    @RequiresPermission("shipment:record")
    String act(DataScope scope, @PathVariable long id, @PathVariable String action, Model model, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "confirm" -> orders.confirm(scope, id);
                case "release" -> orders.release(scope, id);
                case "request-release" -> orders.requestRelease(scope, id);
                case "ship" -> orders.ship(scope, id);
                case "cancel" -> orders.cancel(scope, id);
                default -> throw DomainException.notFound();
            }
            redirect.addFlashAttribute("flash", "shipping.done." + action);
            return "redirect:/shipments/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            refuse(model, e);
            return show(scope, id, model);
        }
    }

    private ContractView contract(DataScope scope, String number) {
        String n = number == null ? "" : number.strip();
        if (n.isEmpty()) {
            throw DomainException.invalid("contract", "shipping.error.contractRequired");
        }
        Long id = jdbc.sql("SELECT id FROM contract WHERE number = ?").param(n).query(Long.class).optional().orElse(null);
        return (id == null ? java.util.Optional.<ContractView>empty() : contracts.find(scope, id))
                .orElseThrow(() -> DomainException.invalid("contract", "shipping.error.unknownContract", n));
    }

    private static BigDecimal decimal(String s, int index) {
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("lines[" + index + "].quantity", "shipping.error.quantity");
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("requestedOn", "shipping.error.requestedOn");
        }
    }

    private static void refuse(Model model, DomainException e) {
        model.addAttribute("refusal", e.messageKey());
        model.addAttribute("refusalArgs", e.args());
    }

    @Bean
    static NavItem shippingNavItem() {
        return new NavItem(NavGroup.CREDIT, "shipping.nav", "/shipments", "truck", "shipment:record", 50);
    }
}
