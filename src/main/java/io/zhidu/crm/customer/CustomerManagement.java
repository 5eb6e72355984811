package io.zhidu.crm.customer;

import io.zhidu.crm.organization.Staff;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.organization.StaffDirectory;
import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acts on the archive: register, edit, delete to the recycle bin, restore. Each checks the
 * USCC, refuses duplicates (same USCC or same normalised name, pointing to the existing record
 * only when the user may see it), keeps owner and units in step, writes the history and the name
 * index in the same transaction, and publishes a {@link CustomerChanged} for the audit log.
 * Callers have checked that the customer is inside the user's scope.
 */
@Service
public class CustomerManagement {

    private final Customers customers;
    private final CustomerSearch search;
    private final CustomerHistory history;
    private final CustomerNameIndex nameIndex;
    private final Staff staff;
    private final StaffDirectory directory;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate batchJdbc;

    CustomerManagement(Customers customers, CustomerSearch search, CustomerHistory history, CustomerNameIndex nameIndex,
                       Staff staff, StaffDirectory directory, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
                       org.springframework.jdbc.core.JdbcTemplate batchJdbc) {
        this.batchJdbc = batchJdbc;
        this.customers = customers;
        this.search = search;
        this.history = history;
        this.nameIndex = nameIndex;
        this.staff = staff;
        this.directory = directory;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Customer register(DataScope scope, CustomerForm form) {
        String uscc = validUscc(form);
        refuseDuplicates(scope, null, uscc, form.name());
        Instant now = clock.instant();
        Customer c = customers.saveAndFlush(Customer.register(form, uscc, placement(scope, form.ownerId()), now));
        nameIndex.index(c.getId(), c.getName());
        history.record(c.getId(), now, CurrentActor.username(), CustomerHistory.Kind.CREATED, null, null, c.getName());
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_CREATED", c.getId(), c.getName()));
        events.publishEvent(new CustomerRegistered(c.getId(), c.getOwnerId(), c.getStage()));
        return c;
    }

    /**
     * @param expectedVersion the version the editor saw: another version means someone else saved
     *                        in between, and the edit is refused (STALE) instead of overwriting
     */
    @Transactional
    public Customer update(DataScope scope, long id, long expectedVersion, CustomerForm form) {
        Customer c = customers.findById(id).filter(x -> !x.isDeleted()).orElseThrow(DomainException::notFound);
        if (c.getVersion() != expectedVersion) {
            throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
        }
        String uscc = validUscc(form);
        refuseDuplicates(scope, id, uscc, form.name());
        Map<String, String> before = c.snapshot();
        Instant now = clock.instant();
        c.describe(form, uscc, now);
        Long previousOwner = c.getOwnerId();
        if (form.ownerId() != null && !form.ownerId().equals(previousOwner)) {
            c.assignTo(placement(scope, form.ownerId()), now);
            events.publishEvent(new CustomerReassigned(id, previousOwner, c.getOwnerId()));
        }
        int changed = history.recordDifferences(id, now, CurrentActor.username(), CustomerHistory.Kind.UPDATED, before, c.snapshot());
        if (changed > 0) {
            customers.saveAndFlush(c);
            if (!before.get("name").equals(c.getName())) {
                nameIndex.index(id, c.getName());
            }
            events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_UPDATED", id, changed + " fields"));
        }
        return c;
    }

    @Transactional
    public void delete(long id) {
        Customer c = customers.findById(id).orElseThrow(DomainException::notFound);
        Instant now = clock.instant();
        c.delete(now);
        history.record(id, now, CurrentActor.username(), CustomerHistory.Kind.DELETED, null, null, null);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_DELETED", id, c.getName()));
    }

    @Transactional
    public void restore(long id) {
        Customer c = customers.findById(id).orElseThrow(DomainException::notFound);
        c.restore();
        history.record(id, clock.instant(), CurrentActor.username(), CustomerHistory.Kind.RESTORED, null, null, null);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_RESTORED", id, c.getName()));
    }

    /**
     * Erases a customer in the recycle bin for good (PIPL): the record, its contacts (the personal
     * information), tags, name index and change history. Only the audit entry with the reason
     * remains, naming the company, not the people.
     */
    @Transactional
    public void purge(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "customer.purge.reasonRequired");
        }
        Customer c = customers.findById(id).orElseThrow(DomainException::notFound);
        if (!c.isDeleted()) {
            throw DomainException.conflict("customer.purge.notInBin");
        }
        String name = c.getName();
        jdbc.sql("DELETE FROM contact WHERE customer_id = ?").param(id).update();
        jdbc.sql("DELETE FROM customer_change WHERE customer_id = ?").param(id).update();
        jdbc.sql("DELETE FROM customer_name_gram WHERE customer_id = ?").param(id).update();
        customers.delete(c);
        customers.flush();
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_PURGED", id,
                name + "; reason: " + reason.trim()));
    }

    /**
     * Hands a customer to another owner, or back to the public pool ({@code ownerId} null: it keeps
     * its last office, department and company, so the pool can be scoped by them). For the
     * ownership module, which has checked the act; recorded in the history and audit log with the
     * reason (a message key's text is not needed: the reason is a code such as {@code TRANSFER}).
     * Returns the previous owner. A customer in the bin or absent is NOT_FOUND.
     */
    @Transactional
    public Long assignOwner(long id, Long ownerId, String reason) {
        Customer c = customers.findById(id).filter(x -> !x.isDeleted()).orElseThrow(DomainException::notFound);
        Long previous = c.getOwnerId();
        if (java.util.Objects.equals(previous, ownerId)) {
            return previous;
        }
        Map<String, String> before = c.snapshot();
        Instant now = clock.instant();
        if (ownerId == null) {
            c.assignTo(new Customer.Placement(null, c.getOfficeId(), c.getDepartmentId(), c.getCompanyId()), now);
        } else {
            StaffAccount a = staff.byId(ownerId).filter(StaffAccount::active)
                    .orElseThrow(() -> DomainException.invalid("toUserId", "customer.owner.inactive"));
            c.assignTo(new Customer.Placement(a.id(), a.officeId(), a.departmentId(), a.companyId()), now);
        }
        history.recordDifferences(id, now, CurrentActor.username(), CustomerHistory.Kind.UPDATED, before, c.snapshot());
        customers.saveAndFlush(c);
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_REASSIGNED", id,
                previous + " → " + ownerId + " (" + reason + ")"));
        events.publishEvent(new CustomerReassigned(id, previous, ownerId));
        return previous;
    }

    /**
     * Puts an approved grade and category in force (客户分级, 6.1.1-3): for the grading module only,
     * once the approval it asked for has decided; nobody edits these fields directly. Recorded in
     * the history and the audit log with the reason (e.g. {@code grading run 7, approval 12}). A
     * customer in the bin or absent is NOT_FOUND.
     */
    @Transactional
    public void applyGrade(long id, CustomerEnums.Grade grade, CustomerEnums.Category category, String reason) {
        Map<String, Object> row = jdbc.sql("SELECT grade, category FROM customer WHERE id = ? AND deleted_at IS NULL")
                .param(id).query().listOfRows().stream().findFirst().orElseThrow(DomainException::notFound);
        String oldGrade = row.get("grade") == null ? null : row.get("grade").toString().trim();
        String oldCategory = row.get("category").toString();
        Instant now = clock.instant();
        jdbc.sql("UPDATE customer SET grade = ?, category = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(grade.name(), category.name(), java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), id)
                .update();
        if (!java.util.Objects.equals(oldGrade, grade.name())) {
            history.record(id, now, CurrentActor.username(), CustomerHistory.Kind.UPDATED, "grade", oldGrade, grade.name());
        }
        if (!oldCategory.equals(category.name())) {
            history.record(id, now, CurrentActor.username(), CustomerHistory.Kind.UPDATED, "category", oldCategory, category.name());
        }
        events.publishEvent(new CustomerChanged(CurrentActor.username(), "CUSTOMER_GRADED", id,
                oldGrade + "/" + oldCategory + " → " + grade + "/" + category + " (" + reason + ")"));
    }

    /** One approved grade and category for {@link #applyGrades}. */
    public record GradeAssignment(long customerId, CustomerEnums.Grade grade, CustomerEnums.Category category) {
    }

    /**
     * Puts a batch of approved grades in force at once (a grading run's approval, 6.1.2-3), for the
     * grading module only: one read of the customers still in the archive, one batched UPDATE of
     * those whose grade or category changes, their change log in one batched insert and one audit
     * entry for the batch with the reason. Customers in the bin or absent are left out. Returns the
     * ids that are in the archive (their grade is now the assigned one, changed or not).
     */
    @Transactional
    public java.util.Set<Long> applyGrades(java.util.List<GradeAssignment> batch, String reason) {
        if (batch.isEmpty()) {
            return java.util.Set.of();
        }
        Map<Long, String[]> before = new java.util.HashMap<>();
        jdbc.sql("SELECT id, grade, category FROM customer WHERE id IN (:ids) AND deleted_at IS NULL")
                .param("ids", batch.stream().map(GradeAssignment::customerId).toList())
                .query(rs -> {
                    String g = rs.getString("grade");
                    before.put(rs.getLong("id"), new String[]{g == null ? null : g.trim(), rs.getString("category")});
                });
        Instant now = clock.instant();
        java.time.OffsetDateTime at = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
        String actor = CurrentActor.username();
        java.util.List<Object[]> updates = new java.util.ArrayList<>();
        java.util.List<CustomerHistory.Entry> changes = new java.util.ArrayList<>();
        for (GradeAssignment a : batch) {
            String[] old = before.get(a.customerId());
            if (old == null) {
                continue;
            }
            boolean gradeChanged = !a.grade().name().equals(old[0]);
            boolean categoryChanged = !a.category().name().equals(old[1]);
            if (gradeChanged || categoryChanged) {
                updates.add(new Object[]{a.grade().name(), a.category().name(), at, a.customerId()});
            }
            if (gradeChanged) {
                changes.add(new CustomerHistory.Entry(a.customerId(), "grade", old[0], a.grade().name()));
            }
            if (categoryChanged) {
                changes.add(new CustomerHistory.Entry(a.customerId(), "category", old[1], a.category().name()));
            }
        }
        if (!updates.isEmpty()) {
            batchJdbc.batchUpdate("UPDATE customer SET grade = ?, category = ?, updated_at = ?, version = version + 1 "
                    + "WHERE id = ? AND deleted_at IS NULL", updates);
            history.recordAll(now, actor, CustomerHistory.Kind.UPDATED, changes);
            events.publishEvent(new CustomerChanged(actor, "CUSTOMERS_GRADED", 0,
                    updates.size() + " customers (" + reason + ")"));
        }
        return java.util.Set.copyOf(before.keySet());
    }

    public Optional<Customer> load(long id) {
        return customers.findById(id);
    }

    /** The normalised USCC, or null for a customer marked as having none (with a reason). */
    static String validUscc(CustomerForm form) {
        String uscc = Uscc.normalise(form.uscc());
        if (uscc == null || uscc.isEmpty()) {
            if (form.noUsccReason() == null || form.noUsccReason().isBlank()) {
                throw DomainException.invalid("uscc", "customer.uscc.required");
            }
            return null;
        }
        Uscc.Problem problem = Uscc.check(uscc);
        if (problem != null) {
            throw DomainException.invalid("uscc", "customer.uscc." + problem.name());
        }
        return uscc;
    }

    private void refuseDuplicates(DataScope scope, Long self, String uscc, String name) {
        if (uscc != null) {
            jdbc.sql("SELECT id FROM customer WHERE uscc = ?").param(uscc).query(Long.class).optional()
                    .filter(other -> !other.equals(self))
                    .ifPresent(other -> {
                        throw duplicate(scope, "uscc", other);
                    });
        }
        jdbc.sql("SELECT id FROM customer WHERE name_key = ?").param(CustomerNames.key(name)).query(Long.class).optional()
                .filter(other -> !other.equals(self))
                .ifPresent(other -> {
                    throw duplicate(scope, "name", other);
                });
    }

    /** Points to the existing record only when the user may see it; otherwise says no more than "already registered". */
    private DomainException duplicate(DataScope scope, String field, long existing) {
        Optional<CustomerSearch.Row> visible = search.find(scope, existing, true);
        if (visible.isPresent()) {
            return new DomainException(DomainException.Kind.CONFLICT, "customer.duplicate.visible", field,
                    visible.get().name(), existing).with("existingId", existing);
        }
        return new DomainException(DomainException.Kind.CONFLICT, "customer.duplicate.hidden", field);
    }

    /** The owner (default: the acting user) must be active and inside the acting user's scope. */
    private Customer.Placement placement(DataScope scope, Long ownerId) {
        long owner = ownerId != null ? ownerId : scope.userId();
        if (directory.find(scope, owner).isEmpty()) {
            throw DomainException.invalid("ownerId", "customer.owner.outOfScope");
        }
        StaffAccount a = staff.byId(owner).filter(StaffAccount::active)
                .orElseThrow(() -> DomainException.invalid("ownerId", "customer.owner.inactive"));
        return new Customer.Placement(a.id(), a.officeId(), a.departmentId(), a.companyId());
    }
}
