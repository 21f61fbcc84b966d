package org.mvtm.server.wiring;

import org.mvtm.server.config.CustomerWaitProperties;
import org.mvtm.web.api.AppointmentSettings;
import org.mvtm.web.api.CallbackSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web tier's callback and appointment settings, from {@code contact.wait.*}. */
@Configuration(proxyBeanMethods = false)
class CustomerWaitWiring {
    @Bean
    CallbackSettings callbackSettings(CustomerWaitProperties props) {
        return props.callbacks().settings();
    }

    @Bean
    AppointmentSettings appointmentSettings(CustomerWaitProperties props) {
        return props.appointments().settings();
    }
}
