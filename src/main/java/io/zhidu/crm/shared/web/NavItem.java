package io.zhidu.crm.shared.web;

/**
 * One entry of the left navigation, contributed by a module as a bean. Shown only to users
 * holding {@code permission} (null: every signed-in user).
 *
 * @param group    the work area: one of {@link NavGroup}
 * @param labelKey message key of the label
 * @param path     the page's path
 * @param icon     Bootstrap Icons name, e.g. {@code people}
 * @param order    position inside the group
 */
public record NavItem(NavGroup group, String labelKey, String path, String icon, String permission, int order) {
}
