package org.mvtm.server.wiring;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.mvtm.chatbot.api.KnowledgeBaseAdmin;
import org.mvtm.web.api.DocumentSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * An upload refused before its body is read (413 from its declared length, 401, 403) still has its body on the wire.
 * Tomcat reads and discards at most {@code server.tomcat.max-swallow-size} of it (2 MB by default) and then closes
 * the connection, so a client still sending gets a reset instead of the answer that says what was wrong. The
 * knowledge-base CSV (4 MiB) and call documents ({@code contact.documents.max-size}, 10 MB by default) are larger
 * than that: up to twice the largest body this server accepts is read and discarded (or the configured size, if
 * larger), so an administrator or customer sending too large a file is told so.
 */
@Configuration(proxyBeanMethods = false)
class RefusedUploads {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> refusedUploadsAreReadToTheEnd(
            DocumentSettings documents, Environment environment) {
        long largest = Math.max(documents.maxBytes(), KnowledgeBaseAdmin.MAX_CSV_BYTES);
        long configured = Binder.get(environment).bind("server.tomcat.max-swallow-size", DataSize.class)
                .map(DataSize::toBytes).orElse(0L);
        int swallow = (int) Math.min(Integer.MAX_VALUE, Math.max(configured, 2 * largest));
        return new SwallowCustomizer(swallow);
    }

    /** Runs after Spring Boot's own Tomcat customizer, which sets the configured (or default) size. */
    private record SwallowCustomizer(int bytes)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxSwallowSize(bytes);
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
