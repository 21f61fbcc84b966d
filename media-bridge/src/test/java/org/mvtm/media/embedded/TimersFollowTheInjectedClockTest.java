package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.peer.SyntheticWebRtcPeer;
import org.mvtm.media.testing.EventLog;

/** ICE and no-media timers are measured on the injected clock: nothing fires until the clock passes the limit. */
class TimersFollowTheInjectedClockTest {

    @Test
    void iceTimeoutAndNoMediaFireOnlyWhenTheClockPassesThem() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        EventLog log = new EventLog();
        try (EmbeddedMediaServer media = (EmbeddedMediaServer) MediaServers.embedded(
                EmbeddedMediaConfig.loopbackAnyPort(), clock);
             SyntheticWebRtcPeer mute = new SyntheticWebRtcPeer(111, 96)) {
            media.addListener(log);
            SyntheticCall call = new SyntheticCall(media, "clocked");
            call.exchange(1);
            // the relay stamps arrival with the clock: let the packets arrive before moving it
            await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.receivedTotal() == 2
                    && call.customer.receivedTotal() == 2);
            MediaSession s = media.session(InteractionId.of("never-ice"));
            s.addWebRtcLeg("customer", Party.CUSTOMER, mute.offer(false));
            clock.advance(Duration.ofSeconds(9));
            // several watchdog rounds (200 ms each) at 9 s: below both 10 s limits, nothing fires
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() ->
                    log.of(MediaEvent.IceFailed.class).isEmpty() && log.of(MediaEvent.NoMedia.class).isEmpty());
            clock.advance(Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> log.of(MediaEvent.IceFailed.class).size() == 1
                    && log.of(MediaEvent.NoMedia.class).size() == 2);
            assertThat(log.of(MediaEvent.NoMedia.class).get(0).silentFor()).isEqualTo(Duration.ofSeconds(11));
            assertThat(log.of(MediaEvent.IceFailed.class).get(0).legId()).isEqualTo("customer");
            assertThat(log.of(MediaEvent.IceFailed.class).get(0).interaction()).isEqualTo(
                    InteractionId.of("never-ice"));
            call.close();
        }
    }
}
