package org.mvtm.server.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.core.id.InteractionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepts this node's journey has not handled yet (for a call it records: its recording not started yet), each
 * with the time routing accepted it (the event's time, so that an accept relayed late from another node counts its
 * way here; never later than when it was heard of). The journey is behind when one has waited longer than the limit;
 * the SIP edge then takes no new call until it has caught up (docs/sip-edge.md, "Overload"), because under overload
 * a recording otherwise starts seconds after customer and advisor began to talk. Falling behind and catching up are
 * logged, once each.
 */
final class UnstartedRecordings {
    private static final Logger log = LoggerFactory.getLogger(UnstartedRecordings.class);

    private final Clock clock;
    private final Duration limit;
    private final Map<InteractionId, Instant> acceptedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean wasBehind = new AtomicBoolean();

    UnstartedRecordings(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Routing accepted {@code interaction} {@code at}; this node has just heard of it. */
    void heard(InteractionId interaction, Instant at) {
        Instant now = clock.instant();
        acceptedAt.putIfAbsent(interaction, at.isAfter(now) ? now : at);
    }

    void handled(InteractionId interaction) {
        acceptedAt.remove(interaction);
    }

    /** Whether an accept has waited longer than the limit; as many steps as accepts in hand (a few, or a backlog). */
    boolean behind() {
        Instant now = clock.instant();
        Instant tooOld = now.minus(limit);
        Map.Entry<InteractionId, Instant> late = null;
        for (Map.Entry<InteractionId, Instant> e : acceptedAt.entrySet()) {
            if (e.getValue().isBefore(tooOld)) {
                late = e;
                break;
            }
        }
        boolean behind = late != null;
        if (wasBehind.compareAndSet(!behind, behind)) {
            if (behind) {
                log.warn("recording is behind: {} was accepted {} ms ago and its recording has not started (limit {} ms;"
                        + " {} accepts waiting); new SIP calls get 503 until it catches up", late.getKey(),
                        Duration.between(late.getValue(), now).toMillis(), limit.toMillis(), acceptedAt.size());
            } else {
                log.info("recording caught up: new SIP calls are taken again");
            }
        }
        return behind;
    }
}
