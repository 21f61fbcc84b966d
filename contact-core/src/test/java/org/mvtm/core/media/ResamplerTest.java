package org.mvtm.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The resampler the relay transcodes with (Opus 48 kHz to and from G.711 8 kHz), measured on tones: a tone the lower
 * rate can carry keeps its level, one it cannot is filtered out rather than folded back to a wrong pitch, and a stream
 * converted 20 ms at a time equals the stream converted in one piece.
 */
class ResamplerTest {
    private static final int AMPLITUDE = 8000;

    private static short[] sine(double hz, int rate, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return pcm;
    }

    /** Amplitude of {@code hz} in {@code pcm[from, from + n)} (Goertzel). */
    private static double level(short[] pcm, int from, int n, double hz, int rate) {
        double k = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + n; i++) {
            double s = pcm[i] + k * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - k * s1 * s2)) / n;
    }

    /** Converts {@code in} 20 ms at a time, as the relay does packet by packet. */
    private static short[] inFrames(Resampler r, short[] in, int frame) {
        short[] out = new short[0];
        for (int at = 0; at < in.length; at += frame) {
            short[] part = r.process(Arrays.copyOfRange(in, at, at + frame), frame);
            int was = out.length;
            out = Arrays.copyOf(out, was + part.length);
            System.arraycopy(part, 0, out, was, part.length);
        }
        return out;
    }

    @Test
    void opusFramesGoDownToG711FramesKeepingASpeechTone() {
        Resampler down = new Resampler(48_000, 8_000);
        short[] out = inFrames(down, sine(1000, 48_000, 48_000), 960);
        assertThat(out).hasSize(8_000);
        assertThat(down.process(new short[960], 960))
                .as("20 ms of Opus make 20 ms of G.711")
                .hasSize(160);
        assertThat(level(out, 800, 6400, 1000, 8_000))
                .isCloseTo(AMPLITUDE, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void goingDownATooHighToneIsFilteredOutNotFoldedBackToAWrongPitch() {
        // 6 kHz at 48 kHz: keeping every 6th sample would play it as a full-level 2 kHz tone at 8 kHz
        short[] out = inFrames(new Resampler(48_000, 8_000), sine(6000, 48_000, 48_000), 960);
        assertThat(level(out, 800, 6400, 2000, 8_000)).as("alias at 2 kHz").isLessThan(AMPLITUDE / 500.0);
        double sum = 0;
        for (int i = 800; i < 7200; i++) {
            sum += (double) out[i] * out[i];
        }
        double rms = Math.sqrt(sum / 6400);
        assertThat(rms).as("whatever is left").isLessThan(AMPLITUDE / 500.0);
        // 3.3 kHz is in the telephone band: kept
        short[] band = inFrames(new Resampler(48_000, 8_000), sine(3300, 48_000, 48_000), 960);
        assertThat(level(band, 800, 6400, 3300, 8_000)).isGreaterThan(AMPLITUDE * 0.9);
    }

    @Test
    void g711FramesGoUpToOpusFramesWithoutImages() {
        Resampler up = new Resampler(8_000, 48_000);
        short[] out = inFrames(up, sine(1000, 8_000, 8_000), 160);
        assertThat(out).hasSize(48_000);
        assertThat(level(out, 4800, 38_400, 1000, 48_000))
                .isCloseTo(AMPLITUDE, org.assertj.core.data.Percentage.withPercentage(3));
        // zero-stuffing alone would leave images at 8 kHz +- 1 kHz
        assertThat(level(out, 4800, 38_400, 7000, 48_000)).isLessThan(AMPLITUDE / 500.0);
        assertThat(level(out, 4800, 38_400, 9000, 48_000)).isLessThan(AMPLITUDE / 500.0);
    }

    @Test
    void aStreamConvertedFrameByFrameEqualsItConvertedInOnePiece() {
        short[] in = sine(440, 8_000, 8_000);
        short[] whole = new Resampler(8_000, 48_000).process(in, in.length);
        assertThat(inFrames(new Resampler(8_000, 48_000), in, 160)).isEqualTo(whole);
        short[] high = sine(440, 48_000, 48_000);
        assertThat(inFrames(new Resampler(48_000, 8_000), high, 960))
                .isEqualTo(new Resampler(48_000, 8_000).process(high, high.length));
    }

    @Test
    void aClipIsConvertedAlignedWithItsSourceFromAnyRate() {
        short[] clip = sine(500, 44_100, 44_100);
        short[] out = Resampler.convert(clip, 44_100, 8_000);
        assertThat(out).hasSize(8_000);
        assertThat(level(out, 400, 7200, 500, 8_000))
                .isCloseTo(AMPLITUDE, org.assertj.core.data.Percentage.withPercentage(3));
        // aligned: the sine still starts at zero going up, a quarter period (4 samples) later at its peak
        assertThat(Math.abs(out[0])).isLessThan(AMPLITUDE / 10);
        assertThat(out[4]).isGreaterThan((short) (AMPLITUDE * 0.9));
    }

    @Test
    void aRateBelow1000HzIsRefusedNamingIt() {
        assertThatThrownBy(() -> new Resampler(0, 8000)).hasMessageContaining("0 and 8000");
    }
}
