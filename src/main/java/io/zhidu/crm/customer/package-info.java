/**
 * The customer archive (客户档案, SPEC R1): customers with their basic data, characteristics,
 * business and transaction status, category, lifecycle stage and tags; contacts (sensitive
 * details masked outside the owning line); the history of every change; search that finds
 * 1- and 2-character parts of Chinese names; the recycle bin.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "security", "shared"})
package io.zhidu.crm.customer;
