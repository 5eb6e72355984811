package io.zhidu.crm.organization;

import io.zhidu.crm.shared.audit.Audited;

/** A unit of the organisation was added: ORG_COMPANY_CREATED, ORG_DEPARTMENT_CREATED, ORG_OFFICE_CREATED. */
public record OrganizationChanged(String actor, String action, String subjectType, String subjectId, String detail)
        implements Audited {
}
