package io.zhidu.crm.security;

import io.zhidu.crm.shared.audit.Audited;

/**
 * A security fact for the audit log: LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_REFUSED (locked or
 * inactive account), ACCOUNT_LOCKED, TOKEN_CREATED, TOKEN_REVOKED. The actor is the username
 * concerned (as typed, for failures).
 */
public record SecurityAudit(String actor, String action, String subjectId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return subjectId == null ? null : "USER";
    }
}
