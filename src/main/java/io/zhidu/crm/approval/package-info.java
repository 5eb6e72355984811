/**
 * Approvals (审批): one engine for every workflow. A module submits an
 * {@link io.zhidu.crm.approval.ApprovalRequest} naming its subject and a
 * {@link io.zhidu.crm.approval.Route} (fixed roles in order, or the requester's reporting line up
 * to a role); approvers approve or reject with a comment, the requester may withdraw; the end is
 * published once as {@link io.zhidu.crm.approval.ApprovalDecided}, which the requesting module
 * handles. Owns the "my approvals" inbox and the trail shown on every subject's page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "security", "shared", "notification"})
package io.zhidu.crm.approval;
