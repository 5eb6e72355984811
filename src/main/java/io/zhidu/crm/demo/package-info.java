/**
 * The demo company (演示数据), loaded on the first start when {@code zhidu.demo-data} is on (the
 * default with the embedded database): departments, four offices, staff of every role with the
 * demo logins (password {@code zhidu123}). Later modules add their demo data here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "customer", "ownership", "policy", "contract", "receivable", "collection", "credit", "shipping", "grading", "approval", "segment", "shared"})
package io.zhidu.crm.demo;
