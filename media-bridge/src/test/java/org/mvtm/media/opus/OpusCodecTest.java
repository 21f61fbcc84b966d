package org.mvtm.media.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.media.testing.Tones;

/** The JNA port of the system's libopus: a tone encoded and decoded comes back at its pitch and loudness. */
class OpusCodecTest {
    private final OpusCodec opus = OpusCodec.load();

    @Test
    void aToneEncodedAndDecodedKeepsItsPitchAndLoudness() {
        assertThat(opus.available()).as(opus.problem()).isTrue();
        assertThat(opus.version()).startsWith("libopus");
        try (OpusCodec.Encoder encoder = opus.encoder(); OpusCodec.Decoder decoder = opus.decoder()) {
            byte[] packet = new byte[OpusCodec.MAX_PACKET];
            short[] pcm = new short[OpusCodec.MAX_FRAME_SAMPLES];
            for (int frame = 0; frame < 25; frame++) {
                short[] tone = Tones.sine(440, 8000, OpusCodec.SAMPLE_RATE, frame * 960L, OpusCodec.FRAME_SAMPLES);
                int bytes = encoder.encode(tone, tone.length, packet, 0, packet.length);
                assertThat(bytes).as("a 20 ms frame at 32 kbit/s").isBetween(20, 200);
                int samples = decoder.decode(packet, 0, bytes, pcm);
                assertThat(samples).isEqualTo(OpusCodec.FRAME_SAMPLES);
                if (frame >= 5) { // past the codec's start-up
                    assertThat(Tones.amplitude(pcm, samples, 440, OpusCodec.SAMPLE_RATE)).as("440 Hz in frame " + frame)
                            .isBetween(6500.0, 9500.0);
                    assertThat(Tones.amplitude(pcm, samples, 1000, OpusCodec.SAMPLE_RATE)).as("1 kHz").isLessThan(400.0);
                    assertThat(Tones.rms(pcm, samples)).isBetween(8000 / Math.sqrt(2) * 0.8, 8000 / Math.sqrt(2) * 1.2);
                }
            }
        }
    }

    @Test
    void aClosedCoderRefusesWorkAndACorruptPacketIsAnErrorNotACrash() {
        OpusCodec.Decoder decoder = opus.decoder();
        short[] pcm = new short[OpusCodec.MAX_FRAME_SAMPLES];
        assertThat(decoder.decode(new byte[] {(byte) 0xFF, 0x00}, 0, 2, pcm)).isNegative();
        decoder.close();
        decoder.close();
        assertThat(decoder.decode(new byte[] {0x08, 0x00}, 0, 2, pcm)).isNegative();
        OpusCodec.Encoder encoder = opus.encoder();
        assertThat(encoder.encode(new short[1000], 1000, new byte[1500], 0, 1500)).as("not an Opus frame size")
                .isNegative();
        encoder.close();
        assertThat(encoder.encode(new short[960], 960, new byte[1500], 0, 1500)).isNegative();
    }

    @Test
    void withoutTheLibraryTheCodecSaysWhichPackageIsMissing() {
        OpusCodec missing = OpusCodec.load(List.of("opus-not-installed"));
        assertThat(missing.available()).isFalse();
        assertThat(missing.problem()).contains("libopus0").contains("opus-not-installed");
        assertThatThrownBy(missing::encoder).isInstanceOf(IllegalStateException.class).hasMessageContaining("libopus0");
    }
}
