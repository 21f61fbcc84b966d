package org.mvtm.server.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.InteractionId;

/**
 * The accepts this node's journey has heard of and not yet handled (for a call it records: its recording not started
 * yet), each with when it was heard of. The journey is behind when one has waited longer than the limit; the SIP
 * edge then takes no new call until it has caught up (docs/sip-edge.md, "Overload"), because under overload a
 * recording otherwise starts seconds after customer and advisor began to talk.
 */
final class UnstartedRecordings {
    private final Clock clock;
    private final Duration limit;
    private final Map<InteractionId, Instant> heardAt = new ConcurrentHashMap<>();

    UnstartedRecordings(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
    }

    void heard(InteractionId interaction) {
        heardAt.putIfAbsent(interaction, clock.instant());
    }

    void handled(InteractionId interaction) {
        heardAt.remove(interaction);
    }

    /** Whether an accept has waited longer than the limit; as many steps as accepts in hand (a few, or a backlog). */
    boolean behind() {
        Instant tooOld = clock.instant().minus(limit);
        for (Instant at : heardAt.values()) {
            if (at.isBefore(tooOld)) {
                return true;
            }
        }
        return false;
    }
}
