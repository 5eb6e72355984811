package io.zhidu.crm.customer;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.scope.DataScope;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import from the screen in the background, so a large file shows a progress bar instead
 * of a hanging request. Progress and the final report live in {@code customer_import}, so the page
 * may poll any node. The job acts as the user who uploaded the file (scope, audit, language).
 */
@Component
class CustomerImportJobs {

    private static final Logger log = LoggerFactory.getLogger(CustomerImportJobs.class);

    /** RUNNING, then DONE (with a report) or FAILED (the file could not be read). */
    enum Status {
        RUNNING, DONE, FAILED
    }

    record Job(long id, String fileName, Status status, int total, int processed, CustomerImport.Report report) {
        public int percent() {
            return status != Status.RUNNING ? 100 : total == 0 ? 0 : Math.min(99, processed * 100 / total);
        }
    }

    private final CustomerImport importer;
    private final TaskExecutor executor;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CustomerImportJobs(CustomerImport importer, @Qualifier("applicationTaskExecutor") TaskExecutor executor, JdbcClient jdbc,
                       JsonMapper json, Clock clock) {
        this.importer = importer;
        this.executor = executor;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    long start(DataScope scope, String fileName, byte[] content, CustomerImport.Mode mode) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_import (employee_id, file_name, mode, status, total_rows, processed_rows, created_at)
                VALUES (?, ?, ?, ?, ?, 0, ?)""")
                .params(scope.userId(), fileName, mode.name(), Status.RUNNING.name(), 0, now())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        SecurityContext security = SecurityContextHolder.getContext();
        Locale locale = LocaleContextHolder.getLocale();
        executor.execute(() -> {
            SecurityContextHolder.setContext(security);
            LocaleContextHolder.setLocale(locale);
            try {
                CustomerImport.Report report = importer.run(scope, fileName, new ByteArrayInputStream(content), mode,
                        new CustomerImport.Progress() {
                            @Override
                            public void total(int rows) {
                                jdbc.sql("UPDATE customer_import SET total_rows = ? WHERE id = ?").param(rows).param(id).update();
                            }

                            @Override
                            public void processed(int rows) {
                                if (rows % 50 == 0) {
                                    jdbc.sql("UPDATE customer_import SET processed_rows = ? WHERE id = ?").param(rows).param(id).update();
                                }
                            }
                        });
                finish(id, Status.DONE, report);
            } catch (DomainException e) {
                finish(id, Status.FAILED, null);
            } catch (RuntimeException e) {
                log.error("Import {} failed", id, e);
                finish(id, Status.FAILED, null);
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return id;
    }

    /** The user's own job; another user's job id answers empty, as if absent. */
    Optional<Job> find(long id, long employeeId) {
        return jdbc.sql("SELECT id, file_name, status, total_rows, processed_rows, report FROM customer_import WHERE id = ? AND employee_id = ?")
                .param(id).param(employeeId)
                .query((rs, n) -> new Job(rs.getLong("id"), rs.getString("file_name"), Status.valueOf(rs.getString("status")),
                        rs.getInt("total_rows"), rs.getInt("processed_rows"),
                        rs.getString("report") == null ? null : json.readValue(rs.getString("report"), CustomerImport.Report.class)))
                .optional();
    }

    private void finish(long id, Status status, CustomerImport.Report report) {
        jdbc.sql("UPDATE customer_import SET status = ?, report = ?, finished_at = ?, processed_rows = total_rows WHERE id = ?")
                .params(status.name(), report == null ? null : json.writeValueAsString(report), now(), id).update();
        if (report != null) {
            jdbc.sql("UPDATE customer_import SET total_rows = ?, processed_rows = ? WHERE id = ?")
                    .params(report.total(), report.total(), id).update();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
