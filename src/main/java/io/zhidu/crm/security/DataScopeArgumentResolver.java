package io.zhidu.crm.security;

import io.zhidu.crm.shared.scope.DataScope;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller declare a {@link DataScope} parameter and receive the caller's scope, so
 * modules apply it in their queries without depending on how it is decided.
 */
@Configuration(proxyBeanMethods = false)
class DataScopeArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final CurrentStaff current;

    DataScopeArgumentResolver(CurrentStaff current) {
        this.current = current;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return DataScope.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return current.scope();
    }
}
