package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.HostAddresses;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaServer;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.testing.BrowserPages;
import org.mvtm.media.testing.CountingSink;
import org.mvtm.media.testing.EventLog;

/** MUST-SHOW: two headless Chromium pages (customer, advisor) exchange video and audio through the embedded relay. */
@Tag("peer")
class BrowserCallThroughRelayTest {

    private static void assertBothPagesDecodeVideoAndReceiveAudio(BrowserPages.Result result, EventLog log) {
        assertThat(result.exitCode())
                .as("both pages decode video and receive audio; last stats %s%nnode stderr:%n%s%nevents %s",
                        result.lastReport(), result.stderr(), log.events)
                .isZero();
    }

    @Test
    void customerAndAdvisorDecodeEachOthersVideoAndHearAudioAndTheRecorderGetsBothLegs(@TempDir Path tmp)
            throws Exception {
        EventLog log = new EventLog();
        try (MediaServer media = MediaServers.embedded(EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC())) {
            media.addListener(log);
            MediaSession session = media.session(InteractionId.of("browser-call"));
            CountingSink sink = CountingSink.recording(session);
            BrowserPages.Result result = BrowserPages.run(session, 45, "av", tmp,
                    "customer:customer", "advisor:advisor");
            assertBothPagesDecodeVideoAndReceiveAudio(result, log);
            assertThat(log.of(MediaEvent.LegConnected.class)).extracting(MediaEvent::legId)
                    .contains("customer", "advisor");
            for (String leg : new String[] {"customer", "advisor"}) {
                assertThat(sink.count(leg, MediaKind.AUDIO)).as("recorded audio packets of %s", leg).isPositive();
                assertThat(sink.count(leg, MediaKind.VIDEO)).as("recorded video packets of %s", leg).isPositive();
            }
            assertThat(sink.legs).containsKeys("customer", "advisor");
            assertThat(sink.notRtp).hasValue(0);
            assertThat(sink.beforeLegAdded).hasValue(0);
            // the tap is handed the leg's receive buffer itself: one array per leg, no per-packet copy
            assertThat(sink.bufferIdentities.get("customer")).hasSize(1);
            assertThat(sink.bufferIdentities.get("advisor")).hasSize(1);
            session.release();
            assertThat(sink.closed).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> ((EmbeddedMediaServer) media).openPorts() == 0);
        }
    }

    /**
     * Issue 14 item 2: Firefox offers max-bundle with {@code m=video 0 ... a=bundle-only} and checks only its
     * network addresses. With the default addresses (every network address of the host, then loopback) and BUNDLE
     * answered in full, a Firefox customer and a Chromium advisor decode each other's video and hear audio.
     */
    @Test
    void firefoxCustomerAndChromiumAdvisorDecodeEachOthersVideoThroughTheRelay(@TempDir Path tmp) throws Exception {
        EventLog log = new EventLog();
        EmbeddedMediaConfig config = EmbeddedMediaConfig.loopbackAnyPort()
                .withAddresses("0.0.0.0", HostAddresses.advertised("0.0.0.0", HostAddresses.ofThisHost()));
        try (MediaServer media = MediaServers.embedded(config, Clock.systemUTC())) {
            media.addListener(log);
            MediaSession session = media.session(InteractionId.of("firefox-call"));
            CountingSink sink = CountingSink.recording(session);
            BrowserPages.Result result = BrowserPages.run(session, 45, "av", 2000, tmp,
                    "customer:customer::firefox", "advisor:advisor");
            assertBothPagesDecodeVideoAndReceiveAudio(result, log);
            for (String leg : new String[] {"customer", "advisor"}) {
                assertThat(sink.count(leg, MediaKind.VIDEO)).as("recorded video packets of %s", leg).isPositive();
                assertThat(sink.count(leg, MediaKind.AUDIO)).as("recorded audio packets of %s", leg).isPositive();
            }
            assertThat(sink.notRtp).hasValue(0);
            session.release();
        }
    }

    /**
     * A relay that advertises only 127.0.0.1 (the old default) is unreachable for Firefox, which never checks a
     * loopback candidate: the leg ends in IceFailed instead of waiting for media forever.
     */
    @Test
    void firefoxAgainstALoopbackOnlyRelayEndsInIceFailed(@TempDir Path tmp) throws Exception {
        EventLog log = new EventLog();
        EmbeddedMediaConfig config = EmbeddedMediaConfig.loopbackAnyPort().withAddresses("0.0.0.0", "127.0.0.1")
                .withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(10));
        try (EmbeddedMediaServer media = (EmbeddedMediaServer) MediaServers.embedded(config, Clock.systemUTC())) {
            media.addListener(log);
            MediaSession session = media.session(InteractionId.of("firefox-loopback"));
            BrowserPages.run(session, 8, "none", tmp, "customer:customer::firefox");
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.of(MediaEvent.IceFailed.class, "customer")
                    .isEmpty());
            assertThat(log.of(MediaEvent.LegConnected.class)).isEmpty();
        }
    }

    @Test
    void chromiumPeerWhoseSdpFingerprintDoesNotMatchItsCertificateEndsInDtlsFailed(@TempDir Path tmp)
            throws Exception {
        EventLog log = new EventLog();
        try (EmbeddedMediaServer media = (EmbeddedMediaServer) MediaServers.embedded(
                EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC())) {
            media.addListener(log);
            MediaSession session = media.session(InteractionId.of("mitm-call"));
            // the page flips the first byte of its a=fingerprint before posting the offer
            BrowserPages.run(session, 8, "none", tmp, "customer:customer:fingerprint");
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.of(MediaEvent.LegClosed.class, "customer")
                    .isEmpty());
            assertThat(log.of(MediaEvent.DtlsFailed.class, "customer")).singleElement()
                    .extracting(MediaEvent.DtlsFailed::reason).asString()
                    // the page wrote 00 as the first byte, or 01 where the certificate's first byte is 00: the
                    // fingerprints differ in that byte only
                    .matches("DTLS fingerprint mismatch: SDP a=fingerprint sha-256 (?:00|01)(:[0-9A-F:]+) but the"
                            + " peer's certificate has [0-9A-F]{2}\\1");
            assertThat(log.of(MediaEvent.LegConnected.class)).isEmpty();
            assertThat(media.openPorts()).isZero();
        }
    }
}
