package org.mvtm.media.rtp;

import java.util.concurrent.ThreadLocalRandom;
import org.mvtm.core.media.RtpHeader;

/**
 * What a leg sends for one media kind: the bridge's own SSRC and a continuous sequence/timestamp space even when
 * the source changes (another leg, an announcement). Remembers the current source so RTCP feedback (NACK/PLI/FIR)
 * about this stream can be mapped back to the original sender. Guarded by the owning leg's send lock.
 */
public final class OutboundStream {
    private final long ssrc;
    private Object source;
    private long sourceSsrc;
    private int seqDelta;
    private long tsDelta;
    private int lastSeq;
    private long lastTs;
    private boolean started;
    private boolean resuming;

    public OutboundStream(long ssrc) {
        this.ssrc = ssrc;
    }

    public static long randomSsrc() {
        return ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
    }

    public long ssrc() {
        return ssrc;
    }

    /**
     * Rewrites the packet's SSRC, sequence number and timestamp in place. {@code source} identifies the sender
     * (a leg or a player); {@code frameTicks} is the timestamp step used to bridge a source change.
     */
    public void rewrite(byte[] b, int off, Object source, int frameTicks) {
        int seq = RtpHeader.sequence(b, off);
        long ts = RtpHeader.timestamp(b, off);
        long inSsrc = RtpHeader.ssrc(b, off);
        if (resuming && started && source == this.source && inSsrc == sourceSsrc) {
            // the relay held this stream on purpose: continue the numbering so the peer counts no loss; the
            // timestamps keep following the sender's clock, which ran on through the pause
            seqDelta = (lastSeq + 1 - seq) & 0xFFFF;
        }
        resuming = false;
        if (source != this.source || inSsrc != sourceSsrc) {
            if (started) {
                seqDelta = (lastSeq + 1 - seq) & 0xFFFF;
                tsDelta = (lastTs + frameTicks - ts) & 0xFFFFFFFFL;
            }
            this.source = source;
            this.sourceSsrc = inSsrc;
        }
        int outSeq = (seq + seqDelta) & 0xFFFF;
        long outTs = (ts + tsDelta) & 0xFFFFFFFFL;
        if (!started || ((outSeq - lastSeq) & 0xFFFF) < 0x8000) {
            lastSeq = outSeq;
            lastTs = outTs;
        }
        started = true;
        RtpHeader.setSequence(b, off, outSeq);
        RtpHeader.setTimestamp(b, off, outTs);
        RtpHeader.setSsrc(b, off, ssrc);
    }

    /**
     * The bridge stopped forwarding to this stream on purpose (a hold) and now forwards again: the next packet
     * continues the sequence numbers where they stopped, so the gap is not counted as packet loss.
     */
    public void resumeAfterPause() {
        resuming = true;
    }

    /** The current source (a leg or player), or null. */
    public Object source() {
        return source;
    }

    public long sourceSsrc() {
        return sourceSsrc;
    }

    /** Maps a sequence number of this stream back to the source's numbering. */
    public int toSourceSequence(int outSeq) {
        return (outSeq - seqDelta) & 0xFFFF;
    }
}
