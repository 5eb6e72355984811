package io.zhidu.crm.credit;

import io.zhidu.crm.attachment.AttachmentSubject;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Field investigations and information slips take attachments (photos of the site, the customer's
 * statements, a bank's report): read with {@code credit:read}, added and removed with
 * {@code credit:investigate}, both only for a record whose customer is inside the user's scope.
 * The attachment module's limits (size, types by extension and content) apply. The subjects ask
 * the database directly (not the services, which themselves use the attachments).
 */
final class CreditFileAttachments {

    static final String INVESTIGATE = "credit:investigate";

    private CreditFileAttachments() {
    }

    /** Whether the record of {@code table} exists with its customer inside the scope. */
    static boolean inScope(JdbcClient jdbc, DataScope scope, String table, long id) {
        DataScope.Predicate p = scope.predicate(FieldInvestigations.COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(id);
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " r JOIN customer c ON c.id = r.customer_id WHERE c.deleted_at IS NULL AND "
                + p.sql() + " AND r.id = ?").params(params).query(Long.class).single() > 0;
    }

    /** One kind of credit-file record as an attachment subject: its table, URL path and page. */
    static class Subject implements AttachmentSubject {

        private final JdbcClient jdbc;
        private final String subjectType;
        private final String table;
        private final String path;

        Subject(JdbcClient jdbc, String subjectType, String table, String path) {
            this.jdbc = jdbc;
            this.subjectType = subjectType;
            this.table = table;
            this.path = path;
        }

        @Override
        public String subjectType() {
            return subjectType;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String readPermission() {
            return "credit:read";
        }

        @Override
        public String writePermission() {
            return INVESTIGATE;
        }

        @Override
        public boolean canRead(DataScope scope, long id) {
            return inScope(jdbc, scope, table, id);
        }

        @Override
        public boolean canWrite(DataScope scope, long id) {
            return canRead(scope, id);
        }

        @Override
        public String pageUrl(long id) {
            return "/" + path.replace("credit-", "credit/") + "/" + id;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Subjects {

        @Bean
        AttachmentSubject creditInvestigationAttachments(JdbcClient jdbc) {
            return new Subject(jdbc, FieldInvestigations.SUBJECT, "credit_investigation", "credit-investigations");
        }

        @Bean
        AttachmentSubject creditSlipAttachments(JdbcClient jdbc) {
            return new Subject(jdbc, InformationSlips.SUBJECT, "credit_slip", "credit-slips");
        }
    }
}
