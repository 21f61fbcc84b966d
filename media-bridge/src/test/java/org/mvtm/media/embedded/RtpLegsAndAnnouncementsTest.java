package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.core.media.Wav;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.SessionDescription;

/** Plain RTP legs (SIP): answer to an offer, offer + answer towards a desk phone, relay, announcements. */
class RtpLegsAndAnnouncementsTest extends EmbeddedMediaOnLoopback {
    private MediaSession session;

    @BeforeEach
    void start() {
        session = media.session(InteractionId.of("sip"));
    }

    /** A plain RTP endpoint on loopback that remembers the payload type, first payload byte and sequence received. */
    static final class Phone extends LoopbackPhone {
        volatile int lastPt = -1;
        volatile byte lastPayloadByte;
        final List<Integer> sequences = Collections.synchronizedList(new ArrayList<>());
        int seq;

        Phone() throws IOException {
            super("0");
            listen();
        }

        /** An offer of {@code codecs} that also maps telephone-event to 101. */
        @Override
        String offer(String codecs) {
            return super.offer(codecs + "\r\na=rtpmap:101 telephone-event/8000");
        }

        void send(int pt, int count) throws IOException {
            byte[] b = new byte[172];
            for (int i = 0; i < count; i++) {
                RtpHeader.write(b, 0, false, pt, seq++, seq * 160L, 777);
                b[12] = 42;
                send(b, b.length);
            }
        }

        @Override
        void packet(byte[] b, int length) {
            lastPt = Rtp.payloadType(b, 0);
            lastPayloadByte = b[12];
            sequences.add(RtpHeader.sequence(b, 0));
        }
    }

    @Test
    void aHoldLeavesNoGapInTheSequenceNumbersEitherPeerReceives() throws Exception {
        try (Phone caller = new Phone(); Phone desk = new Phone()) {
            connectAndTalk(caller, desk);

            // the recording tap sees every packet the relay took in, held or not: the 20 sent since the desk phone
            // joined, which the relay kept until the recording started, and the 100 sent on hold
            AtomicInteger tapped = new AtomicInteger();
            session.startRecording(new org.mvtm.core.media.MediaPacketSink() {
                @Override
                public void legAdded(org.mvtm.core.media.LegDescription leg) {
                }

                @Override
                public void packet(String legId, MediaKind kind, long at, byte[] buffer, int offset, int length) {
                    tapped.incrementAndGet();
                }

                @Override
                public void closed() {
                }
            });
            session.hold("customer", true);
            caller.send(0, 50); // both go on sending; the relay forwards nothing either way
            desk.send(0, 50);
            await().atMost(Duration.ofSeconds(5)).until(() -> tapped.get() == 120);
            session.hold("customer", false);
            caller.send(0, 10);
            desk.send(0, 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> desk.received.get() == 20 && caller.received.get() == 20);

            for (Phone peer : List.of(caller, desk)) {
                java.util.List<Integer> seqs = List.copyOf(peer.sequences);
                for (int i = 1; i < seqs.size(); i++) {
                    assertThat((seqs.get(i) - seqs.get(i - 1)) & 0xFFFF).as("sequence step %d of %s", i, seqs).isEqualTo(1);
                }
            }
        }
    }

    /**
     * The recording starts after caller and advisor have talked (their journey behind under load, or a node carrying
     * on a dead node's call): what they said since the advisor's leg joined is in it first, in order and with the
     * times it arrived, then what they say next; what the caller said alone in the queue before is not.
     */
    @Test
    void aRecordingThatStartsLateHoldsWhatWasSaidSinceTheAdvisorJoinedWithItsArrivalTimes() throws Exception {
        List<String> flowing = Collections.synchronizedList(new ArrayList<>());
        media.addListener(e -> {
            if (e instanceof MediaEvent.MediaFlowing f) {
                flowing.add(f.legId());
            }
        });
        try (Phone caller = new Phone(); Phone desk = new Phone()) {
            caller.useAnswer(session.addRtpLeg("customer", Party.CUSTOMER, caller.offer("0")));
            caller.send(0, 5); // alone in the queue
            await().atMost(Duration.ofSeconds(5)).until(() -> flowing.contains("customer"));
            Thread.sleep(200); // the rest of the five
            long advisorJoined = micros(Instant.now());
            desk.useAnswer(session.createRtpOffer("advisor", Party.ADVISOR));
            session.applyRtpAnswer("advisor", desk.offer("0"));
            caller.send(0, 10);
            desk.send(0, 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> desk.received.get() == 10 && caller.received.get() == 10);

            List<String> tapped = Collections.synchronizedList(new ArrayList<>());
            List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
            long recordingStarted = micros(Instant.now());
            session.startRecording(new org.mvtm.core.media.MediaPacketSink() {
                @Override
                public void legAdded(org.mvtm.core.media.LegDescription leg) {
                }

                @Override
                public void packet(String legId, MediaKind kind, long at, byte[] buffer, int offset, int length) {
                    tapped.add(legId);
                    arrivals.add(at);
                }

                @Override
                public void closed() {
                }
            });
            assertThat(tapped).as("what was said before the recording started").hasSize(20);
            assertThat(arrivals).allSatisfy(at -> assertThat(at).isBetween(advisorJoined, recordingStarted));
            for (String leg : List.of("customer", "advisor")) { // each leg in its order (two receive loops interleave)
                List<Long> legArrivals = new ArrayList<>();
                for (int i = 0; i < tapped.size(); i++) {
                    if (tapped.get(i).equals(leg)) {
                        legArrivals.add(arrivals.get(i));
                    }
                }
                assertThat(legArrivals).as(leg).isSorted();
            }
            assertThat(tapped).filteredOn("customer"::equals).hasSize(10);
            caller.send(0, 5);
            desk.send(0, 5);
            await().atMost(Duration.ofSeconds(5)).until(() -> tapped.size() == 30);
        }
    }

    /**
     * Under load the journey can start a call's recording after the call ended (the accept and the end wait on the
     * call's lane; the legs go at the hang-up). The recording that opens then still gets what both said, with both
     * legs described, and the session it opened is gone once it stops.
     */
    @Test
    void aRecordingThatStartsOnlyAfterTheCallEndedStillHoldsWhatBothSaid() throws Exception {
        try (Phone caller = new Phone(); Phone desk = new Phone()) {
            connectAndTalk(caller, desk);
        }
        session.removeLeg("advisor"); // the advisor hangs up, then the call's session goes
        session.release();
        assertThat(media.activeSessions()).isEmpty();

        List<String> described = Collections.synchronizedList(new ArrayList<>());
        List<String> tapped = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean closed = new AtomicBoolean();
        MediaSession late = media.session(InteractionId.of("sip"));
        late.startRecording(new org.mvtm.core.media.MediaPacketSink() {
            @Override
            public void legAdded(org.mvtm.core.media.LegDescription leg) {
                described.add(leg.party() + " " + leg.legId());
            }

            @Override
            public void packet(String legId, MediaKind kind, long at, byte[] buffer, int offset, int length) {
                tapped.add(legId);
            }

            @Override
            public void closed() {
                closed.set(true);
            }
        });
        assertThat(described).containsExactlyInAnyOrder("customer customer", "advisor advisor");
        assertThat(tapped).filteredOn("customer"::equals).hasSize(10);
        assertThat(tapped).filteredOn("advisor"::equals).hasSize(10);
        late.stopRecording();
        assertThat(closed).isTrue();
        assertThat(media.activeSessions()).as("the session opened for the late recording").isEmpty();
    }

    /** The caller's leg and the desk phone's (PCMU), and ten packets each way, all received. */
    private void connectAndTalk(Phone caller, Phone desk) throws Exception {
        caller.useAnswer(session.addRtpLeg("customer", Party.CUSTOMER, caller.offer("0")));
        desk.useAnswer(session.createRtpOffer("advisor", Party.ADVISOR));
        session.applyRtpAnswer("advisor", desk.offer("0"));
        caller.send(0, 10);
        desk.send(0, 10);
        await().atMost(Duration.ofSeconds(5)).until(() -> desk.received.get() == 10 && caller.received.get() == 10);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Test
    void callerAndDeskPhoneAreBridgedWithTheDeskPhonesPayloadTypeForTheSameCodec() throws Exception {
        try (Phone caller = new Phone(); Phone desk = new Phone()) {
            String answer = session.addRtpLeg("customer", Party.CUSTOMER, caller.offer("8 0 101"));
            assertThat(SessionDescription.parse(answer).first(MediaKind.AUDIO).orElseThrow().codecs())
                    .extracting(Codec::key).containsExactly("PCMA", "TELEPHONE-EVENT");
            caller.useAnswer(answer);
            String offer = session.createRtpOffer("advisor", Party.ADVISOR);
            // the caller's codec first, so the desk phone picks it and no transcoding is needed
            assertThat(SessionDescription.parse(offer).first(MediaKind.AUDIO).orElseThrow().codecs().get(0).key())
                    .isEqualTo("PCMA");
            desk.useAnswer(offer);
            session.applyRtpAnswer("advisor", desk.offer("8 101"));
            caller.send(8, 20);
            desk.send(8, 20);
            await().atMost(Duration.ofSeconds(5)).until(() -> desk.received.get() == 20 && caller.received.get() == 20);
            assertThat(desk.lastPt).isEqualTo(8);
            assertThat(desk.lastPayloadByte).isEqualTo((byte) 42);
        }
    }

    @Test
    void applyingAnAnswerWithoutACommonCodecIsRejectedClearly() {
        session.createRtpOffer("advisor", Party.ADVISOR);
        assertThatThrownBy(() -> session.applyRtpAnswer("advisor",
                "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"))
                .isInstanceOf(MediaException.class).hasMessageContaining("accepted none of the offered codecs");
    }

    @Test
    void announcementIsEncodedOnceAndPlayedAsPcmuFramesThenRelayResumes(@TempDir Path tmp) throws Exception {
        Path wav = tmp.resolve("queue.wav");
        Files.write(wav, sineWav(16000, 1.0));
        try (Phone caller = new Phone()) {
            caller.useAnswer(session.addRtpLeg("customer", Party.CUSTOMER, caller.offer("0 101")));
            caller.send(0, 1); // latch
            session.playAudio("customer", wav, false);
            // 1 s of audio at 20 ms per frame = 50 frames, PCMU
            await().atMost(Duration.ofSeconds(10)).until(() -> caller.received.get() == 50);
            assertThat(caller.lastPt).isZero();
            session.playAudio("customer", wav, false);
            assertThat(media.clips.cached()).isEqualTo(1);
            session.stopAudio("customer");
        }
    }

    @Test
    void announcementThatIsNotAudioIsRejectedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path bogus = tmp.resolve("bogus.wav");
        Files.writeString(bogus, "not a wave file");
        try (Phone caller = new Phone()) {
            caller.useAnswer(session.addRtpLeg("customer", Party.CUSTOMER, caller.offer("0")));
            assertThatThrownBy(() -> session.playAudio("customer", bogus, true))
                    .hasMessageContaining("bogus.wav").hasMessageContaining("not a RIFF/WAVE");
        }
    }

    static byte[] sineWav(int rate, double seconds) {
        short[] samples = new short[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return Wav.mono(samples, rate);
    }
}
