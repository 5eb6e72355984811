package io.zhidu.crm.organization;

import io.zhidu.crm.shared.audit.Audited;

/**
 * A staff account was created or changed (roles, placement, supervisor, activation, password
 * reset). {@code action} is one of USER_CREATED, USER_UPDATED, USER_DEACTIVATED,
 * USER_REACTIVATED, USER_PASSWORD_RESET, USER_PASSWORD_CHANGED.
 */
public record StaffChanged(String actor, String action, long employeeId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "USER";
    }

    @Override
    public String subjectId() {
        return Long.toString(employeeId);
    }
}
