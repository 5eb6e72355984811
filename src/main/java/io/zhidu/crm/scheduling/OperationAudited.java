package io.zhidu.crm.scheduling;

import io.zhidu.crm.shared.audit.Audited;

/** An admin's operational act (JOB_RUN, CLOCK_SET) for the audit log. */
record OperationAudited(String actor, String action, String subjectType, String subjectId, String detail) implements Audited {
}
