package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import io.zhidu.crm.shared.audit.CurrentActor;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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

    Staff(Employees employees, Companies companies, PasswordEncoder passwords, PasswordRule rule,
          ApplicationEventPublisher events) {
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
