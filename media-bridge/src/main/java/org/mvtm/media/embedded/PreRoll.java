package org.mvtm.media.embedded;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;

/**
 * The recording tap of a call before its recording starts. Once an advisor has a leg in the call ({@link #arm}), the
 * packets of the recorded legs are copied and kept (the latest {@link #WINDOW}, at most {@link #MAX_BYTES}); the
 * recording that starts later (the journey behind under load, or a node carrying on a dead node's call) gets them
 * first, with their arrival times, then every packet that races in while it takes over ({@link #drainTo}). Without it,
 * what customer and advisor said between the advisor joining and the tap starting was not recorded. What is kept
 * stays when the advisor's leg leaves (the call may be ending with its recording still to start; the call's
 * session then parks it in {@link EndedCalls}); a leg that left is described with what it held ({@link #departed}).
 *
 * <p>Only the packet path of a call without a recording comes here (the recording path stays zero-copy); one call's
 * receive threads share the lock.
 */
final class PreRoll {
    /** How far back the kept packets reach. */
    static final Duration WINDOW = Duration.ofSeconds(15);
    /** The most bytes kept per call (about 8 s of a 1 Mbit/s video call each way; audio stays within the window). */
    static final int MAX_BYTES = 2 << 20;
    private static final long WINDOW_MICROS = WINDOW.toNanos() / 1000;

    private record Held(String legId, MediaKind kind, long arrivalMicros, byte[] data) {
    }

    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long bytes;
    private boolean armed;
    private long droppedBefore = Long.MIN_VALUE; // arrival time of the latest packet let go, or MIN_VALUE
    private final Map<String, LegDescription> departed = new LinkedHashMap<>();
    private MediaPacketSink drainedTo;

    /**
     * Whether the call has an advisor (keep packets) or not (keep no more; a caller waiting alone before any advisor
     * joined has nothing kept).
     */
    synchronized void arm(boolean advisorPresent) {
        armed = advisorPresent;
    }

    /** A recorded leg left the call: the recording that drains this gets its description with its packets. */
    synchronized void departed(LegDescription leg) {
        departed.put(leg.legId(), leg);
    }

    /** Bytes kept now. */
    synchronized long bytes() {
        return bytes;
    }

    /** A decrypted packet of a recorded leg while no recording runs; copied, the buffer is the receive thread's. */
    synchronized void packet(String legId, MediaKind kind, long arrivalMicros, byte[] buf, int off, int len) {
        if (drainedTo != null) {
            drainedTo.packet(legId, kind, arrivalMicros, buf, off, len);
            return;
        }
        if (!armed) {
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        held.addLast(new Held(legId, kind, arrivalMicros, copy));
        bytes += len;
        while (bytes > MAX_BYTES || arrivalMicros - held.peekFirst().arrivalMicros() > WINDOW_MICROS) {
            Held gone = held.removeFirst();
            bytes -= gone.data().length;
            droppedBefore = gone.arrivalMicros();
        }
    }

    /** What {@link #drainTo} handed over: packets, the first one's arrival, and whether older ones were let go. */
    record Handed(int packets, long firstMicros, boolean olderLetGo) {
    }

    /**
     * Hands the kept packets that arrived from {@code notBeforeMicros} on to {@code sink}, oldest first (after the
     * descriptions of legs that left and are not among {@code described}), and from now on forwards to it whatever a
     * receive thread that has not yet seen the new sink brings.
     */
    synchronized Handed drainTo(MediaPacketSink sink, long notBeforeMicros, Set<String> described) {
        while (!held.isEmpty() && held.peekFirst().arrivalMicros() < notBeforeMicros) {
            droppedBefore = held.removeFirst().arrivalMicros();
        }
        Handed handed = new Handed(held.size(), held.isEmpty() ? 0 : held.peekFirst().arrivalMicros(),
                droppedBefore != Long.MIN_VALUE);
        departed.values().stream().filter(leg -> !described.contains(leg.legId())
                && held.stream().anyMatch(h -> h.legId().equals(leg.legId()))).forEach(sink::legAdded);
        for (Held h : held) {
            sink.packet(h.legId(), h.kind(), h.arrivalMicros(), h.data(), 0, h.data().length);
        }
        held.clear();
        bytes = 0;
        drainedTo = sink;
        return handed;
    }
}
