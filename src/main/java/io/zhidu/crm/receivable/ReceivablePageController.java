package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.pdf.PdfForms;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.Grants;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The receivables list, a receivable's page (with the write-off proposal and its approval trail)
 * and the AR aging screen with its Excel export and the PDF form 应收账款账龄记录表 (form 9, clause
 * 6.2.4-4(1)), inside the caller's data scope.
 */
@ScreenController
class ReceivablePageController {

    private final Receivables receivables;
    private final Aging aging;
    private final WriteOffs writeOffs;
    private final PdfForms pdf;
    private final BusinessClock clock;
    private final MessageSource messages;

    ReceivablePageController(Receivables receivables, Aging aging, WriteOffs writeOffs, PdfForms pdf, BusinessClock clock,
                             MessageSource messages) {
        this.receivables = receivables;
        this.aging = aging;
        this.writeOffs = writeOffs;
        this.pdf = pdf;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/receivables")
    @RequiresPermission("receivable:read")
    String list(DataScope scope, @RequestParam(required = false) Long customerId,
                @RequestParam(required = false) ReceivableStatus status, @RequestParam(required = false) Long ownerId,
                @RequestParam(required = false) Long officeId, @RequestParam(required = false) Long companyId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String cursor, Model model) {
        if (asOf != null && asOf.isAfter(clock.today())) {
            throw DomainException.invalid("asOf", "receivable.aging.future");
        }
        Receivables.Filter filter = new Receivables.Filter(customerId, status, ownerId, officeId, companyId, asOf);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ReceivableStatus.values());
        model.addAttribute("page", receivables.page(scope, filter, KeysetCursor.decode(cursor), 50));
        model.addAttribute("today", clock.today());
        model.addAttribute("canWriteOff", Grants.can("writeoff:propose"));
        return "receivables";
    }

    @GetMapping("/receivables/{id}")
    @RequiresPermission("receivable:read")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Receivables.Row r = receivables.find(scope, id).orElseThrow(DomainException::notFound);
        model.addAttribute("r", r);
        model.addAttribute("today", clock.today());
        model.addAttribute("approvals", writeOffs.trail(id));
        model.addAttribute("canWriteOff", Grants.can("writeoff:propose") && r.status() == ReceivableStatus.OPEN
                && r.writeOffApprovalId() == null);
        return "receivable";
    }

    /** Finance proposes the write-off: back to the receivable with the request in its trail, or the form again with the refusal. */
    @PostMapping("/receivables/{id}/write-off")
    @RequiresPermission("writeoff:propose")
    String writeOff(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect) {
        try {
            writeOffs.propose(scope, id, reason);
            redirect.addFlashAttribute("flash", "receivable.writeOff.proposed");
            return "redirect:/receivables/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("refusal", e.messageKey());
            model.addAttribute("refusalArgs", e.args());
            model.addAttribute("reason", reason);
            return show(scope, id, model);
        }
    }

    @GetMapping("/receivables/aging")
    @RequiresPermission("receivable:read")
    String aging(DataScope scope, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) String groupBy, Model model) {
        Aging.Report report = aging.asOf(scope, asOf, Aging.GroupBy.of(groupBy));
        model.addAttribute("report", report);
        model.addAttribute("groupBys", Aging.GroupBy.values());
        model.addAttribute("today", clock.today());
        model.addAttribute("bucketLabels", labels(report.buckets(), LocaleContextHolder.getLocale()));
        return "receivable-aging";
    }

    @GetMapping("/receivables/aging/export")
    @RequiresPermission("receivable:read")
    void export(DataScope scope, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String groupBy, Locale locale, HttpServletResponse response) throws IOException {
        Aging.Report report = aging.asOf(scope, asOf, Aging.GroupBy.of(groupBy));
        try (XlsxExport x = new XlsxExport(messages.getMessage("receivable.aging.title", null, locale) + " " + report.asOf(),
                headers(report, locale))) {
            for (List<Object> cells : lines(report, locale)) {
                x.row(cells.toArray());
            }
            response.setContentType(XlsxExport.CONTENT_TYPE);
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename("aging-" + report.asOf() + ".xlsx").build().toString());
            x.writeTo(response.getOutputStream());
        }
    }

    /** The PDF form 应收账款账龄记录表 (form 9, clause 6.2.4-4(1)): the same numbers as the screen. */
    @GetMapping("/receivables/aging/pdf")
    @RequiresPermission("receivable:read")
    ResponseEntity<byte[]> pdf(DataScope scope, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) String groupBy, Locale locale) {
        Aging.Report report = aging.asOf(scope, asOf, Aging.GroupBy.of(groupBy));
        DecimalFormat money = new DecimalFormat("#,##0.00");
        List<List<String>> lines = new ArrayList<>();
        for (List<Object> cells : lines(report, locale)) {
            lines.add(cells.stream().map(c -> c instanceof BigDecimal b ? (b.signum() == 0 ? "" : money.format(b)) : String.valueOf(c))
                    .toList());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", messages.getMessage("receivable.pdf.title", null, locale));
        model.put("asOf", report.asOf().toString());
        model.put("groupBy", messages.getMessage(report.groupBy().labelKey(), null, locale));
        model.put("headers", headers(report, locale));
        model.put("lines", lines);
        model.put("printedBy", CurrentActor.username());
        model.put("printedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(clock.getZone())));
        byte[] body = pdf.render("receivable-aging", model, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename("aging-" + report.asOf() + ".pdf").build().toString())
                .body(body);
    }

    /** The columns of the aging in print and Excel: the group, the buckets, the open total, the amount written off. */
    private List<String> headers(Aging.Report report, Locale locale) {
        List<String> headers = new ArrayList<>();
        headers.add(messages.getMessage(report.groupBy().labelKey(), null, locale));
        headers.addAll(labels(report.buckets(), locale).values());
        headers.add(messages.getMessage("receivable.aging.total", null, locale));
        headers.add(messages.getMessage("receivable.aging.writtenOff", null, locale));
        return headers;
    }

    /** The rows of the aging in print and Excel, the totals last. */
    private List<List<Object>> lines(Aging.Report report, Locale locale) {
        List<List<Object>> lines = new ArrayList<>();
        for (Aging.Row row : report.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.key().isEmpty() || row.name() == null ? messages.getMessage("receivable.aging.none", null, locale) : row.name());
            report.buckets().forEach(code -> cells.add(row.amounts().get(code)));
            cells.add(row.total());
            cells.add(row.writtenOff());
            lines.add(cells);
        }
        List<Object> totals = new ArrayList<>();
        totals.add(messages.getMessage("receivable.aging.total", null, locale));
        report.buckets().forEach(code -> totals.add(report.totals().get(code)));
        totals.add(report.total());
        totals.add(report.writtenOff());
        lines.add(totals);
        return lines;
    }

    /** Bucket code → label: 未到期, 1–30 天, …, 365 天以上. */
    private java.util.Map<String, String> labels(List<String> codes, Locale locale) {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (String code : codes) {
            String label;
            if (code.equals(AgingBuckets.NOT_DUE)) {
                label = messages.getMessage("receivable.bucket.notDue", null, locale);
            } else if (code.startsWith("OVER_")) {
                label = messages.getMessage("receivable.bucket.over", new Object[] {code.substring(5)}, locale);
            } else {
                String[] range = code.split("_");
                label = messages.getMessage("receivable.bucket.range", new Object[] {range[0], range[1]}, locale);
            }
            labels.put(code, label);
        }
        return labels;
    }

    @Bean
    static NavItem receivablesNavItem() {
        return new NavItem(NavGroup.SALES, "receivable.nav.list", "/receivables", "cash-coin", "receivable:read", 30);
    }

    @Bean
    static NavItem agingNavItem() {
        return new NavItem(NavGroup.SALES, "receivable.nav.aging", "/receivables/aging", "hourglass-split", "receivable:read", 40);
    }
}
