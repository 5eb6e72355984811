/**
 * Who may do what (权限与数据范围): sign-in with lockout, API tokens, the permissions each role
 * holds, and the one data-scope mechanism every module applies inside its queries. Also the
 * user's own profile: password change and token management.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "shared"})
package io.zhidu.crm.security;
