package org.mvtm.core.media;

/**
 * ITU-T G.711 mu-law (PCMU) and A-law (PCMA) conversion to and from 16-bit linear PCM (the classic Sun reference
 * algorithm). Shared by the media bridge (queue music, test tones) and the recording export (WAV files).
 */
public final class G711 {
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private G711() {}

    public static byte linearToUlaw(short pcm) {
        int s = pcm;
        int sign = (s >> 8) & 0x80;
        if (sign != 0) {
            s = -s;
        }
        if (s > CLIP) {
            s = CLIP;
        }
        s += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short ulawToLinear(byte u) {
        int x = ~u & 0xFF;
        int sign = x & 0x80;
        int exponent = (x >> 4) & 0x07;
        int mantissa = x & 0x0F;
        int s = ((mantissa << 3) + BIAS) << exponent;
        s -= BIAS;
        return (short) (sign != 0 ? -s : s);
    }

    public static byte linearToAlaw(short pcm) {
        int s = pcm;
        int mask;
        if (s >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            s = -s - 1;
        }
        if (s > 32767) {
            s = 32767;
        }
        int seg = 32 - Integer.numberOfLeadingZeros(s >> 8); // 0 below 256, then one more per doubling, up to 7
        int aval = seg << 4;
        aval |= seg < 2 ? (s >> 4) & 0x0F : (s >> (seg + 3)) & 0x0F;
        return (byte) (aval ^ mask);
    }

    public static short alawToLinear(byte a) {
        int v = (a & 0xFF) ^ 0x55;
        int t = (v & 0x0F) << 4;
        int seg = (v & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (short) ((v & 0x80) != 0 ? t : -t);
    }
}
