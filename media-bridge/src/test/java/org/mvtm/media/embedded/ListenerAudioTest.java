package org.mvtm.media.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.sdp.Codec;
import org.mvtm.media.testing.Tones;

/**
 * The transcode step ({@link ListenerAudio}) on real audio and real libopus: a browser's Opus tone reaches a desk
 * phone as PCMU and the phone's PCMU comes back to a browser as Opus, keeping the tone's pitch and level, each in a
 * stream of its own clock (timestamps +160 a 20 ms frame for G.711, +960 for Opus); Opus to Opus is left alone; and a
 * mix of an Opus and a G.711 source is made in the listener's rate.
 */
class ListenerAudioTest {
    private static final Codec OPUS = new Codec(111, MediaKind.AUDIO, "opus", 48_000, 2, "", List.of());
    private static final Codec PCMU = new Codec(0, MediaKind.AUDIO, "PCMU", 8000, 1, "", List.of());
    private static final int AMPLITUDE = 6000;
    private final OpusCodec opus = OpusCodec.load();
    private final Object browser = "browser leg";
    private final Object phone = "phone leg";

    /** An RTP packet in a relay-sized buffer: header plus {@code payload}. */
    private static byte[] packet(int pt, int seq, long timestamp, byte[] payload, int length) {
        byte[] b = new byte[Leg.BUFFER];
        RtpHeader.write(b, 0, false, pt, seq, timestamp, 4242);
        System.arraycopy(payload, 0, b, 12, length);
        return b;
    }

    /** Frame {@code f} of a desk phone's 700 Hz tone: 20 ms of PCMU in an RTP packet. */
    private static byte[] phonePacket(int f) {
        short[] tone = Tones.sine(700, AMPLITUDE, 8000, f * 160L, 160);
        byte[] g711 = new byte[160];
        for (int i = 0; i < 160; i++) {
            g711[i] = G711.linearToUlaw(tone[i]);
        }
        return packet(0, f, f * 160L, g711, 160);
    }

    private static short[] ulaw(byte[] b, int length) {
        return AudioFrames.g711ToLinear(b, 12, length, false);
    }

    @Test
    void anOpusToneReachesAG711ListenerAsPcmuAndComesBackAsOpusWithItsPitchAndLevel() {
        try (OpusCodec.Encoder browserEncoder = opus.encoder(); OpusCodec.Decoder relayDecoder = opus.decoder();
             OpusCodec.Encoder toBrowserEncoder = opus.encoder(); OpusCodec.Decoder browserDecoder = opus.decoder()) {
            ListenerAudio toPhone = new ListenerAudio(() -> null);
            ListenerAudio toBrowser = new ListenerAudio(() -> toBrowserEncoder);
            List<Long> phoneTimestamps = new ArrayList<>();
            List<Long> browserTimestamps = new ArrayList<>();
            byte[] opusFrame = new byte[OpusCodec.MAX_PACKET];
            short[] pcm = new short[OpusCodec.MAX_FRAME_SAMPLES];
            long start = 0xFFFFFFFFL - 5 * 960; // the browser's timestamp wraps during the call
            for (int f = 0; f < 50; f++) {
                short[] tone = Tones.sine(450, AMPLITUDE, 48_000, f * 960L, 960);
                int size = browserEncoder.encode(tone, 960, opusFrame, 0, opusFrame.length);
                byte[] b = packet(111, f, (start + f * 960L) & 0xFFFFFFFFL, opusFrame, size);
                int decoded = relayDecoder.decode(b, 12, size, pcm);

                int n = toPhone.toListener(browser, Arrays.copyOf(pcm, decoded), OPUS, PCMU, null, b, 0, 12 + size,
                        f * 20_000L);
                assertThat(n).as("20 ms of PCMU").isEqualTo(12 + 160);
                phoneTimestamps.add(RtpHeader.timestamp(b, 0));
                short[] heardByPhone = ulaw(b, n);
                if (f >= 3) {
                    assertThat(Tones.amplitude(heardByPhone, 160, 450, 8000)).as("frame %d at the phone", f)
                            .isCloseTo(AMPLITUDE, Percentage.withPercentage(20));
                    assertThat(Tones.amplitude(heardByPhone, 160, 1000, 8000)).isLessThan(AMPLITUDE / 20.0);
                }

                // the phone's PCMU (its own stream now) goes back to a browser
                RtpHeader.write(b, 0, false, 0, f, 1000 + f * 160L, 4343);
                int back = toBrowser.toListener(phone, heardByPhone, PCMU, OPUS, null, b, 0, n, f * 20_000L);
                assertThat(back).as("an Opus packet").isGreaterThan(12);
                browserTimestamps.add(RtpHeader.timestamp(b, 0));
                int samples = browserDecoder.decode(b, 12, back - 12, pcm);
                assertThat(samples).as("20 ms at 48 kHz").isEqualTo(960);
                if (f >= 6) {
                    assertThat(Tones.amplitude(pcm, 960, 450, 48_000)).as("frame %d back at a browser", f)
                            .isCloseTo(AMPLITUDE, Percentage.withPercentage(25));
                    assertThat(Tones.rms(pcm, 960)).as("its energy")
                            .isCloseTo(AMPLITUDE / Math.sqrt(2), Percentage.withPercentage(25));
                }
            }
            for (int i = 1; i < 50; i++) {
                assertThat((phoneTimestamps.get(i) - phoneTimestamps.get(i - 1)) & 0xFFFFFFFFL)
                        .as("G.711 timestamps, frame %d", i).isEqualTo(160);
                assertThat((browserTimestamps.get(i) - browserTimestamps.get(i - 1)) & 0xFFFFFFFFL)
                        .as("Opus timestamps, frame %d", i).isEqualTo(960);
            }
        }
    }

    @Test
    void opusToAnOpusListenerIsNotTranscoded() {
        try (OpusCodec.Encoder encoder = opus.encoder()) {
            ListenerAudio toBrowser = new ListenerAudio(() -> {
                throw new AssertionError("no encoder is needed");
            });
            byte[] frame = new byte[OpusCodec.MAX_PACKET];
            int size = encoder.encode(Tones.sine(440, AMPLITUDE, 48_000, 0, 960), 960, frame, 0, frame.length);
            byte[] b = packet(111, 7, 9600, frame, size);
            byte[] before = b.clone();
            assertThat(toBrowser.toListener(browser, null, OPUS, OPUS, null, b, 0, 12 + size, 0)).isEqualTo(12 + size);
            assertThat(b).isEqualTo(before);
        }
    }

    @Test
    void anOpusAndAG711SourceAreMixedInTheListenersRate() {
        try (OpusCodec.Encoder browserEncoder = opus.encoder(); OpusCodec.Decoder relayDecoder = opus.decoder();
             OpusCodec.Encoder listenerEncoder = opus.encoder(); OpusCodec.Decoder listenerDecoder = opus.decoder()) {
            // a G.711 supervisor hears both; an Opus advisor hears both
            ListenerAudio supervisor = new ListenerAudio(() -> null);
            ListenerAudio advisor = new ListenerAudio(() -> listenerEncoder);
            AudioMix toSupervisor = new AudioMix(new Object[] {browser, phone});
            AudioMix toAdvisor = new AudioMix(new Object[] {browser, phone});
            byte[] frame = new byte[OpusCodec.MAX_PACKET];
            short[] pcm = new short[OpusCodec.MAX_FRAME_SAMPLES];
            for (int f = 0; f < 20; f++) {
                long now = f * 20_000L;
                // the browser's frame (300 Hz, Opus) is the mix's clock; it carries the phone's last frame
                int size = browserEncoder.encode(Tones.sine(300, AMPLITUDE, 48_000, f * 960L, 960), 960, frame, 0,
                        frame.length);
                byte[] b1 = packet(111, f, f * 960L, frame, size);
                byte[] b2 = b1.clone();
                short[] browserPcm = Arrays.copyOf(pcm, relayDecoder.decode(b1, 12, size, pcm));
                int n = supervisor.toListener(browser, browserPcm, OPUS, PCMU, toSupervisor, b1, 0, 12 + size, now);
                assertThat(n).as("the G.711 listener gets PCMU").isEqualTo(12 + 160);
                int m = advisor.toListener(browser, browserPcm, OPUS, OPUS, toAdvisor, b2, 0, 12 + size, now);
                int samples = listenerDecoder.decode(b2, 12, m - 12, pcm);
                if (f >= 5) {
                    short[] atSupervisor = ulaw(b1, n);
                    assertThat(Tones.amplitude(atSupervisor, 160, 300, 8000)).as("the browser at the G.711 listener")
                            .isGreaterThan(AMPLITUDE * 0.7);
                    assertThat(Tones.amplitude(atSupervisor, 160, 700, 8000)).as("the phone at the G.711 listener")
                            .isGreaterThan(AMPLITUDE * 0.7);
                    assertThat(Tones.amplitude(pcm, samples, 300, 48_000)).as("the browser at the Opus listener")
                            .isGreaterThan(AMPLITUDE * 0.6);
                    assertThat(Tones.amplitude(pcm, samples, 700, 48_000)).as("the phone at the Opus listener")
                            .isGreaterThan(AMPLITUDE * 0.6);
                }

                // the phone's frame (700 Hz, PCMU) waits for the browser's next packet
                byte[] p1 = phonePacket(f);
                byte[] p2 = p1.clone();
                short[] phonePcm = ulaw(p1, 12 + 160);
                assertThat(supervisor.toListener(phone, phonePcm, PCMU, PCMU, toSupervisor, p1, 0, 172, now + 1))
                        .isEqualTo(-1);
                assertThat(advisor.toListener(phone, phonePcm, PCMU, OPUS, toAdvisor, p2, 0, 172, now + 1))
                        .isEqualTo(-1);
            }
        }
    }

    /**
     * The mix's clock is a browser whose frames the relay cannot decode (a frame libopus refuses, an empty payload):
     * the listener still hears the other source, whose frames go out in the clock's packets as if the clock were silent.
     */
    @Test
    void whenTheClocksFramesCannotBeDecodedTheListenerStillHearsTheOtherSource() {
        ListenerAudio supervisor = new ListenerAudio(() -> null);
        AudioMix mix = new AudioMix(new Object[] {browser, phone});
        byte[] undecodable = new byte[] {3, 0}; // an Opus code-3 packet of no frames
        for (int f = 0; f < 10; f++) {
            long now = f * 20_000L;
            byte[] b = packet(111, f, f * 960L, undecodable, undecodable.length);
            int n = supervisor.toListener(browser, null, OPUS, PCMU, mix, b, 0, 12 + undecodable.length, now);
            if (f > 0) {
                assertThat(n).as("frame %d: the clock's packet carries the phone's 20 ms as PCMU", f).isEqualTo(12 + 160);
                assertThat(Tones.amplitude(ulaw(b, n), 160, 700, 8000)).as("frame %d: the phone at the listener", f)
                        .isGreaterThan(AMPLITUDE * 0.7);
            }

            byte[] p = phonePacket(f);
            assertThat(supervisor.toListener(phone, ulaw(p, 172), PCMU, PCMU, mix, p, 0, 172, now + 1))
                    .as("the phone's frame waits for the clock's next packet").isEqualTo(-1);
        }
    }
}
