package io.zhidu.crm.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders screens (Thymeleaf views), as opposed to a {@code @RestController}.
 * The screens' shared model attributes (navigation, the signed-in user, the bell and inbox
 * counts) are advised to these only: {@code @ControllerAdvice(annotations = Controller.class)}
 * also reached every API call, where Spring MVC built and ran the advice methods for nothing
 * (~5 % of the application's CPU under the mixed API workload, issue #8).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ScreenController {
}
