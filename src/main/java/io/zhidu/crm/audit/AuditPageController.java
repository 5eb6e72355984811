package io.zhidu.crm.audit;

import io.zhidu.crm.shared.web.NavGroup;
import io.zhidu.crm.shared.web.NavItem;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import io.zhidu.crm.shared.web.RequiresPermission;
import io.zhidu.crm.shared.web.ScreenController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit screen: search the log, verify the chain. */
@ScreenController
@RequiresPermission("audit:read")
class AuditPageController {

    private final AuditLog log;
    private final AuditSearch search;

    AuditPageController(AuditLog log, AuditSearch search) {
        this.log = log;
        this.search = search;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Long before, Model model) {
        AuditSearch.Filter filter = new AuditSearch.Filter(actor, action, subjectType, subjectId, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", search.page(filter, before, 50));
        return "audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        AuditSearch.Filter filter = new AuditSearch.Filter(null, null, null, null, null, null);
        model.addAttribute("filter", filter);
        // the first page chains what is staged, so the acts acknowledged so far are verified too
        model.addAttribute("page", search.page(filter, null, 50));
        model.addAttribute("verification", log.verify());
        return "audit";
    }

    @Bean
    static NavItem auditNavItem() {
        return new NavItem(NavGroup.SYSTEM, "nav.audit", "/admin/audit", "journal-check", "audit:read", 30);
    }
}
