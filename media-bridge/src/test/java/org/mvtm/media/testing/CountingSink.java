package org.mvtm.media.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;
import org.mvtm.media.api.MediaSession;

/**
 * A recording-store stand-in that counts what the tap delivers per leg and kind, checks every packet is plain RTP
 * (version 2), and remembers the identity of the buffers the relay tapped live (not of the copies it kept from before
 * the recording started, which {@link #recording} gets while it starts).
 */
public final class CountingSink implements MediaPacketSink {
    public final Map<String, LegDescription> legs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    public final Map<String, Set<Integer>> bufferIdentities = new ConcurrentHashMap<>();
    public final AtomicLong notRtp = new AtomicLong();
    public final AtomicLong beforeLegAdded = new AtomicLong();
    public volatile boolean closed;
    /** Packets handed over while the recording started: what the relay kept since the advisor joined. */
    public final AtomicLong keptFromBefore = new AtomicLong();
    private volatile Thread starting;

    /** A new sink that {@code session} records to from now on. */
    public static CountingSink recording(MediaSession session) {
        CountingSink sink = new CountingSink();
        sink.starting = Thread.currentThread();
        session.startRecording(sink);
        sink.starting = null;
        return sink;
    }

    @Override
    public void legAdded(LegDescription leg) {
        legs.put(leg.legId(), leg);
    }

    @Override
    public void packet(String legId, MediaKind kind, long arrivalEpochMicros, byte[] buffer, int offset, int length) {
        if (!legs.containsKey(legId)) {
            beforeLegAdded.incrementAndGet();
        }
        if (length < 12 || (buffer[offset] & 0xC0) != 0x80) {
            notRtp.incrementAndGet();
        }
        counts.computeIfAbsent(legId + "/" + kind, k -> new AtomicLong()).incrementAndGet();
        if (Thread.currentThread() == starting) {
            keptFromBefore.incrementAndGet();
            return;
        }
        bufferIdentities.computeIfAbsent(legId, k -> ConcurrentHashMap.newKeySet())
                .add(System.identityHashCode(buffer));
    }

    public long count(String legId, MediaKind kind) {
        AtomicLong c = counts.get(legId + "/" + kind);
        return c == null ? 0 : c.get();
    }

    @Override
    public void closed() {
        closed = true;
    }
}
