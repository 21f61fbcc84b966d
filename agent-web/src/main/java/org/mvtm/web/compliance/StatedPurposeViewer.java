package org.mvtm.web.compliance;

import java.util.List;
import org.mvtm.recording.api.Viewer;
import org.mvtm.web.security.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A compliance endpoint's {@link Viewer} parameter: the signed-in user with the purpose stated in the
 * {@code X-Purpose} header ({@link Viewers#of}: 400 naming the header without one), read here once for every
 * endpoint that declares it.
 */
@Configuration(proxyBeanMethods = false)
class StatedPurposeViewer implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return Viewers.of(CurrentUser.require(request.getUserPrincipal()), request.getHeader(Viewers.PURPOSE));
    }
}
