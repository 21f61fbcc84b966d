package org.mvtm.web.socket;

import java.util.List;
import java.util.Optional;
import org.mvtm.web.api.PublicOrigin;
import org.mvtm.web.api.WebTierSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Registers every {@link JsonSocketHandler} bean at its path ({@link SocketPath}); each handshake goes through the
 * {@link StrictOriginInterceptor}, and each socket is followed by the browser session it was opened in
 * ({@link SessionBoundSocketHandler}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {
    private final List<JsonSocketHandler> handlers;
    private final List<String> extraOrigins;
    private final Optional<PublicOrigin> publicOrigin;
    private final BrowserSessionSockets sessionSockets;

    WebSocketConfiguration(List<JsonSocketHandler> handlers, ObjectProvider<WebTierSettings> settings,
                           ObjectProvider<PublicOrigin> publicOrigin, BrowserSessionSockets sessionSockets) {
        this.handlers = handlers;
        this.sessionSockets = sessionSockets;
        this.extraOrigins = settings.getIfAvailable(WebTierSettings::defaults).allowedOrigins();
        this.publicOrigin = Optional.ofNullable(publicOrigin.getIfAvailable());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        for (JsonSocketHandler handler : handlers) {
            SocketPath path = handler.getClass().getAnnotation(SocketPath.class);
            if (path == null) {
                throw new IllegalStateException(handler.getClass().getName() + " lacks @SocketPath");
            }
            registry.addHandler(new SessionBoundSocketHandler(handler, sessionSockets), path.value())
                    .addInterceptors(new StrictOriginInterceptor(extraOrigins, publicOrigin),
                            SessionBoundSocketHandler.sessionIdCopy())
                    // the first interceptor enforces the origin; Spring's own check would need the same list
                    .setAllowedOriginPatterns("*");
        }
    }

    /** SDP offers are several KiB; allow 128 KiB text messages. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(128 * 1024);
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }
}
