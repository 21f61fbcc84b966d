package org.mvtm.core.media;

import java.util.Arrays;

/**
 * Converts 16-bit mono PCM from one sample rate to another: 8 kHz G.711 to and from 48 kHz Opus in the media relay,
 * any rate of an announcement WAV to 8 kHz. A polyphase FIR (up by {@code L}, low-pass, down by {@code M}, computed
 * only at the kept samples) whose low-pass is a Kaiser-windowed sinc with about 60 dB of stopband that ends at the
 * lower rate's Nyquist frequency (passband to 85 % of it: 3.4 kHz for 8 kHz). Going down it removes what the lower
 * rate cannot carry instead of folding it back (a 6 kHz tone does not come out as 2 kHz); going up it removes the
 * images. It keeps the filter's history between calls, so a stream converted packet by packet comes out as if
 * converted in one piece: one instance per stream, not thread-safe. Delay: half the filter, about 3 ms.
 */
public final class Resampler {
    /** Kaiser window beta for about 60 dB of stopband attenuation. */
    private static final double BETA = 5.65;
    /** Transition band as a fraction of the lower rate's Nyquist frequency (8 kHz: 600 Hz, 3.4 to 4 kHz). */
    private static final double TRANSITION = 0.15;

    private final int from;
    private final int to;
    private final int up;
    private final int down;
    /** Filter taps per phase (input samples each output sample looks at). */
    private final int taps;
    /** {@code coefficients[p * taps + k]}: tap {@code k} (k-th newest input sample) of phase {@code p}. */
    private final float[] coefficients;
    /** The last {@code taps - 1} input samples, oldest first (zeros before the stream started). */
    private final short[] history;

    private short[] work = new short[0];
    /** Phase of the next output sample, {@code 0..up-1}. */
    private int phase;
    /** Index, in the next input block, of the newest input sample the next output sample needs. */
    private int next;

    public Resampler(int from, int to) {
        if (from < 1000 || to < 1000) {
            throw new IllegalArgumentException("sample rates must be at least 1000 Hz but were " + from + " and " + to);
        }
        this.from = from;
        this.to = to;
        int g = gcd(from, to);
        this.up = to / g;
        this.down = from / g;
        double nyquist = Math.min(from, to) / 2.0;
        double width = TRANSITION * nyquist;
        double highRate = (double) from * up;
        // Kaiser's estimate of the length for 60 dB over this transition band, rounded up to whole phases
        int length = (int) Math.ceil((60 - 7.95) / (2.285 * 2 * Math.PI * width / highRate));
        this.taps = Math.max(2, (length + up - 1) / up);
        this.coefficients = design(up, taps, (nyquist - width / 2) / highRate);
        this.history = new short[taps - 1];
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** Converts the next {@code length} samples of the stream; returns what they make at the new rate. */
    public short[] process(short[] in, int length) {
        if (from == to) {
            return Arrays.copyOf(in, length);
        }
        int h = taps - 1;
        if (work.length < h + length) {
            work = new short[h + length];
        }
        System.arraycopy(history, 0, work, 0, h);
        System.arraycopy(in, 0, work, h, length);
        int count = 0;
        for (int p = phase, n = next; n < length; count++) {
            p += down;
            n += p / up;
            p %= up;
        }
        short[] out = new short[count];
        for (int o = 0; o < count; o++) {
            int newest = next + h;
            int c = phase * taps;
            float sum = 0;
            for (int k = 0; k < taps; k++) {
                sum += work[newest - k] * coefficients[c + k];
            }
            out[o] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
            phase += down;
            next += phase / up;
            phase %= up;
        }
        next -= length;
        System.arraycopy(work, length, history, 0, h);
        return out;
    }

    /**
     * A whole clip at the new rate, {@code in.length * to / from} samples long, aligned with the input (the filter's
     * delay taken out).
     */
    public static short[] convert(short[] in, int from, int to) {
        if (from == to) {
            return in.clone();
        }
        Resampler r = new Resampler(from, to);
        short[] padded = Arrays.copyOf(in, in.length + 2 * r.taps);
        short[] out = r.process(padded, padded.length);
        int delay = (int) Math.round((r.taps * r.up - 1) / 2.0 / r.down);
        int n = (int) ((long) in.length * to / from);
        return Arrays.copyOfRange(out, Math.min(delay, out.length), Math.min(delay + n, out.length));
    }

    /** A windowed-sinc low-pass of {@code up * taps} taps, cut off at {@code cutoff} (cycles per sample), gain up. */
    private static float[] design(int up, int taps, double cutoff) {
        int length = up * taps;
        double[] h = new double[length];
        double middle = (length - 1) / 2.0;
        double sum = 0;
        double norm = bessel0(BETA);
        for (int j = 0; j < length; j++) {
            double t = j - middle;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double r = 2 * t / (length - 1);
            double window = bessel0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
            h[j] = sinc * window;
            sum += h[j];
        }
        float[] phases = new float[length];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < taps; k++) {
                phases[p * taps + k] = (float) (h[p + k * up] * up / sum);
            }
        }
        return phases;
    }

    /** The modified Bessel function of the first kind, order 0 (its power series). */
    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
