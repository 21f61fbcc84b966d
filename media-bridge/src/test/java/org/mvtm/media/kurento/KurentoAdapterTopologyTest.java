package org.mvtm.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.KurentoMediaConfig;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaServers;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.testing.CountingSink;
import org.mvtm.media.testing.EventLog;
import org.mvtm.testing.FreePorts;

/**
 * What the Kurento adapter asks Kurento to build, checked against a recording fake of the kurento-client object
 * model. Whether Kurento then carries media is NOT checked here (no Kurento can run in this build); see
 * docs/media-bridge.md for the docker compose procedure.
 */
class KurentoAdapterTopologyTest {
    private final RecordingKurentoPort port = new RecordingKurentoPort();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final KurentoMediaServer media = new KurentoMediaServer(port,
            KurentoMediaConfig.of("ws://kms:8888/kurento", Path.of("/recordings")), clock);
    private final EventLog log = new EventLog();

    @Test
    void onePipelinePerCallWebRtcEndpointsConnectedBothWaysAndAWebmRecorderPerLeg() {
        media.addListener(log);
        MediaSession s = media.session(InteractionId.of("call-1"));
        String answer = s.addWebRtcLeg("customer", Party.CUSTOMER, RecordingKurentoPort.ANSWER);
        assertThat(answer).contains("a=candidate:");
        s.addWebRtcLeg("advisor", Party.ADVISOR, RecordingKurentoPort.ANSWER);
        CountingSink sink = new CountingSink();
        s.startRecording(sink);
        assertThat(port.calls).containsSubsequence(
                "pipeline mvtm-call-1", "create webrtc#1", "webrtc#1 processOffer", "webrtc#1 gatherCandidates",
                "create webrtc#2", "webrtc#2 processOffer", "webrtc#2 gatherCandidates");
        assertThat(port.calls).contains("webrtc#2 -> webrtc#1", "webrtc#1 -> webrtc#2",
                "create recorder#3 WEBM file:///recordings/call-1/customer-1795428000000.webm",
                "webrtc#1 -> recorder#3", "recorder#3 record",
                "create recorder#4 WEBM file:///recordings/call-1/advisor-1795428000000.webm",
                "webrtc#2 -> recorder#4", "recorder#4 record");
        assertThat(port.calls.stream().filter(c -> c.startsWith("pipeline mvtm"))).hasSize(1);
        assertThat(sink.legs).containsKeys("customer", "advisor");
        assertThat(sink.legs.get("customer").payloadTypes()).extracting("encoding").containsExactly("opus", "VP8");
        s.release();
        assertThat(port.calls).containsSubsequence("recorder#3 stop", "recorder#3 release", "pipeline release");
        assertThat(sink.closed).isTrue();
        assertThat(media.activeSessions()).isEmpty();
    }

    @Test
    void kurentoEventsBecomeMediaEvents() {
        media.addListener(log);
        MediaSession s = media.session(InteractionId.of("call-2"));
        s.addWebRtcLeg("customer", Party.CUSTOMER, RecordingKurentoPort.ANSWER);
        RecordingKurentoPort.FakeElement ep = port.elements.get(0);
        ep.fire(new KurentoPort.ElementEvent.Connected());
        ep.fire(new KurentoPort.ElementEvent.Flowing(MediaKind.VIDEO));
        ep.fire(new KurentoPort.ElementEvent.Error("DTLS handshake failed: fingerprint mismatch"));
        ep.fire(new KurentoPort.ElementEvent.IceFailed("ICE component 1 of stream 1 failed"));
        assertThat(log.events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LegConnected", "MediaFlowing", "DtlsFailed", "IceFailed");
        assertThat(log.of(MediaEvent.MediaFlowing.class).get(0).kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(s.legs().get(0).connected()).isTrue();
    }

    @Test
    void sipLegsUseRtpEndpointsAndAnnouncementsAPlayerWhileThePeerIsDisconnected() {
        MediaSession s = media.session(InteractionId.of("call-3"));
        s.addRtpLeg("customer", Party.CUSTOMER,
                "v=0\r\nc=IN IP4 10.1.1.1\r\nm=audio 4000 RTP/AVP 0\r\n");
        s.createRtpOffer("advisor", Party.ADVISOR);
        s.applyRtpAnswer("advisor", "v=0\r\nc=IN IP4 10.1.1.2\r\nm=audio 4002 RTP/AVP 0\r\n");
        s.playAudio("customer", Path.of("/media/queue.wav"), true);
        s.stopAudio("customer");
        assertThat(port.calls).containsSubsequence("create rtp#1", "rtp#1 processOffer", "create rtp#2",
                "rtp#2 generateOffer", "rtp#2 processAnswer", "rtp#2 -x- rtp#1",
                "create player#3 file:///media/queue.wav", "player#3 -AUDIO-> rtp#1", "player#3 play",
                "player#3 stop", "player#3 release", "rtp#2 -> rtp#1");
        assertThatThrownBy(() -> s.addRtpLeg("customer", Party.CUSTOMER, "v=0\r\nm=audio 1 RTP/AVP 0\r\n"))
                .isInstanceOf(org.mvtm.media.api.LegExistsException.class).hasMessageContaining("already exists");
    }

    @Test
    void unreachableKurentoFailsWithTheUrlInTheMessage() throws Exception {
        int closedPort = FreePorts.tcp();
        String url = "ws://127.0.0.1:" + closedPort + "/kurento";
        assertThatThrownBy(() -> MediaServers.kurento(KurentoMediaConfig.of(url, Path.of("/tmp")), clock))
                .isInstanceOf(MediaException.class).hasMessageContaining(url);
    }

    @Test
    void configRejectsNonWebSocketUrls() {
        assertThatThrownBy(() -> KurentoMediaConfig.of("http://kms:8888", Path.of("/r")))
                .hasMessageContaining("ws://");
    }
}
