package io.zhidu.crm.receivable;

import io.zhidu.crm.shared.excel.XlsxExport;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The receivables list and the AR aging screen (with its Excel export), inside the caller's data scope. */
@Controller
class ReceivablePageController {

    private final Receivables receivables;
    private final Aging aging;
    private final BusinessClock clock;
    private final MessageSource messages;

    ReceivablePageController(Receivables receivables, Aging aging, BusinessClock clock, MessageSource messages) {
        this.receivables = receivables;
        this.aging = aging;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/receivables")
    @RequiresPermission("receivable:read")
    String list(DataScope scope, @RequestParam(required = false) Long customerId,
                @RequestParam(required = false) ReceivableStatus status, @RequestParam(required = false) Long ownerId,
                @RequestParam(required = false) Long officeId, @RequestParam(required = false) Long companyId,
                @RequestParam(required = false) String cursor, Model model) {
        Receivables.Filter filter = new Receivables.Filter(customerId, status, ownerId, officeId, companyId);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ReceivableStatus.values());
        model.addAttribute("page", receivables.page(scope, filter, KeysetCursor.decode(cursor), 50));
        model.addAttribute("today", clock.today());
        return "receivables";
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
        List<String> headers = new ArrayList<>();
        headers.add(messages.getMessage(report.groupBy().labelKey(), null, locale));
        headers.addAll(labels(report.buckets(), locale).values());
        headers.add(messages.getMessage("receivable.aging.total", null, locale));
        try (XlsxExport x = new XlsxExport(messages.getMessage("receivable.aging.title", null, locale) + " " + report.asOf(), headers)) {
            for (Aging.Row row : report.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.name() == null ? messages.getMessage("receivable.aging.none", null, locale) : row.name());
                report.buckets().forEach(code -> cells.add(row.amounts().get(code)));
                cells.add(row.total());
                x.row(cells.toArray());
            }
            List<Object> totals = new ArrayList<>();
            totals.add(messages.getMessage("receivable.aging.total", null, locale));
            report.buckets().forEach(code -> totals.add(report.totals().get(code)));
            totals.add(report.total());
            x.row(totals.toArray());
            response.setContentType(XlsxExport.CONTENT_TYPE);
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename("aging-" + report.asOf() + ".xlsx").build().toString());
            x.writeTo(response.getOutputStream());
        }
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
