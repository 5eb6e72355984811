package io.zhidu.crm.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import io.zhidu.crm.shared.web.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit search and chain verification for admins. */
@RestController
@RequestMapping("/api/v1/audit")
@RequiresPermission("audit:read")
class AuditApiController {

    private final AuditLog log;
    private final AuditSearch search;

    AuditApiController(AuditLog log, AuditSearch search) {
        this.log = log;
        this.search = search;
    }

    record Entries(List<AuditSearch.Entry> items, String nextCursor) {
    }

    @GetMapping
    Entries entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                    @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) Long cursor, @RequestParam(defaultValue = "50") int size) {
        AuditSearch.Page page = search.page(new AuditSearch.Filter(actor, action, subjectType, subjectId, from, to), cursor, size);
        return new Entries(page.entries(), page.nextBefore() == null ? null : page.nextBefore().toString());
    }

    @GetMapping("/verify")
    AuditLog.Verification verify() {
        log.chainStaged();   // the acts acknowledged so far are checked too
        return log.verify();
    }
}
