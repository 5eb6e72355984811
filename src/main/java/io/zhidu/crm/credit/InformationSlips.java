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
 * Information slips (信息处理单, form 2 of 6.2.4-2(1)): a piece of credit information about a
 * customer, recorded by whoever received it and OPEN until the statistician records how it was
 * handled (动态管理, 6.2.4-2(3): old data removed, new data added, changes followed). Every query
 * carries the customer's data scope (a slip outside it is absent: 404).
 */
@Service
public class InformationSlips {

    static final String SUBJECT = "CREDIT_SLIP";

    /**
     * A slip as the form or the API sends it.
     *
     * @param receivedOn the day the information came in (not in the future)
     */
    public record Form(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, SlipSource source, String content) {

        public static Form blank(LocalDate today) {
            return new Form(today, null, null);
        }

        Form checked(LocalDate today) {
            if (receivedOn == null) {
                throw DomainException.invalid("receivedOn", "creditfile.error.dateRequired");
            }
            if (receivedOn.isAfter(today)) {
                throw DomainException.invalid("receivedOn", "creditfile.error.dateFuture");
            }
            if (source == null) {
                throw DomainException.invalid("source", "creditfile.error.sourceRequired");
            }
            return new Form(receivedOn, source, FieldInvestigations.required("content", content, FieldInvestigations.MAX_TEXT));
        }
    }

    /** How a slip was handled, as the form or the API sends it. */
    public record Handling(String handling) {
    }

    public record Row(long id, long customerId, String customerName, String officeName, LocalDate receivedOn, SlipSource source,
                      String content, SlipStatus status, String handling, String handledBy, LocalDate handledOn,
                      String recordedBy, Instant recordedAt) {
    }

    public record Page(List<Row> rows, String nextCursor) implements KeysetPage<Row> {
    }

    /** What a list asks for; null fields do not filter. */
    record Filter(SlipStatus status, Long officeId, Long customerId) {
    }

    private static final String SELECT = """
            SELECT s.id, s.customer_id, c.name AS customer_name, o.name AS office_name, s.received_on, s.source, s.content,
                   s.status, s.handling, h.full_name AS handled_by, s.handled_on, e.full_name AS recorded_by, s.recorded_at
            FROM credit_slip s
            JOIN customer c ON c.id = s.customer_id
            LEFT JOIN office o ON o.id = c.office_id
            LEFT JOIN employee e ON e.id = s.recorded_by
            LEFT JOIN employee h ON h.id = s.handled_by
            WHERE c.deleted_at IS NULL AND\s""";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("customer_name"), rs.getString("office_name"), rs.getObject("received_on", LocalDate.class),
            SlipSource.valueOf(rs.getString("source")), rs.getString("content"), SlipStatus.valueOf(rs.getString("status")),
            rs.getString("handling"), rs.getString("handled_by"), rs.getObject("handled_on", LocalDate.class),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final CustomerSearch customers;
    private final Attachments attachments;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    InformationSlips(JdbcClient jdbc, CustomerSearch customers, Attachments attachments, BusinessClock clock,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.attachments = attachments;
        this.clock = clock;
        this.events = events;
    }

    /** Records an OPEN slip for a customer inside the scope, with its first file when one is given; a refusal changes nothing. */
    @Transactional
    public Row record(DataScope scope, long customerId, Form form, String fileName, byte[] file) {
        CustomerSearch.Row customer = customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
        Form f = (form == null ? Form.blank(null) : form).checked(clock.today());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO credit_slip (customer_id, received_on, source, content, status, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(customerId, f.receivedOn(), f.source().name(), f.content(), scope.userId(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (file != null && fileName != null && !fileName.isBlank()) {
            attachments.add(scope, SUBJECT, id, fileName, file);
        }
        events.publishEvent(new CreditFileChanged(CurrentActor.username(), "SLIP_RECORDED", SUBJECT, id,
                customer.name() + " #" + customerId + ", " + f.receivedOn() + ", " + f.source() + ": " + f.content()));
        return find(scope, id).orElseThrow();
    }

    /**
     * Records how an OPEN slip inside the scope was handled (the decision, who, today): INVALID
     * without the handling, CONFLICT when it was handled already (also when two people handle it at
     * the same moment: only the first is kept).
     */
    @Transactional
    public Row handle(DataScope scope, long id, Handling h) {
        Row slip = find(scope, id).orElseThrow(DomainException::notFound);
        String text = FieldInvestigations.required("handling", h == null ? null : h.handling(), FieldInvestigations.MAX_TEXT);
        if (slip.status() != SlipStatus.OPEN) {
            throw DomainException.conflict("creditfile.error.handled");
        }
        int changed = jdbc.sql("""
                        UPDATE credit_slip SET status = 'HANDLED', handling = ?, handled_by = ?, handled_on = ?, version = version + 1
                        WHERE id = ? AND status = 'OPEN'""")
                .params(text, scope.userId(), clock.today(), id).update();
        if (changed == 0) {
            throw DomainException.conflict("creditfile.error.handled");
        }
        events.publishEvent(new CreditFileChanged(CurrentActor.username(), "SLIP_HANDLED", SUBJECT, id,
                slip.customerName() + " #" + slip.customerId() + ": " + text));
        return find(scope, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Row> find(DataScope scope, long id) {
        DataScope.Predicate p = scope.predicate(FieldInvestigations.COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        params.add(id);
        return jdbc.sql(SELECT + p.sql() + " AND s.id = ?").params(params).query(ROW).optional();
    }

    /** A customer's slips, open ones first, then newest first (404 outside the scope). */
    @Transactional(readOnly = true)
    public List<Row> ofCustomer(DataScope scope, long customerId, int max) {
        customers.find(scope, customerId, false).orElseThrow(DomainException::notFound);
        return jdbc.sql(SELECT + "s.customer_id = ? ORDER BY CASE WHEN s.status = 'OPEN' THEN 0 ELSE 1 END, s.id DESC FETCH FIRST "
                        + Math.max(1, Math.min(max, FieldInvestigations.MAX_PAGE)) + " ROWS ONLY")
                .param(customerId).query(ROW).list();
    }

    /** A page of slips in the scope, newest first. */
    @Transactional(readOnly = true)
    public Page page(DataScope scope, Filter f, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, FieldInvestigations.MAX_PAGE));
        DataScope.Predicate p = scope.predicate(FieldInvestigations.COLUMNS);
        StringBuilder sql = new StringBuilder(SELECT).append(p.sql());
        List<Object> params = new ArrayList<>(p.params());
        if (f.status() != null) {
            sql.append(" AND s.status = ?");
            params.add(f.status().name());
        }
        sql.append(KeysetPage.newestFirst("s", f.officeId(), f.customerId(), after, limit, params));
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(ROW).list();
        return new Page(KeysetPage.shown(rows, limit), KeysetPage.next(rows, limit, Row::id));
    }

    /** Every slip of the filter in the scope, page by page (the Excel export). */
    void forEach(DataScope scope, Filter f, java.util.function.Consumer<Row> action) {
        KeysetPage.forEach(after -> page(scope, f, after, FieldInvestigations.MAX_PAGE), action);
    }
}
