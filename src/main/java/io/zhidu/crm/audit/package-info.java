/**
 * The audit log (审计日志): an append-only record of sign-ins, changes, views, exports and
 * approvals, each entry chained to the previous one by SHA-256 so that any edit, removal or
 * insertion is detected by {@link io.zhidu.crm.audit.AuditLog#verify()}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.zhidu.crm.audit;
