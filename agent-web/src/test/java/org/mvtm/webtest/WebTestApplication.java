package org.mvtm.webtest;

import java.nio.file.Files;
import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Stands in for the server in the fast tests: real routing and media, the keyword assistant, and the real encrypted
 * recording store in a temporary directory.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommonTestBeans.class)
public class WebTestApplication {
    public static final String PASSWORD = CommonTestBeans.PASSWORD;
    /** The per-queue document library (issue 22), filled by the tests that send from it. */
    public static final java.nio.file.Path DOCUMENT_LIBRARY = documentLibrary();

    private static java.nio.file.Path documentLibrary() {
        try {
            return Files.createTempDirectory("mvtm-document-library");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Documents up to 1 MB, so a refusal for size is quick to show. */
    @Bean
    org.mvtm.web.api.DocumentSettings documentSettings() {
        return new org.mvtm.web.api.DocumentSettings(1024 * 1024, java.util.Optional.of(DOCUMENT_LIBRARY), 20);
    }

    @Bean(destroyMethod = "close")
    MediaServer mediaServer(Clock clock) {
        return MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), clock);
    }

    @Bean(destroyMethod = "close")
    RecordingStore recordingStore(Clock clock, EventBus events) throws java.io.IOException {
        return RecordingStores.open(RecordingStoreConfig.defaults(
                Files.createTempDirectory("mvtm-web-recordings").resolve("data"), RecordingKeys.generate()), clock, events);
    }

    @Bean
    RecordedConversations recordedConversations(RecordingStore store, Clock clock) throws java.io.IOException {
        return new RecordedConversations(store, clock, Files.createTempDirectory("mvtm-web-media"));
    }
}
