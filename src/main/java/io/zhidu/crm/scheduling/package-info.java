/**
 * Scheduled duties (定时任务) and the business date: runs every {@link io.zhidu.crm.shared.jobs.ScheduledDuty}
 * on its schedule, once across all nodes (ShedLock), records each run and its outcome, lets an
 * admin run one now, and (in demo/test installations) set the business date.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.zhidu.crm.scheduling;
