package io.zhidu.crm.receivable;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.DomainException;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payment screens (回款): the list with its filters and Excel export, the entry form (the
 * customer found by a search inside the scope), and a payment's page with its allocations, the
 * allocation by hand and the reversal.
 */
@ScreenController
class PaymentPageController {

    static final int CUSTOMER_CHOICES = 20;
    static final int OPEN_RECEIVABLES = 50;
    static final String AMOUNT = "amount_";

    private final Payments payments;
    private final Receivables receivables;
    private final CustomerSearch customers;
    private final BusinessClock clock;
    private final MessageSource messages;

    PaymentPageController(Payments payments, Receivables receivables, CustomerSearch customers, BusinessClock clock,
                          MessageSource messages) {
        this.payments = payments;
        this.receivables = receivables;
        this.customers = customers;
        this.clock = clock;
        this.messages = messages;
    }

    /** The entry form; {@code q} searches the customers in the scope by name or credit code. */
    record PaymentForm(Long customerId, String q, BigDecimal amount,
                       @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                       LocalDate receivedOn, PaymentMethod method, String reference, AllocationMode allocation) {

        Payments.Entry entry() {
            return new Payments.Entry(customerId, amount, receivedOn, method, reference, allocation);
        }
    }

    record ListParams(Long customerId, PaymentStatus status, Boolean unallocated) {

        Payments.Filter filter() {
            return new Payments.Filter(customerId, status, Boolean.TRUE.equals(unallocated));
        }
    }

    @GetMapping("/payments")
    @RequiresPermission("receivable:read")
    String list(DataScope scope, @ModelAttribute("filter") ListParams params, BindingResult errors,
                @RequestParam(required = false) String cursor, Model model) {
        ListParams p = errors.hasErrors() ? new ListParams(null, null, null) : params;
        model.addAttribute("filter", p);
        model.addAttribute("statuses", PaymentStatus.values());
        model.addAttribute("page", payments.page(scope, p.filter(), KeysetCursor.decode(cursor), 50));
        model.addAttribute("canRecord", Grants.can("payment:record"));
        if (p.customerId() != null) {
            customers.find(scope, p.customerId(), false).ifPresent(c -> model.addAttribute("customerName", c.name()));
        }
        return "payments";
    }

    @GetMapping("/payments/export")
    @RequiresPermission("receivable:read")
    void export(DataScope scope, @ModelAttribute ListParams params, Locale locale, HttpServletResponse response) throws IOException {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("receivable.payment.id", "receivable.customer", "receivable.payment.receivedOn",
                "receivable.payment.method", "receivable.payment.reference", "receivable.payment.amount",
                "receivable.payment.unallocated", "receivable.status", "receivable.payment.allocation",
                "receivable.payment.enteredBy", "receivable.payment.reversedOn", "receivable.payment.reason")) {
            headers.add(messages.getMessage(key, null, locale));
        }
        try (XlsxExport x = new XlsxExport(messages.getMessage("receivable.payment.list", null, locale), headers)) {
            payments.forEach(scope, params.filter(), r -> x.row(r.id(), r.customerName(), r.receivedOn(),
                    messages.getMessage(r.method().labelKey(), null, locale), r.reference(), r.amount(), r.unallocated(),
                    messages.getMessage(r.status().labelKey(), null, locale),
                    messages.getMessage(r.allocation().labelKey(), null, locale), r.enteredBy(), r.reversedOn(), r.reverseReason()));
            response.setContentType(XlsxExport.CONTENT_TYPE);
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename("payments-" + clock.today() + ".xlsx").build().toString());
            x.writeTo(response.getOutputStream());
        }
    }

    @GetMapping("/payments/new")
    @RequiresPermission("payment:record")
    String newForm(DataScope scope, @RequestParam(required = false) Long customerId, @RequestParam(required = false) String q,
                   Model model) {
        PaymentForm form = new PaymentForm(customerId, q, null, clock.today(), PaymentMethod.BANK_TRANSFER, null, AllocationMode.AUTO);
        model.addAttribute("form", form);
        return form(scope, form, model);
    }

    @PostMapping("/payments")
    @RequiresPermission("payment:record")
    String record(DataScope scope, @ModelAttribute("form") PaymentForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long id = payments.record(scope, form.entry());
                redirect.addFlashAttribute("flash", "receivable.payment.recorded");
                return "redirect:/payments/" + id;
            } catch (DomainException e) {
                FormErrors.reject(errors, e.kind() == DomainException.Kind.NOT_FOUND
                        ? DomainException.invalid("customerId", "receivable.payment.customerUnknown") : e);
            }
        }
        return form(scope, form, model);
    }

    private String form(DataScope scope, PaymentForm form, Model model) {
        List<CustomerSearch.Row> choices = new ArrayList<>();
        if (form != null && form.customerId() != null) {
            customers.find(scope, form.customerId(), false).ifPresent(choices::add);
        }
        if (form != null && form.q() != null && !form.q().isBlank()) {
            customers.page(scope, new CustomerSearch.Filter(form.q().strip(), null, null, null, null, null, null, null, null, null,
                            false, false), null, CUSTOMER_CHOICES).rows().stream()
                    .filter(c -> choices.stream().noneMatch(x -> x.id() == c.id()))
                    .forEach(choices::add);
        }
        model.addAttribute("customers", choices);
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("modes", AllocationMode.values());
        model.addAttribute("today", clock.today());
        return "payment-form";
    }

    @GetMapping("/payments/{id}")
    @RequiresPermission("receivable:read")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Payments.Row p = payments.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("p", p);
        model.addAttribute("allocations", payments.allocations(id));
        boolean open = Grants.can("payment:record") && p.status() == PaymentStatus.RECORDED;
        model.addAttribute("canReverse", open);
        model.addAttribute("canAllocate", open && p.unallocated().signum() > 0);
        model.addAttribute("open", open && p.unallocated().signum() > 0 ? receivables.openOf(scope, p.customerId(), OPEN_RECEIVABLES)
                : List.of());
        model.addAttribute("today", clock.today());
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        return "payment";
    }

    /** Allocation by hand: the amounts typed beside the open receivables ({@code amount_<receivableId>}), all or nothing. */
    @PostMapping("/payments/{id}/allocations")
    @RequiresPermission("payment:record")
    String allocate(DataScope scope, @PathVariable long id, @RequestParam Map<String, String> params, Model model,
                    RedirectAttributes redirect) {
        Map<String, String> entered = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(AMOUNT) && v != null && !v.isBlank()) {
                entered.put(k.substring(AMOUNT.length()), v.strip());
            }
        });
        try {
            payments.allocateByHand(scope, id, shares(entered));
            redirect.addFlashAttribute("flash", "receivable.allocation.done");
            return "redirect:/payments/" + id;
        } catch (DomainException e) {
            return refused(scope, id, e, model.addAttribute("entered", entered));
        }
    }

    /** The typed amounts as shares; an unreadable number or receivable id is refused. */
    static List<Payments.Share> shares(Map<String, String> entered) {
        List<Payments.Share> shares = new ArrayList<>();
        entered.forEach((receivable, amount) -> {
            try {
                shares.add(new Payments.Share(Long.valueOf(receivable), new BigDecimal(amount)));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("allocations", "receivable.allocation.amountFormat", amount);
            }
        });
        return shares;
    }

    @PostMapping("/payments/{id}/reverse")
    @RequiresPermission("payment:record")
    String reverse(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
                   RedirectAttributes redirect) {
        try {
            payments.reverse(scope, id, reason);
            redirect.addFlashAttribute("flash", "receivable.payment.reversed");
            return "redirect:/payments/" + id;
        } catch (DomainException e) {
            return refused(scope, id, e, model.addAttribute("reason", reason));
        }
    }

    /** The payment's page again with the refusal above it (values kept); a payment outside the scope stays 404. */
    private String refused(DataScope scope, long id, DomainException e, Model model) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        model.addAttribute("refusal", e.messageKey());
        model.addAttribute("refusalArgs", e.args());
        return show(scope, id, model);
    }

    @Bean
    static NavItem paymentsNavItem() {
        return new NavItem(NavGroup.SALES, "receivable.nav.payments", "/payments", "wallet2", "receivable:read", 35);
    }
}
