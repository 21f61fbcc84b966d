package org.mvtm.media.embedded;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServers;

/**
 * The fixture of the relay tests: a fresh embedded media server on loopback (any port, the system clock) for each
 * test, closed after it. A subclass's own {@code @BeforeEach} runs after the server started, its {@code @AfterEach}
 * before it closes.
 */
abstract class EmbeddedMediaOnLoopback {
    EmbeddedMediaServer media;

    @BeforeEach
    final void startMediaServer() {
        media = (EmbeddedMediaServer) MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC());
    }

    @AfterEach
    final void closeMediaServer() {
        media.close();
    }
}
