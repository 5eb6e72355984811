/** The home page (工作台): the signed-in user's own information and their work. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "security", "shared"})
package io.zhidu.crm.home;
