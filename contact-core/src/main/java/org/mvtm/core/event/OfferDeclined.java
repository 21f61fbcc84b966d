package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/** The advisor rejected the offer, let it time out or could not be reached; the customer keeps their place. */
public record OfferDeclined(Instant at, InteractionId interaction, AgentId advisor, Cause cause)
        implements ContactEvent {
    public enum Cause {
        REJECTED,
        NO_ANSWER,
        UNREACHABLE
    }
}
