package org.mvtm.media.embedded;

import java.util.ArrayDeque;

/**
 * The mixing step of one receiving leg (the listener) that hears more than one audio source (a listening supervisor
 * hears the customer and the advisor; a whispered-to advisor hears the customer and the supervisor; in a three-way
 * call each hears the two others). Every source's frame arrives here as linear PCM at the listener's rate (decoded
 * once per packet by {@link Leg#decodeAudio} and resampled by {@link ListenerAudio}, so G.711 and Opus sources mix in
 * one rate). One source is the clock: each of its frames goes out with the oldest waiting frame of every other source
 * added sample by sample (summed with clipping); {@link ListenerAudio} encodes the result for the listener and sends
 * it with the clock's RTP timing. A frame of another source waits (at most {@link #QUEUED} frames) for the clock's
 * next packet. The clock is first the preferred source (a customer's or advisor's leg); when it has sent nothing for
 * {@link #CLOCK_GONE_MICROS} (held, muted, not sending) the next source whose packet arrives becomes the clock.
 * Runs on the receive threads of the sources; the short critical sections never block on I/O.
 */
final class AudioMix {
    static final long CLOCK_GONE_MICROS = 100_000;
    static final int QUEUED = 3;
    /** What {@link #step} answers for a frame kept to ride on the clock's next packet. */
    static final short[] KEPT = new short[0];
    /** The sources (legs), compared by identity. */
    private final Object[] sources;
    private final ArrayDeque<short[]>[] waiting;
    private final long[] seenMicros;
    private int clock;

    /** {@code sources} in order of preference for the clock, the first preferred. */
    @SuppressWarnings("unchecked")
    AudioMix(Object[] sources) {
        this.sources = sources.clone();
        this.waiting = new ArrayDeque[sources.length];
        this.seenMicros = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            waiting[i] = new ArrayDeque<>();
            seenMicros[i] = Long.MIN_VALUE / 2;
        }
    }

    /**
     * One audio frame from {@code from} on its way to the listener ({@code pcm}, at the listener's rate; null when
     * its packet could not be decoded). Returns {@link #KEPT} when it was kept to ride on the clock's next packet;
     * otherwise the frame to send in this packet: {@code pcm} itself when nothing was waiting (or null: the packet
     * goes as it came), or a new array with the waiting frames mixed in. A clock frame that could not be decoded
     * counts as silence when other sources' frames wait: they still go out in its packet, instead of being dropped
     * while the listener hears only the clock's packet as it came.
     */
    synchronized short[] step(Object from, short[] pcm, long nowMicros) {
        int source = indexOf(from);
        if (source < 0) {
            return KEPT;
        }
        seenMicros[source] = nowMicros;
        if (source != clock && nowMicros - seenMicros[clock] <= CLOCK_GONE_MICROS) {
            if (pcm != null) {
                if (waiting[source].size() == QUEUED) {
                    waiting[source].pollFirst();
                }
                waiting[source].addLast(pcm);
            }
            return KEPT;
        }
        if (source != clock) {
            clock = source;
            waiting[source].clear();
        }
        return pcm != null ? mixInto(pcm) : mixIntoSilence();
    }

    private short[] mixIntoSilence() {
        for (ArrayDeque<short[]> frames : waiting) {
            short[] first = frames.peekFirst();
            if (first != null) {
                return mixInto(new short[first.length]);
            }
        }
        return null;
    }

    private short[] mixInto(short[] pcm) {
        short[][] frames = new short[waiting.length][];
        boolean any = false;
        for (int i = 0; i < waiting.length; i++) {
            frames[i] = waiting[i].pollFirst();
            any |= frames[i] != null;
        }
        if (!any) {
            return pcm;
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
        return mixed;
    }

    private int indexOf(Object leg) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == leg) {
                return i;
            }
        }
        return -1;
    }
}
