package io.zhidu.crm.credit;

import io.zhidu.crm.attachment.Attachments;
import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field investigations (实地调查记录表, form 3 of 6.2.4-2(1)): recorded by field staff or the
 * statistician for a customer inside their scope, read by whoever may read the customer's credit.
 * Every query carries the customer's data scope (a record outside it is absent: 404). The latest
 * investigation's grade is the field factor of the credit standard's score (6.2.4-3(3)).
 */
@Service
public class FieldInvestigations {

    static final String SUBJECT = "CREDIT_INVESTIGATION";
    static final int MAX_TEXT = 2000;
    static final int MAX_PAGE = 200;
    static final DataScope.Columns COLUMNS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    /**
     * An investigation as the form or the API sends it; {@link #checked} refuses it on its field.
     *
     * @param investigatedOn the day of the visit (not in the future)
     * @param grade          the findings' grade 0 (bad) to 4 (excellent)
     */
    public record Form(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate investigatedOn, String investigators,
                       String contactPerson, String businessStatus, String management, String financialStatus,
                       String facilities, String paymentAttitude, String findings, Integer grade) {

        public static Form blank(LocalDate today) {
            return new Form(today, null, null, null, null, null, null, null, null, null);
        }

        /** The form trimmed and checked as of {@code today}. */
        Form checked(LocalDate today) {
            if (investigatedOn == null) {
                throw DomainException.invalid("investigatedOn", "creditfile.error.dateRequired");
            }
            if (investigatedOn.isAfter(today)) {
                throw DomainException.invalid("investigatedOn", "creditfile.error.dateFuture");
            }
            String who = required("investigators", investigators, 200);
            String contact = optional("contactPerson", contactPerson, 100);
            String business = optional("businessStatus", businessStatus, MAX_TEXT);
            String mgmt = optional("management", management, MAX_TEXT);
            String finance = optional("financialStatus", financialStatus, MAX_TEXT);
            String site = optional("facilities", facilities, MAX_TEXT);
            String attitude = optional("paymentAttitude", paymentAttitude, MAX_TEXT);
            String found = required("findings", findings, MAX_TEXT);
            if (grade == null) {
                throw DomainException.invalid("grade", "creditfile.error.gradeRequired");
            }
            if (grade < 0 || grade > 4) {
                throw DomainException.invalid("grade", "creditfile.error.grade");
            }
            return new Form(investigatedOn, who, contact, business, mgmt, finance, site, attitude, found, grade);
        }
    }

    /** One investigation with the customer it belongs to. */
    public record Row(long id, long customerId, String customerName, String officeName, LocalDate investigatedOn,
                      String investigators, String contactPerson, String businessStatus, String management,
                      String financialStatus, String facilities, String paymentAttitude, String findings, int grade,
                      String recordedBy, Instant recordedAt) {
    }

    public record Page(List<Row> rows, String nextCursor) implements KeysetPage<Row> {
    }

    /** What a list asks for; null fields do not filter. */
    record Filter(Long officeId, Long customerId) {
    }

    private static final String SELECT = """
            SELECT i.id, i.customer_id, c.name AS customer_name, o.name AS office_name, i.investigated_on, i.investigators,
                   i.contact_person, i.business_status, i.management, i.financial_status, i.facilities, i.payment_attitude,
                   i.findings, i.grade, e.full_name AS recorded_by, i.recorded_at
            FROM credit_investigation i
            JOIN customer c ON c.id = i.customer_id
            LEFT JOIN office o ON o.id = c.office_id
            LEFT JOIN employee e ON e.id = i.recorded_by
            WHERE c.deleted_at IS NULL AND\s""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("customer_name"), rs.getString("office_name"), rs.getObject("investigated_on", LocalDate.class),
            rs.getString("investigators"), rs.getString("contact_person"), rs.getString("business_status"),
            rs.getString("management"), rs.getString("financial_status"), rs.getString("facilities"),
            rs.getString("payment_attitude"), rs.getString("findings"), rs.getInt("grade"), rs.getString("recorded_by"),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final CustomerSearch customers;
    private final Attachments attachments;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    FieldInvestigations(JdbcClient jdbc, CustomerSearch customers, Attachments attachments, BusinessClock clock,
                        ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.attachments = attachments;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records an investigation of a customer inside the scope, with its first file when one is
     * given: a refused form or file changes nothing (INVALID on its field).
     */
    @Transactional
    public Row record(DataScope scope, long customerId, Form form, String fileName, byte[] file) {
        CustomerSearch.Row customer = customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
        Form f = (form == null ? Form.blank(null) : form).checked(clock.today());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO credit_investigation (customer_id, investigated_on, investigators, contact_person, business_status,
                            management, financial_status, facilities, payment_attitude, findings, grade, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, f.investigatedOn(), f.investigators(), f.contactPerson(), f.businessStatus(), f.management(),
                        f.financialStatus(), f.facilities(), f.paymentAttitude(), f.findings(), f.grade(), scope.userId(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (file != null && fileName != null && !fileName.isBlank()) {
            attachments.add(scope, SUBJECT, id, fileName, file);
        }
        events.publishEvent(new CreditFileChanged(CurrentActor.username(), "INVESTIGATION_RECORDED", SUBJECT, id,
                customer.name() + " #" + customerId + ", " + f.investigatedOn() + ", grade " + f.grade() + ": " + f.findings()));
        return find(scope, id).orElseThrow();
    }

    /** One investigation inside the scope. */
    @Transactional(readOnly = true)
    public Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(id);
        return jdbc.sql(SELECT + p.sql() + " AND i.id = ?").params(params).query(ROW).optional();
    }

    /** A customer's latest investigations, latest visit first (404 outside the scope). */
    @Transactional(readOnly = true)
    public List<Row> ofCustomer(DataScope scope, long customerId, int max) {
        customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
        return jdbc.sql(SELECT + "i.customer_id = ? ORDER BY i.investigated_on DESC, i.id DESC FETCH FIRST "
                        + Math.max(1, Math.min(max, MAX_PAGE)) + " ROWS ONLY")
                .param(customerId).query(ROW).list();
    }

    /**
     * The grade of the customer's latest field investigation (latest visit, then latest recorded),
     * empty when none was made: the field factor of {@link CreditStandard#score}.
     */
    @Transactional(readOnly = true)
    public Optional<Integer> latestGrade(long customerId) {
        return jdbc.sql("SELECT grade FROM credit_investigation WHERE customer_id = ? ORDER BY investigated_on DESC, id DESC "
                        + "FETCH FIRST 1 ROWS ONLY")
                .param(customerId).query(Integer.class).optional();
    }

    /** A page of investigations in the scope, most recently recorded first. */
    @Transactional(readOnly = true)
    public Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        DataScope.Predicate p = scope.predicate(COLUMNS);
        StringBuilder sql = new StringBuilder(SELECT).append(p.sql());
        List<Object> params = new ArrayList<>(p.params());
        sql.append(KeysetPage.newestFirst("i", f.officeId(), f.customerId(), after, limit, params));
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        return new Page(KeysetPage.shown(rows, limit), KeysetPage.next(rows, limit, Row::id));
    }

    /** Every investigation of the filter in the scope, page by page (the Excel export). */
    void forEach(DataScope scope, Filter f, java.util.function.Consumer<Row> action) {
        KeysetPage.forEach(after -> page(scope, f, after, MAX_PAGE), action);
    }

    static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw DomainException.invalid(field, "creditfile.error.required");
        }
        return v;
    }

    static String optional(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw DomainException.invalid(field, "creditfile.error.tooLong", max);
        }
        return v.isEmpty() ? null : v;
    }
}
