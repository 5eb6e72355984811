/**
 * Policy sets (管理制度): the company's written rules as versioned data. Modules declare the
 * sections they own ({@link io.zhidu.crm.policy.PolicySection} beans, each setting tagged with
 * the seed clause it implements); this module keeps the versions (draft → in approval →
 * effective → superseded), answers "which rules were in force on a date" through
 * {@link io.zhidu.crm.policy.Policies}, shows the effective policy as a document and the
 * difference between versions, and routes every change to the approvers the policy names.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "shared", "approval"})
package io.zhidu.crm.policy;
