package io.zhidu.crm.security;

import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresPermission} before the handler's arguments are bound, so a caller
 * without the permission learns nothing from validation errors (403 first, always).
 */
@Configuration(proxyBeanMethods = false)
class PermissionInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresPermission.class);
        RequiresPermission required = onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
        if (required == null) {
            return true;
        }
        String permission = required.value();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean granted = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission));
        if (!granted) {
            throw new AccessDeniedException("missing permission " + permission);
        }
        return true;
    }
}
