package io.zhidu.crm.attachment;

import io.zhidu.crm.shared.audit.Audited;

/**
 * A file added to or removed from a record, for the audit log: ATTACHMENT_ADDED,
 * ATTACHMENT_REMOVED. The subject is the record (e.g. CONTRACT 42), so the record's history shows it.
 */
public record AttachmentChanged(String actor, String action, String subjectType, long recordId, String detail)
        implements Audited {

    @Override
    public String subjectId() {
        return Long.toString(recordId);
    }
}
