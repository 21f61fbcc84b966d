package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaException;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.testing.Tones;

/**
 * Monitoring and a three-way call on Opus legs (what browsers speak by default), with real Opus frames: each phone
 * sings a tone of its own (customer 300 Hz, advisor 700 Hz, supervisor or colleague 1500 Hz) and decodes what it
 * receives, so the tones it hears say whose voices reach it; the relay decodes, mixes and encodes again per listener.
 */
class OpusMixTest {
    private static final int CUSTOMER = 300;
    private static final int ADVISOR = 700;
    private static final int THIRD = 1500;
    private final OpusCodec opus = OpusCodec.load();
    private EmbeddedMediaServer media;

    @AfterEach
    void stop() {
        if (media != null) {
            media.close();
        }
    }

    private MediaSession session(OpusCodec codec) {
        media = new EmbeddedMediaServer(EmbeddedMediaConfig.loopbackAnyPort(), Clock.systemUTC(), codec);
        return media.session(InteractionId.of("opus-call"));
    }

    /** An Opus phone on loopback: sends its tone, decodes what it receives and counts the frames each tone is in. */
    final class Phone extends LoopbackPhone {
        final OpusCodec.Encoder encoder = opus.encoder();
        final OpusCodec.Decoder decoder = opus.decoder();
        final short[] pcm = new short[OpusCodec.MAX_FRAME_SAMPLES];
        final int hz;
        final AtomicInteger[] heard = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        /** Sequence number and timestamp of every packet received. */
        final List<long[]> headers = new CopyOnWriteArrayList<>();
        int frame;

        Phone(int hz) throws IOException {
            super("111\r\na=rtpmap:111 opus/48000/2");
            this.hz = hz;
            listen();
        }

        void speak() throws IOException {
            short[] tone = Tones.sine(hz, 6000, OpusCodec.SAMPLE_RATE, frame * 960L, OpusCodec.FRAME_SAMPLES);
            byte[] b = new byte[12 + OpusCodec.MAX_PACKET];
            Rtp.writeHeader(b, 0, false, 111, frame & 0xFFFF, frame * 960L, 5000 + hz);
            frame++;
            send(b, 12 + encoder.encode(tone, tone.length, b, 12, OpusCodec.MAX_PACKET));
        }

        int heard(int toneHz) {
            return heard[toneHz == CUSTOMER ? 0 : toneHz == ADVISOR ? 1 : 2].get();
        }

        void forget() {
            received.set(0);
            headers.clear();
            for (AtomicInteger h : heard) {
                h.set(0);
            }
        }

        @Override
        void packet(byte[] b, int length) {
            headers.add(new long[] {Rtp.sequence(b, 0), Rtp.timestamp(b, 0)});
            int samples = decoder.decode(b, 12, length - 12, pcm);
            int[] tones = {CUSTOMER, ADVISOR, THIRD};
            for (int t = 0; t < tones.length; t++) {
                if (samples > 0 && Tones.amplitude(pcm, samples, tones[t], OpusCodec.SAMPLE_RATE) > 1500) {
                    heard[t].incrementAndGet();
                }
            }
        }

        @Override
        public void close() {
            super.close();
            encoder.close();
            decoder.close();
        }
    }

    /** Everyone speaks 40 frames, 5 ms apart; returns when each listener has received 30 packets. */
    private static void talk(List<Phone> listeners, Phone... speakers) throws Exception {
        for (Phone p : listeners) {
            p.forget();
        }
        for (int i = 0; i < 40; i++) {
            for (Phone p : speakers) {
                p.speak();
            }
            Thread.sleep(5);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners.stream().allMatch(p -> p.received.get() >= 30));
    }

    /** Consecutive packets whose sequence number does not follow by one or whose timestamp not by 20 ms. */
    private static long breaks(Phone phone) {
        List<long[]> h = phone.headers;
        long breaks = 0;
        for (int i = 1; i < h.size(); i++) {
            boolean next = ((h.get(i)[0] - h.get(i - 1)[0]) & 0xFFFF) == 1;
            boolean twentyMs = ((h.get(i)[1] - h.get(i - 1)[1]) & 0xFFFFFFFFL) == 960;
            breaks += next && twentyMs ? 0 : 1;
        }
        return breaks;
    }

    @Test
    void theSupervisorListensWhispersAndBargesInOnAnOpusCall() throws Exception {
        MediaSession session = session(opus);
        try (Phone customer = new Phone(CUSTOMER); Phone advisor = new Phone(ADVISOR);
             Phone supervisor = new Phone(THIRD)) {
            customer.useAnswer(session.addRtpLeg("customer", MediaSession.CUSTOMER, customer.offer()));
            advisor.useAnswer(session.addRtpLeg("advisor", MediaSession.ADVISOR, advisor.offer()));
            supervisor.useAnswer(session.addRtpLeg("supervisor", MediaSession.SUPERVISOR, supervisor.offer()));
            assertThat(session.cannotMix()).isEmpty();

            session.monitor("supervisor", MonitorMode.LISTEN);
            talk(List.of(customer, advisor, supervisor), customer, advisor, supervisor);
            assertThat(supervisor.heard(CUSTOMER)).as("listening, the supervisor hears the customer").isGreaterThan(20);
            assertThat(supervisor.heard(ADVISOR)).as("and the advisor, in the same frames").isGreaterThan(20);
            assertThat(breaks(supervisor)).as("the mix is one stream: sequence +1, timestamp +960").isLessThanOrEqualTo(1);
            assertThat(customer.heard(THIRD) + advisor.heard(THIRD)).as("nobody hears the supervisor").isLessThan(3);
            assertThat(customer.heard(ADVISOR)).isGreaterThan(20);
            assertThat(advisor.heard(CUSTOMER)).isGreaterThan(20);

            session.monitor("supervisor", MonitorMode.WHISPER);
            talk(List.of(customer, advisor), customer, advisor, supervisor);
            assertThat(advisor.heard(THIRD)).as("the advisor hears the whisper").isGreaterThan(20);
            assertThat(advisor.heard(CUSTOMER)).as("mixed with the customer").isGreaterThan(20);
            assertThat(customer.heard(THIRD)).as("the customer does not hear the whisper").isLessThan(3);
            assertThat(customer.heard(ADVISOR)).isGreaterThan(20);

            session.monitor("supervisor", MonitorMode.BARGE);
            talk(List.of(customer, advisor, supervisor), customer, advisor, supervisor);
            assertThat(customer.heard(THIRD)).as("barging in, the customer hears the supervisor").isGreaterThan(20);
            assertThat(customer.heard(ADVISOR)).as("mixed with the advisor").isGreaterThan(20);
            assertThat(customer.heard(CUSTOMER)).as("but not themselves").isLessThan(3);
            assertThat(supervisor.heard(CUSTOMER) > 20 && supervisor.heard(ADVISOR) > 20).isTrue();
            assertThat(supervisor.heard(THIRD)).isLessThan(3);
        }
    }

    @Test
    void inAThreeWayOpusCallEachHearsTheTwoOthers() throws Exception {
        MediaSession session = session(opus);
        try (Phone customer = new Phone(CUSTOMER); Phone advisor = new Phone(ADVISOR);
             Phone colleague = new Phone(THIRD)) {
            customer.useAnswer(session.addRtpLeg("customer", MediaSession.CUSTOMER, customer.offer()));
            advisor.useAnswer(session.addRtpLeg("advisor", MediaSession.ADVISOR, advisor.offer()));
            colleague.useAnswer(session.addRtpLeg("colleague", MediaSession.ADVISOR, colleague.offer()));
            session.connect("advisor", "colleague");

            List<Phone> all = List.of(customer, advisor, colleague);
            talk(all, customer, advisor, colleague);
            for (Phone p : all) {
                for (Phone other : all) {
                    if (other == p) {
                        assertThat(p.heard(other.hz)).as(p.hz + " Hz hears itself").isLessThan(3);
                    } else {
                        assertThat(p.heard(other.hz)).as(p.hz + " Hz hears " + other.hz + " Hz").isGreaterThan(20);
                    }
                }
            }
        }
    }

    @Test
    void withoutLibopusAnOpusCallIsRefusedMonitoringWithTheReason() throws Exception {
        MediaSession session = session(OpusCodec.load(List.of("opus-not-installed")));
        try (Phone customer = new Phone(CUSTOMER); Phone supervisor = new Phone(THIRD)) {
            session.addRtpLeg("customer", MediaSession.CUSTOMER, customer.offer());
            session.addRtpLeg("supervisor", MediaSession.SUPERVISOR, supervisor.offer());
            assertThat(session.cannotMix()).get().asString().contains("libopus0");
            assertThatThrownBy(() -> session.monitor("supervisor", MonitorMode.LISTEN))
                    .isInstanceOf(MediaException.class).hasMessageContaining("libopus")
                    .hasMessageContaining("contact.media.browser-audio=PCMU");
        }
    }
}
