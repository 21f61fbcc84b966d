package org.mvtm.server.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.core.id.InteractionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepts this node's journey has not handled yet (for a call it records: its recording not started yet), each
 * with the time routing accepted it (the event's time, so that an accept relayed late from another node counts its
 * way here; never later than when it was heard of). The journey is behind when the oldest has waited longer than the
 * limit; the SIP edge then takes no new call until it has caught up (docs/sip-edge.md, "Overload"), because under
 * overload a recording otherwise starts seconds after customer and advisor began to talk. The edge asks on its stack's
 * thread for every new call, so the answer looks at the oldest accept only, and falling behind and catching up are
 * logged once each, on {@code logs}, not on the asking thread.
 */
final class UnstartedRecordings {
    private static final Logger log = LoggerFactory.getLogger(UnstartedRecordings.class);

    /** One accept waiting, ordered oldest first. */
    private record Waiting(Instant at, InteractionId interaction) {
        static final Comparator<Waiting> OLDEST_FIRST =
                Comparator.comparing(Waiting::at).thenComparing(w -> w.interaction().value());
    }

    private final Clock clock;
    private final Duration limit;
    private final Executor logs;
    private final Map<InteractionId, Waiting> byInteraction = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Waiting, Boolean> oldestFirst = new ConcurrentSkipListMap<>(Waiting.OLDEST_FIRST);
    private final AtomicBoolean wasBehind = new AtomicBoolean();

    UnstartedRecordings(Clock clock, Duration limit, Executor logs) {
        this.clock = clock;
        this.limit = limit;
        this.logs = logs;
    }

    /** Routing accepted {@code interaction} {@code at}; this node has just heard of it. */
    void heard(InteractionId interaction, Instant at) {
        Instant now = clock.instant();
        Waiting waiting = new Waiting(at.isAfter(now) ? now : at, interaction);
        if (byInteraction.putIfAbsent(interaction, waiting) == null) {
            oldestFirst.put(waiting, Boolean.TRUE);
        }
    }

    void handled(InteractionId interaction) {
        Waiting waiting = byInteraction.remove(interaction);
        if (waiting != null) {
            oldestFirst.remove(waiting);
        }
    }

    /** Whether the oldest accept not handled yet has waited longer than the limit. */
    boolean behind() {
        Map.Entry<Waiting, Boolean> oldest = oldestFirst.firstEntry();
        Instant now = clock.instant();
        boolean behind = oldest != null && oldest.getKey().at().isBefore(now.minus(limit));
        if (wasBehind.compareAndSet(!behind, behind)) {
            int waiting = byInteraction.size();
            log(() -> {
                if (behind) {
                    log.warn("recording is behind: {} was accepted {} ms ago and its recording has not started (limit"
                            + " {} ms; {} accepts waiting); new SIP calls get 503 until it catches up",
                            oldest.getKey().interaction(), Duration.between(oldest.getKey().at(), now).toMillis(),
                            limit.toMillis(), waiting);
                } else {
                    log.info("recording caught up: new SIP calls are taken again");
                }
            });
        }
        return behind;
    }

    private void log(Runnable line) {
        try {
            logs.execute(line);
        } catch (RejectedExecutionException stopping) {
            // the journey is closing: nothing to tell
        }
    }
}
