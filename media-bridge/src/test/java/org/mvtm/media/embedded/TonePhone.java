package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.rtp.Rtp;
import org.mvtm.media.testing.Tones;

/**
 * A phone on loopback for the mix and transcoding tests that speaks Opus (48 kHz, payload type 111) or PCMU (8 kHz,
 * payload type 0) with real frames: it sings a tone of its own and decodes what it receives in its codec, counting the
 * frames each tone it listens for is in (Goertzel), so the tones it hears say whose voices reach it.
 */
final class TonePhone extends LoopbackPhone implements LoopbackPhone.Talker {
    /** The customer's tone in Hz; each phone listens for this one, the advisor's and the third person's. */
    static final int CUSTOMER = 300;
    /** The advisor's tone in Hz. */
    static final int ADVISOR = 700;
    /** The tone of a third person (supervisor or colleague) in Hz. */
    static final int THIRD = 1500;
    static final int AMPLITUDE = 6000;
    /** A tone is in a frame when its amplitude there is above this (a quarter of a speaker's). */
    static final double PRESENT = 1500;
    final int hz;
    final boolean opus;
    final int rate;
    /** Sequence number, timestamp, payload type and payload length of every packet received. */
    final List<long[]> headers = new CopyOnWriteArrayList<>();
    /** The payload of every packet received. */
    final List<byte[]> payloads = new CopyOnWriteArrayList<>();
    /** The payload of every packet sent. */
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final int[] tones;
    private final AtomicInteger[] heard;
    private final OpusCodec.Encoder encoder;
    private final OpusCodec.Decoder decoder;
    private final short[] pcm = new short[OpusCodec.MAX_FRAME_SAMPLES];
    int frame;

    private TonePhone(OpusCodec codec, boolean opus, int hz, int... tones) throws IOException {
        super(opus ? "111\r\na=rtpmap:111 opus/48000/2" : "0");
        this.opus = opus;
        this.hz = hz;
        this.rate = opus ? OpusCodec.SAMPLE_RATE : 8000;
        this.tones = tones.clone();
        this.heard = new AtomicInteger[tones.length];
        for (int i = 0; i < tones.length; i++) {
            heard[i] = new AtomicInteger();
        }
        this.encoder = opus ? codec.encoder() : null;
        this.decoder = opus ? codec.decoder() : null;
        listen();
    }

    /** An Opus phone singing {@code hz} that listens for the three tones: the customer's, advisor's and third's. */
    static TonePhone opus(OpusCodec codec, int hz) throws IOException {
        return opus(codec, hz, CUSTOMER, ADVISOR, THIRD);
    }

    /** An Opus phone singing {@code hz} that listens for {@code tones}. */
    static TonePhone opus(OpusCodec codec, int hz, int... tones) throws IOException {
        return new TonePhone(codec, true, hz, tones);
    }

    /** A G.711 (PCMU only) phone singing {@code hz} that listens for the three tones. */
    static TonePhone pcmu(int hz) throws IOException {
        return new TonePhone(null, false, hz, CUSTOMER, ADVISOR, THIRD);
    }

    /** Sends the next 20 ms of its tone. */
    @Override
    public void speak() throws IOException {
        int samples = rate / 50;
        short[] tone = Tones.sine(hz, AMPLITUDE, rate, (long) frame * samples, samples);
        byte[] b = new byte[12 + OpusCodec.MAX_PACKET];
        RtpHeader.write(b, 0, frame == 0, opus ? 111 : 0, frame & 0xFFFF, (long) frame * samples, 5000 + hz);
        frame++;
        int length = samples;
        if (opus) {
            length = encoder.encode(tone, samples, b, 12, OpusCodec.MAX_PACKET);
        } else {
            for (int i = 0; i < samples; i++) {
                b[12 + i] = G711.linearToUlaw(tone[i]);
            }
        }
        sent.add(Arrays.copyOfRange(b, 12, 12 + length));
        send(b, 12 + length);
    }

    /** In how many received frames {@code toneHz} was present. */
    int heard(int toneHz) {
        for (int i = 0; i < tones.length; i++) {
            if (tones[i] == toneHz) {
                return heard[i].get();
            }
        }
        throw new IllegalArgumentException("this phone does not listen for " + toneHz + " Hz");
    }

    @Override
    public void forget() {
        received.set(0);
        headers.clear();
        payloads.clear();
        for (AtomicInteger h : heard) {
            h.set(0);
        }
    }

    /** Consecutive packets whose sequence number does not follow by one or whose timestamp not by 20 ms. */
    long breaks() {
        long breaks = 0;
        for (int i = 1; i < headers.size(); i++) {
            boolean next = ((headers.get(i)[0] - headers.get(i - 1)[0]) & 0xFFFF) == 1;
            boolean twentyMs = ((headers.get(i)[1] - headers.get(i - 1)[1]) & 0xFFFFFFFFL) == rate / 50;
            breaks += next && twentyMs ? 0 : 1;
        }
        return breaks;
    }

    @Override
    void packet(byte[] b, int length) {
        headers.add(new long[] {RtpHeader.sequence(b, 0), RtpHeader.timestamp(b, 0), Rtp.payloadType(b, 0), length - 12});
        payloads.add(Arrays.copyOfRange(b, 12, length));
        int samples;
        if (opus) {
            samples = decoder.decode(b, 12, length - 12, pcm);
        } else {
            samples = length - 12;
            for (int i = 0; i < samples; i++) {
                pcm[i] = G711.ulawToLinear(b[12 + i]);
            }
        }
        for (int t = 0; t < tones.length; t++) {
            if (samples > 0 && Tones.amplitude(pcm, samples, tones[t], rate) > PRESENT) {
                heard[t].incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        super.close();
        if (encoder != null) {
            encoder.close();
            decoder.close();
        }
    }

    /** After {@link #talk}: each phone heard every other one's tone in most frames, and never its own. */
    static void assertEachHearsTheOthers(List<TonePhone> all) {
        for (TonePhone p : all) {
            for (TonePhone other : all) {
                if (other == p) {
                    assertThat(p.heard(other.hz)).as(p.hz + " Hz hears itself").isLessThan(3);
                } else {
                    assertThat(p.heard(other.hz)).as(p.hz + " Hz hears " + other.hz + " Hz").isGreaterThan(20);
                }
            }
        }
    }

    /** Everyone speaks 40 frames, 5 ms apart; returns when each listener has received 30 packets. */
    static void talk(List<TonePhone> listeners, TonePhone... speakers) throws Exception {
        Talker.talk(listeners, speakers);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listeners.stream().allMatch(p -> p.received.get() >= 30));
    }
}
