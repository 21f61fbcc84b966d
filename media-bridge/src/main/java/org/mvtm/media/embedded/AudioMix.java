package org.mvtm.media.embedded;

import java.util.ArrayDeque;
import org.mvtm.core.media.G711;
import org.mvtm.media.sdp.Codec;

/**
 * The mixing step of one receiving leg that hears more than one audio source (a listening supervisor hears the
 * customer and the advisor; a whispered-to advisor hears the customer and the supervisor). The first source is the
 * clock: each of its packets goes out with the oldest waiting frame of every other source added sample by sample
 * (G.711 decoded to linear, summed with clipping, encoded back in place, so the packet keeps its size and timing).
 * A frame of another source waits (at most {@link #QUEUED} frames) for the clock's next packet; while the clock has
 * sent nothing for {@link #CLOCK_GONE_MICROS} (held, muted, not sending), another source's packet goes out alone.
 * Runs on the receive threads of the sources; the short critical sections never block on I/O.
 */
final class AudioMix {
    static final long CLOCK_GONE_MICROS = 100_000;
    static final int QUEUED = 3;
    private final Leg clock;
    private final Leg[] others;
    private final ArrayDeque<short[]>[] waiting;
    private long clockSeenMicros = Long.MIN_VALUE / 2;

    @SuppressWarnings("unchecked")
    AudioMix(Leg clock, Leg[] others) {
        this.clock = clock;
        this.others = others.clone();
        this.waiting = new ArrayDeque[others.length];
        for (int i = 0; i < others.length; i++) {
            waiting[i] = new ArrayDeque<>();
        }
    }

    /** The source whose packets carry the mix (the others' frames ride on them). */
    Leg clock() {
        return clock;
    }

    /**
     * One audio packet from {@code from} on its way to the mixing leg; {@code buf} is the copy that goes to that
     * leg. Returns true when the packet goes out (the clock's, with the others mixed in place; or another's alone
     * while the clock is gone), false when it was kept to ride on the clock's next packet.
     */
    synchronized boolean step(Leg from, byte[] buf, int off, int len, Codec codec, long nowMicros) {
        if (!isG711(codec)) {
            return from == clock;
        }
        int start = off + 12 + 4 * (buf[off] & 0x0F);
        int end = off + len - ((buf[off] & 0x20) != 0 ? buf[off + len - 1] & 0xFF : 0);
        if (start >= end) {
            return from == clock;
        }
        boolean alaw = codec.key().equals("PCMA");
        if (from == clock) {
            clockSeenMicros = nowMicros;
            mixInto(buf, start, end, alaw);
            return true;
        }
        for (int i = 0; i < others.length; i++) {
            if (others[i] == from) {
                if (nowMicros - clockSeenMicros > CLOCK_GONE_MICROS) {
                    waiting[i].clear();
                    return true;
                }
                short[] frame = new short[end - start];
                for (int k = 0; k < frame.length; k++) {
                    frame[k] = decode(buf[start + k], alaw);
                }
                if (waiting[i].size() == QUEUED) {
                    waiting[i].pollFirst();
                }
                waiting[i].addLast(frame);
                return false;
            }
        }
        return false;
    }

    private void mixInto(byte[] buf, int start, int end, boolean alaw) {
        short[][] frames = new short[waiting.length][];
        boolean any = false;
        for (int i = 0; i < waiting.length; i++) {
            frames[i] = waiting[i].pollFirst();
            any |= frames[i] != null;
        }
        if (!any) {
            return;
        }
        for (int k = start; k < end; k++) {
            int sum = decode(buf[k], alaw);
            for (short[] f : frames) {
                if (f != null && k - start < f.length) {
                    sum += f[k - start];
                }
            }
            short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
            buf[k] = alaw ? G711.linearToAlaw(s) : G711.linearToUlaw(s);
        }
    }

    static boolean isG711(Codec codec) {
        return codec != null && (codec.key().equals("PCMU") || codec.key().equals("PCMA"));
    }

    private static short decode(byte b, boolean alaw) {
        return alaw ? G711.alawToLinear(b) : G711.ulawToLinear(b);
    }
}
