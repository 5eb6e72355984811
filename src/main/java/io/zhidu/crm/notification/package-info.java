/**
 * Notifications (通知中心): delivers every {@link io.zhidu.crm.notification.Notice} other modules
 * publish to the in-app centre (unread count in the top bar, list, mark read) and by e-mail
 * through the configured SMTP server, per each user's channel preferences.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "security", "shared"})
package io.zhidu.crm.notification;
