package org.mvtm.media.testing;

/** Test tones and a meter for them: how loud one frequency is in a frame (Goertzel), to tell voices apart. */
public final class Tones {
    private Tones() {
    }

    /** {@code samples} samples of a sine of {@code hz} at {@code rate}, starting at sample {@code from}. */
    public static short[] sine(double hz, int amplitude, int rate, long from, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (from + i) / rate));
        }
        return pcm;
    }

    /** The amplitude of {@code hz} in the first {@code samples} samples of {@code pcm} (about the sine's amplitude). */
    public static double amplitude(short[] pcm, int samples, double hz, int rate) {
        double k = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < samples; i++) {
            double s = pcm[i] + k * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / samples;
    }

    /** Root mean square of the first {@code samples} samples. */
    public static double rms(short[] pcm, int samples) {
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / Math.max(1, samples));
    }
}
