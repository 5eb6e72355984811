package io.zhidu.crm.audit;

import io.zhidu.crm.shared.jobs.ScheduledDuty;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Nightly check of the audit chain; a broken chain fails the run so the jobs screen shows it. */
@Component
class AuditVerificationDuty implements ScheduledDuty {

    private static final Logger log = LoggerFactory.getLogger(AuditVerificationDuty.class);

    private final AuditLog audit;

    AuditVerificationDuty(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String cron() {
        return "0 30 2 * * *";
    }

    @Override
    public String descriptionKey() {
        return "job.audit-verify";
    }

    @Override
    public String run(LocalDate businessDate) {
        AuditLog.Verification v = audit.verify();
        if (!v.intact()) {
            log.error("Audit chain broken at entry {}: {}", v.brokenAtSeq(), v.reason());
            throw new IllegalStateException("audit chain broken at entry " + v.brokenAtSeq() + ": " + v.reason());
        }
        return v.entriesChecked() + " entries intact";
    }
}
