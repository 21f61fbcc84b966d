package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mvtm.media.embedded.TonePhone.ADVISOR;
import static org.mvtm.media.embedded.TonePhone.CUSTOMER;
import static org.mvtm.media.embedded.TonePhone.THIRD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.sdp.SessionDescription;

/**
 * Calls whose legs speak different codecs, on the real embedded relay over loopback sockets: browsers speak Opus
 * (48 kHz), desk phones G.711 (8 kHz), and the relay transcodes between them. Each phone sings a tone of its own
 * (customer 300 Hz, advisor 700 Hz, a third person 1500 Hz) in its codec with real frames and decodes what it
 * receives in its codec, so the tones it hears say whose voices reach it; the RTP headers it receives say whether
 * they make one stream in its own clock (sequence +1; timestamp +160 a 20 ms frame for G.711, +960 for Opus).
 */
class OpusAndG711LegsTest {
    private final OpusCodec opus = OpusCodec.load();
    private EmbeddedMediaServer media;
    private MediaSession session;

    @BeforeEach
    void start() {
        media = new EmbeddedMediaServer(EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC(), opus);
        session = media.session(InteractionId.of("opus-and-g711"));
    }

    @AfterEach
    void stop() {
        media.close();
    }

    private TonePhone opusPhone(int hz) throws Exception {
        return TonePhone.opus(opus, hz);
    }

    private static TonePhone g711Phone(int hz) throws Exception {
        return TonePhone.pcmu(hz);
    }

    /** Payload type and payload length of the packets a phone received, as "pt/length". */
    private static List<String> formats(TonePhone phone) {
        return phone.headers.stream().map(h -> h[2] + "/" + h[3]).distinct().toList();
    }

    @Test
    void anOpusBrowserAndAG711DeskPhoneHearEachOtherEachInItsOwnCodecAndClock() throws Exception {
        try (TonePhone customer = opusPhone(CUSTOMER); TonePhone advisor = g711Phone(ADVISOR)) {
            customer.joins(session, "customer", Party.CUSTOMER);
            String answer = session.addRtpLeg("advisor", Party.ADVISOR, advisor.offer());
            assertThat(answer).as("the phone is answered in its own G.711").contains("a=rtpmap:0 PCMU/8000");
            advisor.useAnswer(answer);

            TonePhone.talk(List.of(customer, advisor), customer, advisor);
            assertThat(advisor.heard(CUSTOMER)).as("the desk phone hears the browser's tone").isGreaterThan(25);
            assertThat(customer.heard(ADVISOR)).as("the browser hears the desk phone's tone").isGreaterThan(25);
            assertThat(advisor.heard(ADVISOR) + customer.heard(CUSTOMER)).as("nobody hears themselves").isLessThan(3);
            assertThat(formats(advisor)).as("the phone receives PCMU, 160 bytes a packet").containsExactly("0/160");
            assertThat(formats(customer)).as("the browser receives Opus").allMatch(f -> f.startsWith("111/"));
            assertThat(advisor.breaks()).as("G.711 stream: sequence +1, timestamp +160").isLessThanOrEqualTo(1);
            assertThat(customer.breaks()).as("Opus stream: sequence +1, timestamp +960").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void twoOpusLegsAreRelayedWithoutTranscoding() throws Exception {
        try (TonePhone customer = opusPhone(CUSTOMER); TonePhone advisor = opusPhone(ADVISOR)) {
            LoopbackPhone.call(session, customer, advisor);
            TonePhone.talk(List.of(advisor), customer);
            assertThat(advisor.payloads).as("the advisor gets the customer's own Opus bytes, not re-encoded ones")
                    .usingElementComparator((byte[] a, byte[] b) -> Arrays.compare(a, b)).isSubsetOf(customer.sent);
            assertThat(advisor.heard(CUSTOMER)).isGreaterThan(25);
        }
    }

    @Test
    void aSupervisorOnAG711PhoneListensToAnOpusCallAndWhispersToTheOpusAdvisor() throws Exception {
        try (TonePhone customer = opusPhone(CUSTOMER); TonePhone advisor = opusPhone(ADVISOR);
             TonePhone supervisor = g711Phone(THIRD)) {
            LoopbackPhone.monitoredCall(session, customer, advisor, supervisor);
            assertThat(session.cannotMix()).isEmpty();

            session.monitor("supervisor", MonitorMode.LISTEN);
            TonePhone.talk(List.of(customer, advisor, supervisor), customer, advisor, supervisor);
            assertThat(supervisor.heard(CUSTOMER)).as("the G.711 supervisor hears the Opus customer").isGreaterThan(20);
            assertThat(supervisor.heard(ADVISOR)).as("and the Opus advisor, in the same frames").isGreaterThan(20);
            assertThat(formats(supervisor)).containsExactly("0/160");
            assertThat(supervisor.breaks()).as("one G.711 stream: sequence +1, timestamp +160").isLessThanOrEqualTo(1);
            assertThat(customer.heard(THIRD) + advisor.heard(THIRD)).as("nobody hears the supervisor").isLessThan(3);

            session.monitor("supervisor", MonitorMode.WHISPER);
            TonePhone.talk(List.of(customer, advisor), customer, advisor, supervisor);
            assertThat(advisor.heard(THIRD)).as("the Opus advisor hears the G.711 whisper").isGreaterThan(20);
            assertThat(advisor.heard(CUSTOMER)).as("mixed with the customer").isGreaterThan(20);
            assertThat(advisor.breaks()).as("one Opus stream: sequence +1, timestamp +960").isLessThanOrEqualTo(1);
            assertThat(customer.heard(THIRD)).as("the customer does not hear the whisper").isLessThan(3);
        }
    }

    @Test
    void inAThreeWayCallWithAColleagueOnAG711PhoneEachHearsTheTwoOthers() throws Exception {
        try (TonePhone customer = opusPhone(CUSTOMER); TonePhone advisor = opusPhone(ADVISOR);
             TonePhone colleague = g711Phone(THIRD)) {
            LoopbackPhone.call(session, customer, advisor);
            // the bridge rings the colleague's desk phone: Opus and G.711 offered, the phone takes PCMU
            String offer = session.createRtpOffer("colleague", Party.ADVISOR);
            assertThat(SessionDescription.parse(offer).first(MediaKind.AUDIO).orElseThrow().codecs())
                    .extracting(Codec::key).startsWith("OPUS").contains("PCMU", "PCMA");
            colleague.useAnswer(offer);
            session.applyRtpAnswer("colleague", colleague.offer());
            session.connect("advisor", "colleague");

            List<TonePhone> all = List.of(customer, advisor, colleague);
            TonePhone.talk(all, customer, advisor, colleague);
            TonePhone.assertEachHearsTheOthers(all);
            assertThat(formats(colleague)).containsExactly("0/160");
        }
    }

    @Test
    void anAnnouncementPlaysToAnOpusLegAsOpusFrames(@TempDir Path tmp) throws Exception {
        Path wav = tmp.resolve("music.wav");
        Files.write(wav, RtpLegsAndAnnouncementsTest.sineWav(8000, 1.0)); // a 440 Hz tone at 8 kHz
        try (TonePhone customer = TonePhone.opus(opus, CUSTOMER, 440)) {
            customer.joins(session, "customer", Party.CUSTOMER);
            customer.speak(); // latch
            session.playAudio("customer", wav, false);
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.received.get() == 50);
            assertThat(formats(customer)).allMatch(f -> f.startsWith("111/"));
            assertThat(customer.heard(440)).as("the music's tone, decoded from Opus").isGreaterThan(45);
            assertThat(customer.breaks()).as("+960 a frame").isZero();
        }
    }
}
