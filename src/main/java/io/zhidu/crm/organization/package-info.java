/**
 * The organisation (组织架构): the group and its companies, departments and offices (办事处), the
 * staff with their roles, and the reporting line (each person's supervisor) that drives report
 * chains, escalation and approvals. Owns the staff accounts (username, password hash, active).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.zhidu.crm.organization;
