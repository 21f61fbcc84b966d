package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.LegInfo;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.peer.SyntheticWebRtcPeer;
import org.mvtm.media.testing.EventLog;

/**
 * Wrong DTLS fingerprint, a peer that never completes ICE, a peer that never handshakes, garbage UDP and silence
 * each end in a clear event; the failed leg's port is closed and a healthy call alongside keeps flowing.
 */
class FailureEventsTest {
    private EmbeddedMediaServer media;
    private final EventLog log = new EventLog();
    private SyntheticCall healthy;

    @BeforeEach
    void start() throws Exception {
        EmbeddedMediaConfig config = EmbeddedMediaConfig.loopbackAnyPort()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        media = (EmbeddedMediaServer) MediaServers.embedded(config, Clock.systemUTC());
        media.addListener(log);
        healthy = new SyntheticCall(media, "healthy");
    }

    @AfterEach
    void stop() {
        healthy.close();
        media.close();
    }

    private void healthyCallStillFlows() throws Exception {
        long before = healthy.advisor.receivedTotal();
        healthy.exchange(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> healthy.advisor.receivedTotal() >= before + 20);
        assertThat(healthy.session.legs()).extracting(LegInfo::connected).containsOnly(true);
    }

    @Test
    void wrongDtlsFingerprintEndsInDtlsFailedNamingTheMismatch() throws Exception {
        MediaSession s = media.session(InteractionId.of("mitm"));
        int portsBefore = media.openPorts();
        try (SyntheticWebRtcPeer liar = new SyntheticWebRtcPeer(111, 96)) {
            String answer = s.addWebRtcLeg("customer", Party.CUSTOMER, liar.offer(true));
            try {
                liar.connect(answer, Duration.ofSeconds(5));
            } catch (Exception expected) {
                // the server aborts the handshake with bad_certificate
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.of(MediaEvent.DtlsFailed.class, "customer")
                    .isEmpty() && !log.of(MediaEvent.LegClosed.class, "customer").isEmpty());
        }
        assertThat(log.of(MediaEvent.DtlsFailed.class, "customer").get(0).reason())
                .contains("DTLS fingerprint mismatch");
        assertThat(s.legs()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> media.openPorts() == portsBefore);
        healthyCallStillFlows();
    }

    @Test
    void peerThatNeverCompletesIceEndsInIceFailed() throws Exception {
        MediaSession s = media.session(InteractionId.of("silent-peer"));
        int portsBefore = media.openPorts();
        try (SyntheticWebRtcPeer mute = new SyntheticWebRtcPeer(111, 96)) {
            s.addWebRtcLeg("customer", Party.CUSTOMER, mute.offer(false));
            assertThat(media.openPorts()).isEqualTo(portsBefore + 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.of(MediaEvent.LegClosed.class, "customer")
                    .isEmpty());
        }
        assertThat(log.of(MediaEvent.IceFailed.class, "customer").get(0).reason())
                .contains("no valid STUN binding request within 1000 ms");
        await().atMost(Duration.ofSeconds(5)).until(() -> media.openPorts() == portsBefore);
        healthyCallStillFlows();
    }

    @Test
    void peerThatPassesIceButNeverHandshakesEndsInDtlsFailed() throws Exception {
        MediaSession s = media.session(InteractionId.of("no-dtls"));
        try (SyntheticWebRtcPeer lazy = new SyntheticWebRtcPeer(111, 96)) {
            lazy.iceOnly(s.addWebRtcLeg("customer", Party.CUSTOMER, lazy.offer(false)), Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.of(MediaEvent.DtlsFailed.class, "customer")
                    .isEmpty());
        }
        assertThat(log.of(MediaEvent.DtlsFailed.class, "customer").get(0).reason())
                .contains("DTLS handshake not completed");
        healthyCallStillFlows();
    }

    @Test
    void garbageUdpOnAMediaPortIsReportedAndDoesNotDisturbTheCall() throws Exception {
        InetSocketAddress port = healthy.session.legs().get(0).localAddress();
        SyntheticWebRtcPeer.sendGarbage(port, 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !log.of(MediaEvent.GarbageReceived.class).isEmpty());
        assertThat(log.of(MediaEvent.GarbageReceived.class).get(0).reason()).contains("neither STUN, DTLS nor (S)RTP");
        assertThat(log.of(MediaEvent.GarbageReceived.class)).hasSize(1);
        healthyCallStillFlows();
        assertThat(log.of(MediaEvent.LegClosed.class)).isEmpty();
    }

    @Test
    void silentConnectedLegGetsOneNoMediaEvent() throws Exception {
        healthy.exchange(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> log.of(MediaEvent.NoMedia.class, "customer").size() == 1
                && log.of(MediaEvent.NoMedia.class, "advisor").size() == 1);
        assertThat(log.of(MediaEvent.NoMedia.class, "customer").get(0).silentFor())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        healthyCallStillFlows();
    }
}
