package org.mvtm.media.embedded;

/**
 * The RTP timestamps of one source's packets moved into a listener's clock rate, for a transcoded stream (Opus at
 * 48 kHz to G.711 at 8 kHz: +960 becomes +160 per 20 ms, and back: +160 becomes +960). It follows the source's steps
 * (signed, so a reordered packet goes back) and scales their sum, so the result neither drifts by rounding nor jumps
 * when the source's 32-bit timestamp wraps. One per source and listener; guarded by the listener's {@link ListenerAudio}.
 */
final class RtpClockScaling {
    private final int from;
    private final int to;
    private boolean started;
    private long lastIn;
    /** Source clock ticks since the first packet. */
    private long ticks;
    private long base;

    RtpClockScaling(int from, int to) {
        this.from = from;
        this.to = to;
    }

    boolean converts(int fromRate, int toRate) {
        return from == fromRate && to == toRate;
    }

    /** The listener-clock timestamp of a packet whose source timestamp is {@code timestamp}. */
    long scale(long timestamp) {
        if (!started) {
            started = true;
            lastIn = timestamp;
            base = timestamp;
        }
        ticks += (int) (timestamp - lastIn);
        lastIn = timestamp;
        return (base + Math.floorDiv(ticks * to, from)) & 0xFFFFFFFFL;
    }
}
