package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.SessionDescription;
import org.mvtm.media.testing.CountingSink;
import org.mvtm.media.testing.EventLog;

/** Relay behaviour with scripted DTLS-SRTP peers: payload type mapping, recording tap, keyframe request, bad input. */
class RelayBetweenSyntheticPeersTest extends EmbeddedMediaOnLoopback {
    private final EventLog log = new EventLog();

    @BeforeEach
    void start() {
        media.addListener(log);
    }

    @Test
    void packetsArriveWithTheReceiversOwnPayloadTypeNumbers() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "pt-map")) {
            call.exchange(20);
            // customer sends VP8 as 96 and Opus as 111; advisor negotiated 100 and 109 for the same codecs
            await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.received(100) == 20
                    && call.advisor.received(109) == 20 && call.customer.received(96) == 20
                    && call.customer.received(111) == 20);
            assertThat(call.advisor.received(96)).isZero();
            assertThat(log.of(MediaEvent.MediaFlowing.class, "customer")).extracting(MediaEvent.MediaFlowing::kind)
                    .containsExactlyInAnyOrder(MediaKind.AUDIO, MediaKind.VIDEO);
        }
    }

    @Test
    void headerExtensionsOfOneBrowserAreStrippedSoTheOtherNeverSeesIdsItDidNotNegotiate() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "mid")) {
            for (int i = 0; i < 10; i++) {
                call.customer.sendWithMid(MediaKind.AUDIO, "0");
                call.customer.sendWithMid(MediaKind.VIDEO, "1");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.received(109) == 10
                    && call.advisor.received(100) == 10);
            assertThat(call.advisor.receivedWithExtension()).isZero();
            assertThat(log.of(MediaEvent.GarbageReceived.class)).isEmpty();
        }
    }

    @Test
    void aVideoPacketWhoseMidNamesTheAudioSectionIsDroppedAndReported() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "wrong-mid")) {
            call.customer.sendWithMid(MediaKind.VIDEO, "0");
            call.customer.sendWithMid(MediaKind.VIDEO, "7");
            call.customer.sendWithMid(MediaKind.VIDEO, "1");
            await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.received(100) == 1);
            assertThat(log.of(MediaEvent.GarbageReceived.class, "customer")).singleElement()
                    .extracting(MediaEvent.GarbageReceived::reason).asString().contains("MID");
        }
    }

    @Test
    void aBrowserCustomerTransferredToADeskPhoneIsOfferedOpusAndG711AndAG711OnlyPhoneIsConnected() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "transfer-to-phone")) {
            call.session.removeLeg("advisor"); // the web advisor transfers the customer to a desk phone
            String offer = call.session.createRtpOffer("phone", Party.ADVISOR);
            assertThat(SessionDescription.parse(offer).first(MediaKind.AUDIO).orElseThrow().codecs())
                    .extracting(Codec::key).containsExactly("OPUS", "TELEPHONE-EVENT", "PCMU", "PCMA", "TELEPHONE-EVENT");
            // a G.711-only phone answers PCMU: connected, and the relay transcodes (OpusAndG711LegsTest)
            call.session.applyRtpAnswer("phone", "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 0 101\r\n"
                    + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
            assertThat(call.session.legs()).filteredOn(l -> l.legId().equals("phone")).singleElement()
                    .satisfies(l -> assertThat(l.payloadTypes()).extracting(p -> p.encoding())
                            .containsExactly("PCMU", "telephone-event"));
            assertThat(call.session.cannotMix()).isEmpty();
        }
    }

    @Test
    void recordingTapGetsEveryDecryptedPacketOfBothLegsAndStartingItRequestsAKeyframe() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "tap")) {
            call.exchange(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.advisor.receivedTotal() == 2);
            long rtcpBefore = call.customer.rtcpReceived();
            CountingSink sink = CountingSink.recording(call.session);
            // the first exchange came before the recording: the relay kept it (a copy) and hands it over first
            assertThat(sink.keptFromBefore).hasValue(4);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.customer.rtcpReceived() > rtcpBefore);
            call.exchange(30);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.count("customer", MediaKind.VIDEO) == 31
                    && sink.count("advisor", MediaKind.AUDIO) == 31);
            assertThat(sink.count("customer", MediaKind.AUDIO)).isEqualTo(31);
            assertThat(sink.count("advisor", MediaKind.VIDEO)).isEqualTo(31);
            assertThat(sink.notRtp).hasValue(0);
            // 60 live packets per leg, one array per leg: the relay decrypts, taps and re-encrypts in the buffer it
            // received into, without a per-packet copy
            assertThat(sink.bufferIdentities.get("customer")).hasSize(1);
            assertThat(sink.bufferIdentities.get("advisor")).hasSize(1);
            assertThat(sink.bufferIdentities.get("customer")).doesNotContainAnyElementsOf(
                    sink.bufferIdentities.get("advisor"));
            assertThat(sink.legs.get("advisor").payloadTypes()).extracting(p -> p.encoding())
                    .containsExactlyInAnyOrder("opus", "VP8");
            call.session.stopRecording();
            assertThat(sink.closed).isTrue();
        }
    }

    @Test
    void heldLegNeitherSendsNorReceives() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "hold")) {
            CountingSink sink = CountingSink.recording(call.session);
            call.session.hold("customer", true);
            call.exchange(10);
            // held media is still recorded; wait until the relay has seen all of it before resuming
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.count("customer", MediaKind.VIDEO) == 10
                    && sink.count("advisor", MediaKind.VIDEO) == 10);
            assertThat(call.advisor.receivedTotal()).isZero();
            call.session.hold("customer", false);
            call.exchangeBothWaysAndWait(5);
        }
    }

    @Test
    void aMutedAdvisorsAudioReachesNobodyButItsVideoDoesAndTheRecordingKeepsBoth() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "mute")) {
            CountingSink sink = CountingSink.recording(call.session);
            call.session.mute("advisor", true);
            call.exchange(10);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.count("advisor", MediaKind.AUDIO) == 10
                    && call.customer.received(96) == 10);
            assertThat(call.customer.received(111)).as("the customer hears nothing of the muted advisor").isZero();
            assertThat(call.advisor.received(109)).as("the advisor still hears the customer").isEqualTo(10);
            call.session.mute("advisor", false);
            call.exchange(5);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.customer.received(111) == 5);
        }
    }

    @Test
    void customerMediaFansOutToAdvisorAndAConnectedSupervisorIntact() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "fan-out");
             var supervisor = new org.mvtm.media.peer.SyntheticWebRtcPeer(120, 121)) {
            String answer = call.session.addWebRtcLeg("supervisor", Party.ADVISOR, supervisor.offer(false));
            supervisor.connect(answer, Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> call.session.legs().stream()
                    .allMatch(org.mvtm.media.api.LegInfo::connected));
            call.exchange(20);
            // the supervisor (advisor party) hears the customer; the advisor still gets every packet too, each
            // decryptable with its own keys (the fan-out copy keeps the original intact for the last target)
            await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.received(121) == 20
                    && supervisor.received(120) == 20 && call.advisor.received(100) == 20
                    && call.advisor.received(109) == 20);
            assertThat(call.customer.receivedTotal()).as("customer hears advisor and supervisor").isEqualTo(40);
            call.session.connect("advisor", "supervisor");
            call.advisor.send(MediaKind.AUDIO, 100, false);
            await().atMost(Duration.ofSeconds(5)).until(() -> supervisor.received(120) == 21);
        }
    }

    @Test
    void trickledCandidatesAreAcceptedAndEndOfCandidatesTolerated() throws Exception {
        try (SyntheticCall call = new SyntheticCall(media, "trickle")) {
            call.session.addRemoteCandidate("customer",
                    "candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 0.0.0.0 rport 0");
            call.session.addRemoteCandidate("customer", "a=candidate:1 1 udp 2113937151 127.0.0.1 5000 typ host");
            call.session.addRemoteCandidate("customer", "a=end-of-candidates");
            call.session.addRemoteCandidate("customer", "");
            assertThatThrownBy(() -> call.session.addRemoteCandidate("customer", "hello"))
                    .hasMessageContaining("not an ICE candidate line");
            assertThatThrownBy(() -> call.session.addRemoteCandidate("nobody", "a=end-of-candidates"))
                    .hasMessageContaining("no leg nobody");
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessageAndChangesNothing() {
        MediaSession s = media.session(InteractionId.of("bad"));
        assertThatThrownBy(() -> s.addWebRtcLeg("l1", Party.CUSTOMER, "v=0\r\nnonsense\r\n"))
                .isInstanceOf(MediaException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> s.addWebRtcLeg("l1", null, "v=0\r\n"))
                .hasMessageContaining("party must be CUSTOMER, ADVISOR or SUPERVISOR");
        assertThatThrownBy(() -> s.addRtpLeg("l1", Party.CUSTOMER,
                "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"))
                .hasMessageContaining("no codec the bridge relays");
        assertThatThrownBy(() -> s.removeLeg("nope")).hasMessageContaining("no leg nope");
        assertThat(s.legs()).isEmpty();
        assertThat(media.openPorts()).isZero();
    }
}
