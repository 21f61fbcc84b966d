package org.mvtm.media.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.id.InteractionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ended calls kept for a recording that has not started yet. A call can end before its recording starts: the
 * journey starts it when the accept reaches the call's lane, which under load can be many seconds after the advisor
 * answered, while the legs go as soon as someone hangs up. A session released without ever having had a recording
 * parks its {@link PreRoll} here; the session that the late recording opens takes it ({@link #take}), so the
 * recording still holds what was said. Each waits at most {@link #WAIT} (then it is let go with an INFO line: most
 * often the call was never answered, so no recording comes), all together hold at most {@link #MAX_BYTES} (the oldest
 * go first, with a warning naming the call). Thread-safe.
 */
final class EndedCalls {
    private static final Logger LOG = LoggerFactory.getLogger(EndedCalls.class);
    /** How long an ended call's media waits for its recording. */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The most bytes all waiting calls hold together (32 calls at the per-call most). */
    static final long MAX_BYTES = 32L * PreRoll.MAX_BYTES;

    private record Parked(PreRoll preRoll, long bytes, Instant at) {
    }

    private final Clock clock;
    private final Map<InteractionId, Parked> parked = new LinkedHashMap<>();
    private long bytes;

    EndedCalls(Clock clock) {
        this.clock = clock;
    }

    /** The call ended with {@code preRoll} kept and no recording: it waits for one. */
    synchronized void park(InteractionId interaction, PreRoll preRoll) {
        long size = preRoll.bytes();
        if (size == 0) {
            return;
        }
        Parked earlier = parked.remove(interaction);
        if (earlier != null) {
            bytes -= earlier.bytes();
        }
        parked.put(interaction, new Parked(preRoll, size, clock.instant()));
        bytes += size;
        letGo(clock.instant());
    }

    /** What the ended call kept, for the recording that starts now; empty if nothing waits for it. */
    synchronized Optional<PreRoll> take(InteractionId interaction) {
        Parked p = parked.remove(interaction);
        if (p == null) {
            return Optional.empty();
        }
        bytes -= p.bytes();
        return Optional.of(p.preRoll());
    }

    /** Lets go of what waited longer than {@link #WAIT}, and of the oldest while all hold more than the most. */
    synchronized void letGo(Instant now) {
        Iterator<Map.Entry<InteractionId, Parked>> oldestFirst = parked.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<InteractionId, Parked> e = oldestFirst.next();
            boolean late = e.getValue().at().plus(WAIT).isBefore(now);
            if (!late && bytes <= MAX_BYTES) {
                return;
            }
            oldestFirst.remove();
            bytes -= e.getValue().bytes();
            if (late) { // most often a call nobody answered (a phone rang, the caller left): it has no recording
                LOG.info("{} KiB of the media of ended call {} were kept for a recording that did not start within {}"
                        + " s of the call's end; let go", e.getValue().bytes() / 1024, e.getKey(), WAIT.toSeconds());
            } else {
                LOG.warn("{} KiB of the media of ended call {} were kept for its recording and are let go unrecorded:"
                        + " ended calls waiting for their recordings held over {} MiB", e.getValue().bytes() / 1024,
                        e.getKey(), MAX_BYTES / (1 << 20));
            }
        }
    }

    /** Calls waiting now. */
    synchronized int waiting() {
        return parked.size();
    }
}
