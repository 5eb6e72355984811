package io.zhidu.crm.security;

import io.zhidu.crm.organization.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permission strings each role holds (RuoYi-style {@code area:act}). Endpoints check a
 * permission, never a role, so that what a role may do is decided here in one place.
 */
public final class Permissions {

    /** Read the staff directory (within the data scope). */
    public static final String USER_READ = "user:read";
    /** Create, edit, deactivate staff accounts. */
    public static final String USER_MANAGE = "user:manage";
    /** Read the audit log and verify its chain. */
    public static final String AUDIT_READ = "audit:read";
    /** Set the business date (demo / test installations only). */
    public static final String SYSTEM_CLOCK = "system:clock";
    /** See scheduled jobs and run one now. */
    public static final String SYSTEM_JOBS = "system:jobs";

    /** Read customers (list, search, archive) within the data scope. */
    public static final String CUSTOMER_READ = "customer:read";
    /** Register and edit customers and their contacts; export the list. */
    public static final String CUSTOMER_EDIT = "customer:edit";
    /** Move customers to the recycle bin and restore them. */
    public static final String CUSTOMER_DELETE = "customer:delete";

    /** Erase a customer from the recycle bin for good (PIPL), with a reason. */
    public static final String CUSTOMER_PURGE = "customer:purge";

    private static final Map<Role, Set<String>> BY_ROLE = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            BY_ROLE.put(role, Set.of(USER_READ, CUSTOMER_READ));
        }
        Set<String> keepsFiles = Set.of(USER_READ, CUSTOMER_READ, CUSTOMER_EDIT, CUSTOMER_DELETE);
        BY_ROLE.put(Role.SALES, Set.of(USER_READ, CUSTOMER_READ, CUSTOMER_EDIT));
        for (Role role : Set.of(Role.OFFICE_DIRECTOR, Role.BUSINESS_MANAGER, Role.STATISTICIAN, Role.VP, Role.GM)) {
            BY_ROLE.put(role, keepsFiles);
        }
        BY_ROLE.put(Role.ADMIN, Set.of(USER_READ, USER_MANAGE, AUDIT_READ, SYSTEM_CLOCK, SYSTEM_JOBS,
                CUSTOMER_READ, CUSTOMER_EDIT, CUSTOMER_DELETE, CUSTOMER_PURGE));
    }

    private Permissions() {
    }

    /** Every permission the given roles hold together. */
    public static Set<String> of(Set<Role> roles) {
        Set<String> all = new TreeSet<>();
        roles.forEach(r -> all.addAll(BY_ROLE.getOrDefault(r, Set.of())));
        return all;
    }
}
