package io.zhidu.crm.security;

import io.zhidu.crm.organization.Role;
import io.zhidu.crm.organization.StaffAccount;
import io.zhidu.crm.shared.scope.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that decides a user's data scope (数据权限), from roles and explicit grants:
 * <ul>
 *   <li>salesperson — own records;</li>
 *   <li>office director — the office (and own records);</li>
 *   <li>business-dept manager, statistician, finance, planning, customer service, marketing,
 *       warehouse — the whole company;</li>
 *   <li>GM, VP — the company, or the whole group when they sit in the group company;</li>
 *   <li>admin — everything;</li>
 * </ul>
 * plus, for anyone, the offices, departments and users granted in {@code scope_grant} and not
 * yet expired. Roles are combined: the scope is the union.
 */
@Component
public class DataScopes {

    private static final Set<Role> COMPANY_WIDE = EnumSet.of(Role.BUSINESS_MANAGER, Role.STATISTICIAN, Role.FINANCE,
            Role.PLANNING, Role.CUSTOMER_SERVICE, Role.MARKETING, Role.WAREHOUSE);
    private static final Set<Role> EXECUTIVE = EnumSet.of(Role.GM, Role.VP);

    private final JdbcClient jdbc;
    private final Clock clock;

    DataScopes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account's scope, reading its unexpired grants when its roles do not already cover everything. */
    public DataScope of(StaffAccount a) {
        return of(a, () -> grants(a.id()));
    }

    /**
     * The account's scope from grants the caller has already read (the bearer-token filter reads
     * them with the token, issue #8); {@code grants} is asked only when the roles need them.
     */
    DataScope of(StaffAccount a, Supplier<List<Grant>> grants) {
        if (!a.active()) {
            return new DataScope(a.id(), false, Set.of(), Set.of(), Set.of(), Set.of());
        }
        if (a.holds(Role.ADMIN) || (a.groupExecutive() && a.roles().stream().anyMatch(EXECUTIVE::contains))) {
            return DataScope.everything(a.id());
        }
        Set<Long> owners = new HashSet<>(Set.of(a.id()));
        Set<Long> offices = new HashSet<>();
        Set<Long> departments = new HashSet<>();
        Set<Long> companies = new HashSet<>();
        if (a.roles().stream().anyMatch(r -> COMPANY_WIDE.contains(r) || EXECUTIVE.contains(r))) {
            companies.add(a.companyId());
        }
        if (a.holds(Role.OFFICE_DIRECTOR) && a.officeId() != null) {
            offices.add(a.officeId());
        }
        for (Grant g : grants.get()) {
            switch (g.kind()) {
                case USER -> owners.add(g.targetId());
                case OFFICE -> offices.add(g.targetId());
                case DEPARTMENT -> departments.add(g.targetId());
            }
        }
        return new DataScope(a.id(), false, owners, offices, departments, companies);
    }

    /** The condition on {@code scope_grant g} that keeps the grants in force today (one parameter: today). */
    static final String GRANT_IN_FORCE = "(g.valid_until IS NULL OR g.valid_until >= ?)";

    private List<Grant> grants(long employeeId) {
        return jdbc.sql("SELECT g.kind, g.target_id FROM scope_grant g WHERE g.employee_id = ? AND " + GRANT_IN_FORCE)
                .param(employeeId).param(LocalDate.now(clock))
                .query((rs, n) -> new Grant(ScopeGrantKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
    }

    /** One explicit grant in force: the user, office or department it adds to the scope. */
    record Grant(ScopeGrantKind kind, long targetId) {
    }

    /** What an explicit grant widens the scope by. */
    public enum ScopeGrantKind {
        USER, OFFICE, DEPARTMENT
    }
}
