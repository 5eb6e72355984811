package io.zhidu.crm.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler open to every signed-in user (their own profile, the home page) — or, on
 * the sign-in endpoints, to anyone: a deliberate choice, stated where it is made.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AnySignedInUser {
}
