package io.zhidu.crm.collection;

import io.zhidu.crm.shared.audit.Audited;

/**
 * An act on a collection case for the audit log: COLLECTION_CASE_OPENED, COLLECTION_HANDED_OVER,
 * COLLECTION_CASE_CLOSED, COLLECTION_ACTION_LOGGED, COLLECTION_LETTER_PRINTED, COLLECTION_EXPORTED (no case).
 */
public record CollectionChanged(String actor, String action, Long caseId, String detail) implements Audited {

    @Override
    public String subjectType() {
        return "COLLECTION_CASE";
    }

    @Override
    public String subjectId() {
        return caseId == null ? null : caseId.toString();
    }
}
