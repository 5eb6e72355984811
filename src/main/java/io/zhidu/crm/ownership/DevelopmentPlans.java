package io.zhidu.crm.ownership;

import io.zhidu.crm.customer.CustomerSearch;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import io.zhidu.crm.shared.time.BusinessClock;
import io.zhidu.crm.shared.web.KeysetCursor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offices' new-customer development plans (seed 6.2.4-3(2)): directors keep their office's
 * targets; the business department and leadership see every office's. Progress of a target comes
 * from its customer: protected by its owner (declared), an active customer (won), overdue when
 * the target date passed without either.
 */
@Service
public class DevelopmentPlans {

    /** Where a target stands. */
    enum Progress {
        OPEN, OVERDUE, DECLARED, WON, DROPPED;

        public String labelKey() {
            return "ownership.plan.progress." + name();
        }
    }

    public record Form(Long officeId, String prospectName, Long customerId, Long ownerId, LocalDate targetDate, String note) {
    }

    record Row(long id, long officeId, String officeName, String prospectName, Long customerId, String customerName,
               long ownerId, String ownerName, LocalDate targetDate, Progress progress, String note, long version) {
    }

    record Page(List<Row> rows, String nextCursor) {
    }

    static final int MAX_PAGE = 200;
    private static final DataScope.Columns COLUMNS = new DataScope.Columns("dp.owner_id", "dp.office_id", "dp.department_id", "dp.company_id");

    private final DevelopmentPlanTargets plans;
    private final JdbcClient jdbc;
    private final Staff staff;
    private final CustomerSearch customers;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    DevelopmentPlans(DevelopmentPlanTargets plans, JdbcClient jdbc, Staff staff, CustomerSearch customers, BusinessClock clock,
                     ApplicationEventPublisher events) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.staff = staff;
        this.customers = customers;
        this.clock = clock;
        this.events = events;
    }

    /** The targets in scope, by target date, optionally of one office. */
    Page page(DataScope scope, Long officeId, KeysetCursor after, int size) {
        return query(scope, officeId, null, after, size);
    }

    /** One target, if in scope. */
    java.util.Optional<Row> find(DataScope scope, long id) {
        return query(scope, null, id, null, 1).rows().stream().findFirst();
    }

    private Page query(DataScope scope, Long officeId, Long id, KeysetCursor after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        DataScope.Predicate p = scope.predicate(COLUMNS);
        List<Object> params = new ArrayList<>(p.params());
        StringBuilder sql = new StringBuilder("""
                SELECT dp.id, dp.office_id, o.name AS office_name, dp.prospect_name, dp.customer_id, c.name AS customer_name,
                       dp.owner_id, e.full_name AS owner_name, dp.target_date, dp.status, dp.note, dp.version, c.stage,
                       (SELECT COUNT(*) FROM protection pr WHERE pr.open_customer_id = dp.customer_id AND pr.owner_id = dp.owner_id) AS held
                FROM development_plan dp
                JOIN office o ON o.id = dp.office_id
                JOIN employee e ON e.id = dp.owner_id
                LEFT JOIN customer c ON c.id = dp.customer_id AND c.deleted_at IS NULL
                WHERE\s""").append(p.sql());
        if (officeId != null) {
            sql.append(" AND dp.office_id = ?");
            params.add(officeId);
        }
        if (id != null) {
            sql.append(" AND dp.id = ?");
            params.add(id);
        }
        if (after != null) {
            LocalDate d = LocalDate.parse(after.sortValue());
            sql.append(" AND (dp.target_date > ? OR (dp.target_date = ? AND dp.id > ?))");
            params.add(d);
            params.add(d);
            params.add(after.id());
        }
        sql.append(" ORDER BY dp.target_date, dp.id LIMIT ?");
        params.add(limit + 1);
        LocalDate today = clock.today();
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            LocalDate target = rs.getObject("target_date", LocalDate.class);
            Progress progress;
            if ("DROPPED".equals(rs.getString("status"))) {
                progress = Progress.DROPPED;
            } else if ("ACTIVE".equals(rs.getString("stage"))) {
                progress = Progress.WON;
            } else if (rs.getLong("held") > 0) {
                progress = Progress.DECLARED;
            } else {
                progress = target.isBefore(today) ? Progress.OVERDUE : Progress.OPEN;
            }
            return new Row(rs.getLong("id"), rs.getLong("office_id"), rs.getString("office_name"), rs.getString("prospect_name"),
                    rs.getObject("customer_id", Long.class), rs.getString("customer_name"), rs.getLong("owner_id"),
                    rs.getString("owner_name"), target, progress, rs.getString("note"), rs.getLong("version"));
        }).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = new KeysetCursor(last.targetDate().toString(), last.id()).encode();
        }
        return new Page(rows, next);
    }

    @Transactional
    public long add(DataScope scope, Form form) {
        Checked c = check(scope, form);
        DevelopmentPlan p = plans.save(DevelopmentPlan.target(c.officeId(), c.owner().departmentId(), c.owner().companyId(),
                c.prospectName(), form.customerId(), c.owner().id(),
                form.targetDate(), blankToNull(form.note()), scope.userId(), clock.instant()));
        events.publishEvent(new OwnershipChanged(CurrentActor.username(), "PLAN_SAVED", form.customerId() == null ? 0 : form.customerId(),
                "plan " + p.getId() + ": " + c.prospectName() + " by " + form.targetDate()));
        return p.getId();
    }

    @Transactional
    void revise(DataScope scope, long id, long expectedVersion, Form form) {
        DevelopmentPlan p = inScope(scope, id);
        if (p.getVersion() != expectedVersion) {
            throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
        }
        Checked c = check(scope, new Form(p.getOfficeId(), form.prospectName(), form.customerId(), form.ownerId(),
                form.targetDate(), form.note()));
        p.revise(c.prospectName(), form.customerId(), c.owner().id(), form.targetDate(), blankToNull(form.note()));
        plans.flush();
        events.publishEvent(new OwnershipChanged(CurrentActor.username(), "PLAN_SAVED", form.customerId() == null ? 0 : form.customerId(),
                "plan " + id + " revised"));
    }

    @Transactional
    void drop(DataScope scope, long id, boolean dropped) {
        DevelopmentPlan p = inScope(scope, id);
        if (dropped) {
            p.drop();
        } else {
            p.reopen();
        }
        events.publishEvent(new OwnershipChanged(CurrentActor.username(), "PLAN_SAVED", 0, "plan " + id + (dropped ? " dropped" : " reopened")));
    }

    private DevelopmentPlan inScope(DataScope scope, long id) {
        return plans.findById(id).filter(p -> scope.covers(p.getOwnerId(), p.getOfficeId(), p.getDepartmentId(), p.getCompanyId()))
                .orElseThrow(DomainException::notFound);
    }

    private record Checked(long officeId, String prospectName, StaffAccount owner) {
    }

    private Checked check(DataScope scope, Form form) {
        String name = form.prospectName() == null ? "" : form.prospectName().trim();
        if (name.isEmpty()) {
            throw DomainException.invalid("prospectName", "ownership.plan.error.name");
        }
        if (name.length() > 200) {
            throw DomainException.invalid("prospectName", "ownership.plan.error.nameLength", 200);
        }
        if (form.ownerId() == null) {
            throw DomainException.invalid("ownerId", "ownership.plan.error.owner");
        }
        StaffAccount owner = staff.byId(form.ownerId()).filter(StaffAccount::active)
                .filter(a -> a.officeId() != null && scope.covers(a.id(), a.officeId(), a.departmentId(), a.companyId()))
                .orElseThrow(() -> DomainException.invalid("ownerId", "ownership.plan.error.owner"));
        long officeId = form.officeId() != null ? form.officeId() : owner.officeId();
        if (officeId != owner.officeId()) {
            throw DomainException.invalid("ownerId", "ownership.plan.error.ownerOffice");
        }
        if (form.targetDate() == null) {
            throw DomainException.invalid("targetDate", "ownership.plan.error.date");
        }
        if (form.customerId() != null && customers.find(scope, form.customerId(), false).isEmpty()) {
            throw DomainException.invalid("customerId", "ownership.plan.error.customer");
        }
        if (form.note() != null && form.note().length() > 1000) {
            throw DomainException.invalid("note", "ownership.error.noteLength", 1000);
        }
        return new Checked(officeId, name, owner);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
