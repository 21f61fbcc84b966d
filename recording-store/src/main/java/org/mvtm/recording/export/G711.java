package org.mvtm.recording.export;

/** ITU-T G.711 mu-law (PCMU) and A-law (PCMA) to 16-bit linear PCM. */
public final class G711 {
    private G711() {
    }

    public static short ulaw(byte b) {
        int u = ~b & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    public static short alaw(byte b) {
        int a = (b ^ 0x55) & 0xff;
        int t = (a & 0x0f) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
