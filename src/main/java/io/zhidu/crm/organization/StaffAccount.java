package io.zhidu.crm.organization;

import java.util.Set;

/**
 * What the rest of the application needs to know of a member of staff: identity, account state,
 * roles and placement. {@code groupExecutive} is true for staff of the group company, whose
 * company-wide rights extend across the group.
 */
public record StaffAccount(long id, String username, String fullName, String email, String passwordHash,
                           boolean active, boolean mustChangePassword, Set<Role> roles,
                           long companyId, long departmentId, Long officeId, Long supervisorId,
                           boolean groupExecutive) {

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
