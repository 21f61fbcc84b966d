package org.mvtm.web.socket;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.web.api.PublicOrigin;
import org.mvtm.web.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a WebSocket handshake unless (1) a user is signed in and (2) the {@code Origin} header is present and is
 * either the server's public origin ({@link PublicOrigin}, when configured; otherwise the page's own origin judged
 * from the request's {@code Host}) or explicitly configured. No wildcards.
 */
public final class StrictOriginInterceptor implements HandshakeInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(StrictOriginInterceptor.class);
    private final List<String> extraOrigins;
    private final Optional<PublicOrigin> publicOrigin;

    public StrictOriginInterceptor(List<String> extraOrigins, Optional<PublicOrigin> publicOrigin) {
        this.extraOrigins = List.copyOf(extraOrigins);
        this.publicOrigin = publicOrigin;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                                   Map<String, Object> attributes) {
        if (CurrentUser.of(request.getPrincipal()).isEmpty()) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        String origin = request.getHeaders().getOrigin();
        boolean own = origin != null && publicOrigin.map(p -> p.matches(origin))
                .orElseGet(() -> sameOrigin(request.getURI(), origin, request.getHeaders().getFirst("Host")));
        if (!own && (origin == null || !extraOrigins.contains(origin))) {
            LOG.warn("refused WebSocket {} from origin {}", request.getURI().getPath(), origin);
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        return true;
    }

    static boolean sameOrigin(URI requestUri, String origin, String hostHeader) {
        try {
            URI o = URI.create(origin);
            String scheme = requestUri.getScheme() == null ? "http" : requestUri.getScheme().replace("ws", "http");
            if (o.getScheme() == null || !o.getScheme().equalsIgnoreCase(scheme)) {
                return false;
            }
            String host = hostHeader != null ? hostHeader : requestUri.getHost() + ":" + requestUri.getPort();
            int port = o.getPort() != -1 ? o.getPort() : ("https".equalsIgnoreCase(o.getScheme()) ? 443 : 80);
            String expected = o.getHost() + ":" + port;
            String actual = host.contains(":") ? host : host + ":" + ("https".equalsIgnoreCase(scheme) ? 443 : 80);
            return expected.equalsIgnoreCase(actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                               Exception exception) {
    }
}
