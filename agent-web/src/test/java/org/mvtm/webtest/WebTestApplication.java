package org.mvtm.webtest;

import java.nio.file.Files;
import java.time.Clock;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Stands in for the server in the fast tests: real routing and media, the keyword assistant, and an in-memory
 * recording store that does not check regions itself (so the tests prove the web tier's own scoping).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommonTestBeans.class)
public class WebTestApplication {
    public static final String PASSWORD = CommonTestBeans.PASSWORD;

    @Bean(destroyMethod = "close")
    MediaServer mediaServer(Clock clock) {
        return MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), clock);
    }

    @Bean
    MemoryRecordingStore recordingStore(Clock clock) throws java.io.IOException {
        return new MemoryRecordingStore(clock, Files.createTempDirectory("mvtm-web-recordings"));
    }
}
