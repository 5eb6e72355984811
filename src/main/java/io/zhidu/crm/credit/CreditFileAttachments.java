package io.zhidu.crm.credit;

import io.zhidu.crm.attachment.AttachmentSubject;
import io.zhidu.crm.shared.scope.DataScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    @Component
    static class Investigations implements AttachmentSubject {

        private final JdbcClient jdbc;

        Investigations(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String subjectType() {
            return FieldInvestigations.SUBJECT;
        }

        @Override
        public String path() {
            return "credit-investigations";
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
            return inScope(jdbc, scope, "credit_investigation", id);
        }

        @Override
        public boolean canWrite(DataScope scope, long id) {
            return canRead(scope, id);
        }

        @Override
        public String pageUrl(long id) {
            return "/credit/investigations/" + id;
        }
    }

    @Component
    static class Slips implements AttachmentSubject {

        private final JdbcClient jdbc;

        Slips(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String subjectType() {
            return InformationSlips.SUBJECT;
        }

        @Override
        public String path() {
            return "credit-slips";
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
            return inScope(jdbc, scope, "credit_slip", id);
        }

        @Override
        public boolean canWrite(DataScope scope, long id) {
            return canRead(scope, id);
        }

        @Override
        public String pageUrl(long id) {
            return "/credit/slips/" + id;
        }
    }
}
