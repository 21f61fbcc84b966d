package org.mvtm.routing;

import java.time.Clock;
import java.util.Optional;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.store.Outcome;

/** Publishes an advisor's presence change from a store outcome; the reason travels only with NOT_READY. */
record PresenceEvents(Clock clock, EventBus events) {
    /** Presence events carry a reason only for NOT_READY (break, training, no answer to an offer...). */
    void publish(Outcome o, String reason) {
        if (o.changedState()) {
            events.publish(new AdvisorStateChanged(clock.instant(), o.advisor(), o.from(), o.to(),
                    o.to() == AdvisorState.NOT_READY ? Optional.ofNullable(reason) : Optional.empty()));
        }
    }
}
