package org.mvtm.webtest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUserDirectory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The browser journey's server: real routing, the embedded media relay and the real encrypted recording store. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommonTestBeans.class)
public class BrowserJourneyApplication {
    @Bean(destroyMethod = "close")
    MediaServer mediaServer(Clock clock) {
        return MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), clock);
    }

    @Bean(destroyMethod = "close")
    RecordingStore recordingStore(Clock clock, EventBus events) throws IOException {
        RecordingStore store = RecordingStores.open(RecordingStoreConfig.defaults(
                Files.createTempDirectory("mvtm-journey").resolve("recordings"), RecordingKeys.generate()), clock, events);
        warmUp(store, clock);
        return store;
    }

    /**
     * The first recording of a fresh store takes seconds (index and crypto warm-up); the journey's call is shorter
     * than that on a 2-core machine, so one throw-away recording (region MO, which no test user may see) goes first.
     */
    private static void warmUp(RecordingStore store, Clock clock) {
        long began = System.nanoTime();
        store.start(new RecordingMetadata(InteractionId.random(), ConversationId.random(), Channel.CHAT,
                CustomerId.of("warm-up"), "warm-up", AgentId.of("warm-up"), "warm-up", QueueId.of("general"),
                Region.MO, Language.EN, clock.instant())).seal();
        org.slf4j.LoggerFactory.getLogger(BrowserJourneyApplication.class)
                .info("recording store warm-up took {} ms", (System.nanoTime() - began) / 1_000_000);
    }

    @Bean
    RecordingCoordinator recordingCoordinator(Clock clock, EventBus events, RoutingEngine routing, MediaServer media,
                                              RecordingStore store, WebUserDirectory users) {
        return new RecordingCoordinator(clock, events, routing, media, store, users);
    }
}
