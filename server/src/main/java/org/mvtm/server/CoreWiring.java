package org.mvtm.server;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.config.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instances every module shares: the clock, the node's event bus and the data directory. */
@Configuration(proxyBeanMethods = false)
class CoreWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventBus eventBus() {
        return new InProcessEventBus();
    }

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(ContactProperties properties) {
        return new DataDirectory(properties.dataDir());
    }
}
