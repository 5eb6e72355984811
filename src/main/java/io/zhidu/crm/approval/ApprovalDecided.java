package io.zhidu.crm.approval;

/**
 * A request ended, published once inside the deciding transaction. The requesting module reacts
 * with an {@code @ApplicationModuleListener} that filters on {@code subjectType}.
 *
 * @param decidedBy the last approver, the rejecting approver, or the requester who withdrew
 * @param comment   that person's comment (the reason of a rejection), or null
 */
public record ApprovalDecided(long approvalId, String subjectType, long subjectId, ApprovalOutcome outcome,
                              long requesterId, Long decidedBy, String comment) {
}
