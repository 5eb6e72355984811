/**
 * Shared kernel every module may use: the business clock, the data-scope value and its SQL
 * predicate, the audit event contract, navigation contributions, scheduled-duty contract and
 * web error handling. Holds no business state of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.zhidu.crm.shared;
