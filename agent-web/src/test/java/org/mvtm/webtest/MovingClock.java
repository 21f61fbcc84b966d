package org.mvtm.webtest;

import java.time.Instant;
import org.mvtm.core.time.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock as a {@link MutableClock} starting now, which a test moves by hand. */
@TestConfiguration(proxyBeanMethods = false)
public class MovingClock {
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }
}
