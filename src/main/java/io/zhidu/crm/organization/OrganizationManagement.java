package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's acts on staff accounts. Each checks placement (office under the department, the
 * department's company), the reporting line (no cycles), the password rule and the optimistic
 * version, then publishes a {@link StaffChanged} with what changed (old → new).
 */
@Service
public class OrganizationManagement {

    private static final String TEMP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Employees employees;
    private final Departments departments;
    private final Offices offices;
    private final Companies companies;
    private final ReportingLine line;
    private final PasswordEncoder passwords;
    private final PasswordRule rule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationManagement(Employees employees, Departments departments, Offices offices, Companies companies,
                           ReportingLine line, PasswordEncoder passwords, PasswordRule rule,
                           ApplicationEventPublisher events, Clock clock) {
        this.employees = employees;
        this.departments = departments;
        this.offices = offices;
        this.companies = companies;
        this.line = line;
        this.passwords = passwords;
        this.rule = rule;
        this.events = events;
        this.clock = clock;
    }

    /** A created account and, when the system chose it, the temporary password to hand over. */
    public record Registered(long id, String temporaryPassword) {
    }

    /** Registers an account that must choose its own password at the first sign-in. */
    @Transactional
    public Registered register(UserForm form) {
        return register(form, true);
    }

    /**
     * Registers an account; {@code mustChangePassword=false} only for accounts whose password is
     * not a secret to be replaced (the demo logins).
     */
    @Transactional
    public Registered register(UserForm form, boolean mustChangePassword) {
        return register(form, mustChangePassword, null);
    }

    /**
     * As {@link #register(UserForm, boolean)}, with the password already hashed by this
     * application's encoder (the demo company hashes its one shared password once).
     */
    @Transactional
    public Registered register(UserForm form, boolean mustChangePassword, String passwordHash) {
        if (employees.existsByUsername(form.username().trim())) {
            throw DomainException.invalid("username", "user.username.taken");
        }
        Employee.Placement placement = placement(form);
        String password = form.password() == null || form.password().isBlank() ? null : form.password();
        if (password != null) {
            rule.check("password", password);
        }
        String temporary = password == null && passwordHash == null ? temporaryPassword() : null;
        String hash = passwordHash != null ? passwordHash : passwords.encode(password != null ? password : temporary);
        Employee e = Employee.register(form.username().trim(), form.fullName().trim(), placement, form.roles(),
                hash, mustChangePassword, clock.instant());
        e.describe(form.fullName().trim(), blankToNull(form.email()), blankToNull(form.phone()));
        if (form.supervisorId() != null) {
            requireActiveSupervisor(form.supervisorId());
        }
        e.reportTo(form.supervisorId());
        employees.saveAndFlush(e);
        events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_CREATED", e.getId(),
                "username=" + e.getUsername() + "; roles=" + e.getRoles() + "; departmentId=" + placement.departmentId()
                        + "; officeId=" + placement.officeId() + "; supervisorId=" + form.supervisorId()));
        return new Registered(e.getId(), temporary);
    }

    /**
     * Changes name, contact, placement, roles and supervisor.
     *
     * @param expectedVersion the version the editor saw; a different current version is a
     *                        concurrent change and is refused (no silent overwrite)
     */
    @Transactional
    public void update(long id, long expectedVersion, UserForm form) {
        companies.lockOrganisation();
        Employee e = employees.findById(id).orElseThrow(DomainException::notFound);
        if (e.getVersion() != expectedVersion) {
            throw new DomainException(DomainException.Kind.STALE, "error.stale", null);
        }
        Employee.Placement placement = placement(form);
        List<String> changes = new ArrayList<>();
        diff(changes, "fullName", e.getFullName(), form.fullName().trim());
        diff(changes, "email", e.getEmail(), blankToNull(form.email()));
        diff(changes, "phone", e.getPhone(), blankToNull(form.phone()));
        diff(changes, "departmentId", e.getDepartmentId(), placement.departmentId());
        diff(changes, "officeId", e.getOfficeId(), placement.officeId());
        diff(changes, "roles", e.getRoles(), Set.copyOf(form.roles()));
        diff(changes, "supervisorId", e.getSupervisorId(), form.supervisorId());
        if (form.supervisorId() != null && !form.supervisorId().equals(e.getSupervisorId())) {
            requireActiveSupervisor(form.supervisorId());
            if (line.wouldCycle(id, form.supervisorId())) {
                throw DomainException.invalid("supervisorId", "user.supervisor.cycle");
            }
        }
        if (e.holds(Role.ADMIN) && !form.roles().contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(id);
        }
        e.describe(form.fullName().trim(), blankToNull(form.email()), blankToNull(form.phone()));
        e.placeIn(placement);
        e.assignRoles(form.roles());
        e.reportTo(form.supervisorId());
        boolean passwordReset = form.password() != null && !form.password().isBlank();
        if (passwordReset) {
            rule.check("password", form.password());
            e.resetPassword(passwords.encode(form.password()));
        }
        if (!changes.isEmpty() || passwordReset) {
            employees.saveAndFlush(e);
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_UPDATED", id, String.join("; ", changes)));
        }
        if (passwordReset) {
            events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_PASSWORD_RESET", id, null));
        }
    }

    /** The user leaves: no more sign-in (sessions and tokens stop working at once), history kept. */
    @Transactional
    public void deactivate(long id, long actorId) {
        if (id == actorId) {
            throw DomainException.conflict("user.deactivateSelf");
        }
        companies.lockOrganisation();
        Employee e = employees.findById(id).orElseThrow(DomainException::notFound);
        if (e.holds(Role.ADMIN)) {
            requireAnotherActiveAdmin(id);
        }
        e.deactivate(clock.instant());
        events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_DEACTIVATED", id, null));
    }

    @Transactional
    public void reactivate(long id) {
        Employee e = employees.findById(id).orElseThrow(DomainException::notFound);
        e.reactivate();
        events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_REACTIVATED", id, null));
    }

    /** Sets a temporary password the user must replace at the next sign-in; returns it once. */
    @Transactional
    public String resetPassword(long id) {
        Employee e = employees.findById(id).orElseThrow(DomainException::notFound);
        String temporary = temporaryPassword();
        e.resetPassword(passwords.encode(temporary));
        events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_PASSWORD_RESET", id, null));
        return temporary;
    }

    /** The group company (集团); the first company of an installation. */
    @Transactional
    public Company createGroup(String name) {
        return companies.save(Company.groupHead(name));
    }

    /** Adds a subsidiary (子公司) under the group company. */
    @Transactional
    public Company createSubsidiary(OrgUnitForms.CompanyForm form) {
        Company group = companies.findFirstByGroupHeadTrue().orElseThrow(DomainException::notFound);
        String name = form.name().trim();
        if (companies.existsByName(name)) {
            throw DomainException.invalid("name", "org.name.taken");
        }
        Company c = companies.save(Company.subsidiaryOf(group, name));
        events.publishEvent(new OrganizationChanged(CurrentActor.username(), "ORG_COMPANY_CREATED", "COMPANY",
                c.getId().toString(), name));
        return c;
    }

    @Transactional
    public Department createDepartment(OrgUnitForms.DepartmentForm form) {
        companies.findById(form.companyId()).orElseThrow(() -> DomainException.invalid("companyId", "org.company.unknown"));
        if (departments.existsByCompanyIdAndCode(form.companyId(), form.code())) {
            throw DomainException.invalid("code", "org.code.taken");
        }
        Department d = departments.save(new Department(form.companyId(), form.code(), form.name().trim(), form.kind()));
        events.publishEvent(new OrganizationChanged(CurrentActor.username(), "ORG_DEPARTMENT_CREATED", "DEPARTMENT",
                d.getId().toString(), d.getName() + " (company #" + form.companyId() + ")"));
        return d;
    }

    @Transactional
    public Office createOffice(OrgUnitForms.OfficeForm form) {
        Department d = departments.findById(form.departmentId())
                .orElseThrow(() -> DomainException.invalid("departmentId", "org.department.unknown"));
        if (d.getKind() != DepartmentKind.BUSINESS) {
            throw DomainException.invalid("departmentId", "org.office.notBusiness");
        }
        if (offices.existsByDepartmentIdAndCode(d.getId(), form.code())) {
            throw DomainException.invalid("code", "org.code.taken");
        }
        String region = form.region() == null || form.region().isBlank() ? null : form.region().trim();
        Office o = offices.save(new Office(d.getId(), form.code(), form.name().trim(), region));
        events.publishEvent(new OrganizationChanged(CurrentActor.username(), "ORG_OFFICE_CREATED", "OFFICE",
                o.getId().toString(), o.getName() + " (department #" + d.getId() + ")"));
        return o;
    }

    public boolean isEmpty() {
        return companies.count() == 0;
    }

    public List<Department> departments() {
        return departments.findAllByOrderById();
    }

    public List<Office> offices() {
        return offices.findAllByOrderById();
    }

    public List<Company> companies() {
        return companies.findAllByOrderById();
    }

    private Employee.Placement placement(UserForm form) {
        Department department = departments.findById(form.departmentId())
                .orElseThrow(() -> DomainException.invalid("departmentId", "user.department.unknown"));
        if (form.officeId() != null) {
            Office office = offices.findById(form.officeId())
                    .orElseThrow(() -> DomainException.invalid("officeId", "user.office.unknown"));
            if (!office.getDepartmentId().equals(department.getId())) {
                throw DomainException.invalid("officeId", "user.office.notInDepartment");
            }
        }
        return new Employee.Placement(department.getCompanyId(), department.getId(), form.officeId());
    }

    private void requireActiveSupervisor(long supervisorId) {
        Employee supervisor = employees.findById(supervisorId)
                .orElseThrow(() -> DomainException.invalid("supervisorId", "user.supervisor.unknown"));
        if (!supervisor.isActive()) {
            throw DomainException.invalid("supervisorId", "user.supervisor.inactive");
        }
    }

    private void requireAnotherActiveAdmin(long id) {
        if (!employees.existsOtherActive(Role.ADMIN, id)) {
            throw DomainException.conflict("user.lastAdmin");
        }
    }

    static String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(TEMP_ALPHABET.charAt(RANDOM.nextInt(TEMP_ALPHABET.length())));
        }
        // the password rule asks for a letter and a digit
        sb.setCharAt(RANDOM.nextInt(5), (char) ('2' + RANDOM.nextInt(8)));
        sb.setCharAt(5 + RANDOM.nextInt(5), (char) ('a' + RANDOM.nextInt(8)));
        return sb.toString();
    }

    private static void diff(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
