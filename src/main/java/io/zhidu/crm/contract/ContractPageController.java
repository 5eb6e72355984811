package io.zhidu.crm.contract;

import io.zhidu.crm.attachment.Attachments;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contract screens: the list, a new draft, a contract's page with its acts, and the price list. */
@ScreenController
class ContractPageController {

    static final int FORM_LINES = 5;
    static final int FORM_TERMS = 4;

    private final Contracts contracts;
    private final ContractQueries queries;
    private final Catalogue catalogue;
    private final io.zhidu.crm.shared.time.BusinessClock clock;
    private final Attachments attachments;
    private final PriceListExcel priceList;

    ContractPageController(Contracts contracts, ContractQueries queries, Catalogue catalogue,
                           io.zhidu.crm.shared.time.BusinessClock clock, Attachments attachments, PriceListExcel priceList) {
        this.clock = clock;
        this.priceList = priceList;
        this.attachments = attachments;
        this.contracts = contracts;
        this.queries = queries;
        this.catalogue = catalogue;
    }

    @GetMapping("/contracts")
    @RequiresPermission("contract:read")
    String list(DataScope scope, @RequestParam(required = false) ContractStatus status,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", queries.page(scope, null, status, KeysetCursor.decode(cursor), 50));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ContractStatus.values());
        return "contracts";
    }

    @GetMapping("/contracts/new")
    @RequiresPermission("contract:edit")
    String newForm(@RequestParam(required = false) Long customerId, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        if (customerId != null) {
            values.put("customerId", customerId.toString());
        }
        values.put("terms[0].percent", "100");
        values.put("terms[0].anchor", PaymentAnchor.SIGNING.name());
        values.put("terms[0].days", "30");
        return form(values, model);
    }

    private String form(Map<String, String> values, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("lineRows", java.util.stream.IntStream.range(0, FORM_LINES).boxed().toList());
        model.addAttribute("termRows", java.util.stream.IntStream.range(0, FORM_TERMS).boxed().toList());
        model.addAttribute("anchors", PaymentAnchor.values());
        return "contract-form";
    }

    @PostMapping("/contracts")
    @RequiresPermission("contract:edit")
    String create(DataScope scope, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            ContractView v = contracts.draft(scope, draft(params));
            redirect.addFlashAttribute("flash", "contract.drafted");
            redirect.addFlashAttribute("flashArgs", new Object[] {v.number()});
            return "redirect:/contracts/" + v.id();
        } catch (DomainException e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorArgs", e.args());
            model.addAttribute("formErrorField", e.field());
            return form(new LinkedHashMap<>(params), model);
        }
    }

    /** The form's rows as a draft; empty rows are skipped, unreadable numbers refused on their field. */
    static Contracts.Draft draft(Map<String, String> p) {
        BigDecimal customer = number(p, "customerId", "contract.error.customerRequired");
        Long customerId = customer == null ? null : customer.longValue();
        List<Contracts.Line> lines = new ArrayList<>();
        for (int i = 0; i < FORM_LINES; i++) {
            String f = "lines[" + i + "].";
            if (blank(p.get(f + "productId")) && blank(p.get(f + "product")) && blank(p.get(f + "quantity"))
                    && blank(p.get(f + "unitPrice"))) {
                continue;
            }
            BigDecimal productId = number(p, f + "productId", "contract.error.unknownProduct");
            lines.add(new Contracts.Line(productId == null ? null : productId.longValue(), p.get(f + "product"),
                    number(p, f + "quantity", "contract.error.quantity"), p.get(f + "unit"),
                    number(p, f + "listPrice", "contract.error.listPrice"), number(p, f + "unitPrice", "contract.error.unitPrice")));
        }
        List<Contracts.Term> terms = new ArrayList<>();
        for (int i = 0; i < FORM_TERMS; i++) {
            String f = "terms[" + i + "].";
            if (blank(p.get(f + "percent"))) {
                continue;
            }
            BigDecimal days = number(p, f + "days", "contract.error.days");
            PaymentAnchor anchor;
            try {
                anchor = blank(p.get(f + "anchor")) ? null : PaymentAnchor.valueOf(p.get(f + "anchor"));
            } catch (IllegalArgumentException e) {
                anchor = null;
            }
            terms.add(new Contracts.Term(number(p, f + "percent", "contract.error.percent"), anchor,
                    days == null ? 0 : days.intValue()));
        }
        return new Contracts.Draft(customerId, lines, terms);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static BigDecimal number(Map<String, String> p, String field, String messageKey) {
        String s = p.get(field);
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, messageKey);
        }
    }

    @GetMapping("/contracts/{id}")
    @RequiresPermission("contract:read")
    String show(DataScope scope, @PathVariable long id, Model model) {
        ContractView c = contracts.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("contract", c);
        model.addAttribute("approvals", contracts.reviews(scope, id));
        model.addAttribute("reviewFlags", contracts.reviewFlags(scope, id));
        model.addAttribute("attachments", attachments.panel(scope, Contracts.SUBJECT, id));
        model.addAttribute("today", clock.today());
        boolean edit = Grants.can("contract:edit");
        model.addAttribute("canSubmit", edit && c.status() == ContractStatus.DRAFT);
        model.addAttribute("canSign", edit && c.status() == ContractStatus.APPROVED);
        model.addAttribute("canShip", Grants.can("shipment:record") && c.status() == ContractStatus.SIGNED && c.shippedOn() == null);
        model.addAttribute("canOrderShipment", Grants.can("shipment:record") && c.status() == ContractStatus.SIGNED);
        model.addAttribute("canComplete", edit && c.status() == ContractStatus.SIGNED);
        model.addAttribute("canTerminate", edit && (c.status() == ContractStatus.DRAFT || c.status() == ContractStatus.APPROVED
                || c.status() == ContractStatus.SIGNED));
        return "contract";
    }

    @PostMapping("/contracts/{id}/{act}")
    @RequiresPermission("contract:read")
    String act(DataScope scope, @PathVariable long id, @PathVariable String act,
               @RequestParam(required = false) String date, RedirectAttributes redirect) {
        try {
            switch (act) {
                case "submit" -> {
                    require("contract:edit");
                    contracts.submit(scope, id);
                }
                case "sign" -> {
                    require("contract:edit");
                    contracts.sign(scope, id, date(date, "signedOn"));
                }
                case "ship" -> {
                    require("shipment:record");
                    contracts.ship(scope, id, date(date, "shippedOn"));
                }
                case "complete" -> {
                    require("contract:edit");
                    contracts.complete(scope, id);
                }
                case "terminate" -> {
                    require("contract:edit");
                    contracts.terminate(scope, id);
                }
                default -> throw DomainException.notFound();
            }
            redirect.addFlashAttribute("flash", "contract.done." + act);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
        }
        return "redirect:/contracts/" + id;
    }

    private static void require(String permission) {
        if (!Grants.can(permission)) {
            throw DomainException.forbidden();
        }
    }

    private static LocalDate date(String s, String field) {
        if (blank(s)) {
            throw DomainException.invalid(field, "contract.error.dateRequired");
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "contract.error.dateRequired");
        }
    }

    @GetMapping("/products")
    @RequiresPermission("contract:read")
    String products(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", catalogue.page(KeysetCursor.decode(cursor), 50));
        model.addAttribute("canManage", Grants.can("product:manage"));
        return "products";
    }

    /** The price list as .xlsx: products with today's list price, and the full price history. */
    @GetMapping("/products/export")
    @RequiresPermission("product:manage")
    void exportPriceList(java.util.Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        xlsx(response, "price-list.xlsx");
        priceList.export(locale, response.getOutputStream());
    }

    @GetMapping("/products/import/template")
    @RequiresPermission("product:manage")
    void priceListTemplate(java.util.Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        xlsx(response, "price-list-template.xlsx");
        priceList.template(locale, response.getOutputStream());
    }

    static void xlsx(jakarta.servlet.http.HttpServletResponse response, String fileName) {
        response.setContentType(io.zhidu.crm.shared.excel.XlsxExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition",
                org.springframework.http.ContentDisposition.attachment().filename(fileName).build().toString());
    }

    /** Imports a price list: applied whole, or refused whole with the rows' reasons shown above the list. */
    @PostMapping("/products/import")
    @RequiresPermission("product:manage")
    String importPriceList(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                           java.util.Locale locale, Model model, RedirectAttributes redirect) throws java.io.IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("file", "contract.priceList.noFile");
            }
            PriceListExcel.Report report = priceList.importFile(file.getOriginalFilename(), file.getInputStream(), locale);
            if (report.applied()) {
                redirect.addFlashAttribute("flash", "contract.priceList.imported");
                redirect.addFlashAttribute("flashArgs", new Object[] {report.rows(), report.productsCreated(), report.pricesAdded(),
                        report.unchanged()});
                return "redirect:/products";
            }
            model.addAttribute("importReport", report);
        } catch (DomainException e) {
            model.addAttribute("refusal", e.messageKey());
            model.addAttribute("refusalArgs", e.args());
        }
        model.addAttribute("page", catalogue.page(null, 50));
        model.addAttribute("canManage", true);
        return "products";
    }

    @PostMapping("/products")
    @RequiresPermission("product:manage")
    String createProduct(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String unit, RedirectAttributes redirect) {
        try {
            catalogue.create(new Catalogue.ProductForm(code, name, unit));
            redirect.addFlashAttribute("flash", "contract.product.created");
        } catch (DomainException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
            redirect.addFlashAttribute("productForm", new Catalogue.ProductForm(code, name, unit));
        }
        return "redirect:/products";
    }

    @PostMapping("/products/{id}/prices")
    @RequiresPermission("product:manage")
    String price(@PathVariable long id, @RequestParam(required = false) String effectiveFrom,
                 @RequestParam(required = false) String listPrice, RedirectAttributes redirect) {
        try {
            BigDecimal price;
            try {
                price = blank(listPrice) ? null : new BigDecimal(listPrice.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("listPrice", "contract.error.listPrice");
            }
            catalogue.addPrice(id, new Catalogue.PriceForm(date(effectiveFrom, "effectiveFrom"), price));
            redirect.addFlashAttribute("flash", "contract.product.priced");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
        }
        return "redirect:/products";
    }

    @Bean
    static NavItem contractsNavItem() {
        return new NavItem(NavGroup.SALES, "nav.contracts", "/contracts", "file-earmark-text", "contract:read", 10);
    }

    @Bean
    static NavItem productsNavItem() {
        return new NavItem(NavGroup.SALES, "nav.products", "/products", "tags", "product:manage", 20);
    }
}
