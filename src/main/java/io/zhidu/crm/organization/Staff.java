package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's public face for other modules: staff accounts by name or id, and the acts a
 * user does on their own account (choosing a new password).
 */
@Service
public class Staff {

    private final Employees employees;
    private final Companies companies;
    private final PasswordEncoder passwords;
    private final PasswordRule rule;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Staff(Employees employees, Companies companies, PasswordEncoder passwords, PasswordRule rule,
          ApplicationEventPublisher events, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.companies = companies;
        this.passwords = passwords;
        this.rule = rule;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> byUsername(String username) {
        return employees.findByUsername(username).map(this::toAccount);
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> byId(long id) {
        return employees.findById(id).map(this::toAccount);
    }

    /**
     * The account as the database holds it at this moment, for the check every request makes
     * (security's bearer-token filter and signed-in screens): the same answer as {@link #byId},
     * read by one auto-committed statement (employee, company and roles joined) instead of a
     * read-only Hibernate transaction of four round trips (issue #8). Never cached: a deactivation
     * or role change committed before the call is seen by it.
     */
    public Optional<StaffAccount> signedIn(long id) {
        return account(jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM employee e " + ACCOUNT_JOINS + " WHERE e.id = ?")
                .param(id).query((rs, n) -> accountRow(rs)).list());
    }

    /**
     * The columns of an account read as {@link #signedIn} reads it, for a statement of another
     * module that reads the account with its own rows in one round trip (the API token, issue #8):
     * {@code SELECT ACCOUNT_COLUMNS … FROM employee e ACCOUNT_JOINS …}, one row per role; the
     * rows go through {@link #accountRow} and {@link #account}.
     */
    public static final String ACCOUNT_COLUMNS = """
            e.id, e.username, e.full_name, e.email, e.password_hash, e.active, e.must_change_password,
            e.company_id, e.department_id, e.office_id, e.supervisor_id, c.group_head, r.role""";
    /** The joins {@link #ACCOUNT_COLUMNS} needs after {@code employee e}. */
    public static final String ACCOUNT_JOINS = "JOIN company c ON c.id = e.company_id LEFT JOIN employee_role r ON r.employee_id = e.id";

    /** One row of an account's statement: the account without roles, and the row's role (null: none). */
    public record AccountRow(StaffAccount account, Role role) {
    }

    public static AccountRow accountRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        String role = rs.getString("role");
        return new AccountRow(new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("active"),
                rs.getBoolean("must_change_password"), Set.of(), rs.getLong("company_id"), rs.getLong("department_id"),
                rs.getObject("office_id", Long.class), rs.getObject("supervisor_id", Long.class),
                rs.getBoolean("group_head")), role == null ? null : Role.valueOf(role));
    }

    /** The account of one employee's rows (any number of repeats), with the roles of all of them; empty: no rows. */
    public static Optional<StaffAccount> account(java.util.Collection<AccountRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.stream().map(AccountRow::role).filter(r -> r != null).forEach(roles::add);
        StaffAccount a = rows.iterator().next().account();
        return Optional.of(new StaffAccount(a.id(), a.username(), a.fullName(), a.email(), a.passwordHash(), a.active(),
                a.mustChangePassword(), roles, a.companyId(), a.departmentId(), a.officeId(), a.supervisorId(),
                a.groupExecutive()));
    }

    /** The accounts with the given ids, those that exist (active or not), in one query. */
    @Transactional(readOnly = true)
    public java.util.List<StaffAccount> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? java.util.List.of() : employees.findAllById(ids).stream().map(this::toAccount).toList();
    }

    /**
     * The user replaces their password: the current one must match, the new one must follow the
     * password rule and differ from the current one.
     */
    @Transactional
    public void changeOwnPassword(long id, String currentPassword, String newPassword) {
        Employee e = employees.findById(id).orElseThrow(DomainException::notFound);
        if (currentPassword == null || !passwords.matches(currentPassword, e.getPasswordHash())) {
            throw DomainException.invalid("currentPassword", "password.currentWrong");
        }
        rule.check("newPassword", newPassword);
        if (passwords.matches(newPassword, e.getPasswordHash())) {
            throw DomainException.invalid("newPassword", "password.sameAsOld");
        }
        e.changePassword(passwords.encode(newPassword));
        events.publishEvent(new StaffChanged(CurrentActor.username(), "USER_PASSWORD_CHANGED", id, null));
    }

    StaffAccount toAccount(Employee e) {
        boolean groupExecutive = companies.findById(e.getCompanyId()).map(Company::isGroupHead).orElse(false);
        return new StaffAccount(e.getId(), e.getUsername(), e.getFullName(), e.getEmail(), e.getPasswordHash(),
                e.isActive(), e.isMustChangePassword(), e.getRoles(), e.getCompanyId(), e.getDepartmentId(),
                e.getOfficeId(), e.getSupervisorId(), groupExecutive);
    }
}
