package org.mvtm.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds a customer token only where customers talk to the server: {@code Authorization: Bearer} on
 * {@code /api/customer/**} and on the {@code /ws/customer} handshake, and {@code ?access_token=} on that handshake
 * alone (a browser cannot give a WebSocket a header). Elsewhere a bearer header is ignored.
 */
final class CustomerTokenResolver implements BearerTokenResolver {
    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

    CustomerTokenResolver() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/ws/customer")) {
            return headerOrQuery.resolve(request);
        }
        if (path.startsWith("/api/customer/")) {
            return header.resolve(request);
        }
        return null;
    }
}
