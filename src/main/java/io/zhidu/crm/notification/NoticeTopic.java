package io.zhidu.crm.notification;

/**
 * A kind of {@link Notice} users can choose channels for, declared as a bean by the module that
 * publishes it. In-app delivery is always on; e-mail follows the user's preference, or
 * {@code emailByDefault} while the user has not chosen.
 *
 * @param code           stable code, e.g. {@code protection.expiring}
 * @param labelKey       message key of its name on the preferences screen
 * @param emailByDefault whether e-mail is on until the user decides
 */
public record NoticeTopic(String code, String labelKey, boolean emailByDefault) {
}
