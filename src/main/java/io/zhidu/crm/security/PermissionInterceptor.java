package io.zhidu.crm.security;

import io.zhidu.crm.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Handler(Class<?> type, Method method) {
    }

    /** Each handler's permission, looked up once: annotations do not change at run time (issue #8). */
    private final Map<Handler, Optional<String>> permissions = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<String> required = permissions.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()), h -> {
            RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(h.method(), RequiresPermission.class);
            RequiresPermission found = onMethod != null ? onMethod
                    : AnnotatedElementUtils.findMergedAnnotation(h.type(), RequiresPermission.class);
            return Optional.ofNullable(found).map(RequiresPermission::value);
        });
        if (required.isEmpty()) {
            return true;
        }
        String permission = required.get();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean granted = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission));
        if (!granted) {
            throw new AccessDeniedException("missing permission " + permission);
        }
        return true;
    }
}
