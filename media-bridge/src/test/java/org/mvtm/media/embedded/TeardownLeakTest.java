package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.testing.CountingSink;

/** Many recorded calls set up and torn down leave no open port, no media thread and no extra platform thread. */
class TeardownLeakTest {

    @Test
    void manyCallsLeaveNoPortsOrThreadsBehind() throws Exception {
        EmbeddedMediaConfig config = EmbeddedMediaConfig.loopbackAnyPort().withAddresses("127.0.0.1", "127.0.0.1")
                .withPorts(41000, 41099);
        try (EmbeddedMediaServer media = (EmbeddedMediaServer) MediaServers.embedded(config, Clock.systemUTC())) {
            for (int i = 0; i < 25; i++) {
                try (SyntheticCall call = new SyntheticCall(media, "call-" + i)) {
                    call.session.startRecording(new CountingSink());
                    call.exchange(5);
                    await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.receivedTotal() == 10);
                }
                assertThat(media.openPorts()).as("ports after call %d", i).isZero();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> media.mediaThreads() == 0);
            // the operating system agrees: every port of the range can be bound again
            for (int port = 41000; port <= 41099; port++) {
                try (var probe = java.nio.channels.DatagramChannel.open()) {
                    int p = port;
                    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                            .ignoreExceptions().until(() -> {
                        probe.bind(new java.net.InetSocketAddress("127.0.0.1", p));
                        return true;
                    });
                }
            }
            assertThat(media.activeSessions()).isEmpty();
        }
        // the server's own platform thread (media-timer) is gone too; virtual media threads were counted above
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("media-")));
    }
}
