package org.mvtm.media.embedded;

import java.util.ArrayDeque;
import org.mvtm.core.media.G711;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.sdp.Codec;

/**
 * The mixing step of one receiving leg (the listener) that hears more than one audio source (a listening supervisor
 * hears the customer and the advisor; a whispered-to advisor hears the customer and the supervisor; in a three-way
 * call each hears the two others). Every source's packet arrives here decoded to linear PCM (G.711 at 8 kHz, Opus at
 * 48 kHz; {@link Leg#decodeAudio}, once per packet). One source is the clock: each of its packets goes out with the
 * oldest waiting frame of every other source added sample by sample (summed with clipping) and encoded back for the
 * listener (G.711 in place, same size; Opus by the listener's own encoder, so the payload size changes), keeping the
 * clock's RTP timing. A frame of another source waits (at most {@link #QUEUED} frames) for the clock's next packet.
 * The clock is first the preferred source (a customer's or advisor's leg); when it has sent nothing for
 * {@link #CLOCK_GONE_MICROS} (held, muted, not sending) the next source whose packet arrives becomes the clock.
 * Runs on the receive threads of the sources; the short critical sections never block on I/O.
 */
final class AudioMix {
    static final long CLOCK_GONE_MICROS = 100_000;
    static final int QUEUED = 3;
    private final Leg listener;
    private final Leg[] sources;
    private final ArrayDeque<short[]>[] waiting;
    private final long[] seenMicros;
    private int clock;

    /** {@code sources} in order of preference for the clock, the first preferred. */
    @SuppressWarnings("unchecked")
    AudioMix(Leg listener, Leg[] sources) {
        this.listener = listener;
        this.sources = sources.clone();
        this.waiting = new ArrayDeque[sources.length];
        this.seenMicros = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            waiting[i] = new ArrayDeque<>();
            seenMicros[i] = Long.MIN_VALUE / 2;
        }
    }

    /** The source whose packets carry the mix now (the others' frames ride on them). */
    synchronized Leg clock() {
        return sources[clock];
    }

    /**
     * One audio packet from {@code from} on its way to the listener, decoded to {@code pcm} (null when it could not
     * be); {@code buf} is the copy that goes to the listener. Returns the length of the packet to send (the clock's,
     * with the others mixed in; or another's alone while the clock is gone), or -1 when it was kept to ride on the
     * clock's next packet.
     */
    synchronized int step(Leg from, short[] pcm, byte[] buf, int off, int len, Codec codec, long nowMicros) {
        int source = indexOf(from);
        if (source < 0) {
            return -1;
        }
        seenMicros[source] = nowMicros;
        if (source != clock && nowMicros - seenMicros[clock] <= CLOCK_GONE_MICROS) {
            if (pcm != null) {
                if (waiting[source].size() == QUEUED) {
                    waiting[source].pollFirst();
                }
                waiting[source].addLast(pcm);
            }
            return -1;
        }
        if (source != clock) {
            clock = source;
            waiting[source].clear();
        }
        return pcm == null ? len : mixInto(pcm, buf, off, len, codec);
    }

    private int mixInto(short[] pcm, byte[] buf, int off, int len, Codec codec) {
        short[][] frames = new short[waiting.length][];
        boolean any = false;
        for (int i = 0; i < waiting.length; i++) {
            frames[i] = waiting[i].pollFirst();
            any |= frames[i] != null;
        }
        if (!any) {
            return len;
        }
        short[] mixed = new short[pcm.length];
        for (int k = 0; k < pcm.length; k++) {
            int sum = pcm[k];
            for (short[] f : frames) {
                if (f != null && k < f.length) {
                    sum += f[k];
                }
            }
            mixed[k] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        int start = off + 12 + 4 * (buf[off] & 0x0F);
        if (AudioFrames.isG711(codec)) {
            boolean alaw = codec.key().equals("PCMA");
            for (int k = 0; k < mixed.length && start + k < off + len; k++) {
                buf[start + k] = alaw ? G711.linearToAlaw(mixed[k]) : G711.linearToUlaw(mixed[k]);
            }
            return len;
        }
        OpusCodec.Encoder encoder = listener.opusEncoder();
        int n = encoder == null ? -1 : encoder.encode(mixed, mixed.length, buf, start, Leg.BUFFER - 64 - start);
        if (n <= 0) {
            return len; // not encodable (an odd frame size): the clock's own packet goes unmixed
        }
        buf[off] &= (byte) ~0x20; // the clock's padding, if any, is gone with its payload
        return start + n - off;
    }

    private int indexOf(Leg leg) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == leg) {
                return i;
            }
        }
        return -1;
    }
}
