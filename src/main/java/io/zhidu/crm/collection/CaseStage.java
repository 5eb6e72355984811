package io.zhidu.crm.collection;

import io.zhidu.crm.organization.Role;
import java.util.Set;

/**
 * Where a collection case stands: with the office (within the normal collection period, seed
 * 6.2.3-4), with the planning dept (past it, 6.2.3-6), or closed (nothing in it is open any more).
 */
public enum CaseStage {
    OFFICE, PLANNING, CLOSED;

    /**
     * Whether a user holding these roles may log actions on a case at this stage (besides the
     * {@code collection:act} permission and the data scope): the office line (salesperson, office
     * director, business-dept manager) while the office collects, the planning dept once handed
     * over, finance at any open stage; nobody on a closed case.
     */
    public boolean actionableBy(Set<Role> roles) {
        return switch (this) {
            case OFFICE -> roles.contains(Role.FINANCE) || roles.contains(Role.SALES) || roles.contains(Role.OFFICE_DIRECTOR)
                    || roles.contains(Role.BUSINESS_MANAGER);
            case PLANNING -> roles.contains(Role.FINANCE) || roles.contains(Role.PLANNING);
            case CLOSED -> false;
        };
    }

    public String labelKey() {
        return "collection.stage." + name();
    }
}
