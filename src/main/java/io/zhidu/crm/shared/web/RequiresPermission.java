package io.zhidu.crm.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a controller (class) or handler (method) needs, e.g. {@code user:manage}.
 * Checked before the request body is read or validated, so a caller without it gets 403
 * whatever they sent. A method annotation replaces the class one. Every handler carries this or
 * {@link AnySignedInUser} (ArchitectureTest).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPermission {
    String value();
}
