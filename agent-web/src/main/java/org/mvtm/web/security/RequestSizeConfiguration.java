package org.mvtm.web.security;

import org.mvtm.web.documents.Uploads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Every request body is bounded before it is read ({@link RequestSizeLimitFilter}), ahead of every other filter. */
@Configuration(proxyBeanMethods = false)
class RequestSizeConfiguration {
    /** As large as the largest WebSocket message: a 20,000-character chat line in JSON fits. */
    static final int MAX_REQUEST_BYTES = 128 * 1024;

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit() {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(MAX_REQUEST_BYTES,
                path -> path.startsWith("/api/admin/knowledge-base") || Uploads.PATHS.matcher(path).matches()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
