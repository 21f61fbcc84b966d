package org.mvtm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /api/**} answers JSON (or the download's own type) whatever the {@code Accept} header asks for: a scanner
 * or a browser asking an API endpoint for {@code text/html} gets the JSON error it caused (404, 400, ...) instead of
 * a 500 and a stack trace in the log from an error body that could not be written as HTML. Pages negotiate as before.
 */
@Configuration(proxyBeanMethods = false)
class ApiAnswersJson implements WebMvcConfigurer {
    private static final List<MediaType> JSON_OR_ANY = List.of(MediaType.APPLICATION_JSON, MediaType.ALL);

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        ContentNegotiationStrategy api = request -> isApi(request)
                ? JSON_OR_ANY : ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
        configurer.strategies(List.of(api, new HeaderContentNegotiationStrategy()));
    }

    private static boolean isApi(NativeWebRequest request) {
        var servlet = request.getNativeRequest(HttpServletRequest.class);
        return servlet != null && servlet.getRequestURI().startsWith(servlet.getContextPath() + "/api/");
    }
}
