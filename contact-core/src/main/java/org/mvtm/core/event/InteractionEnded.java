package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;

/** The conversation with the advisor is over (hang-up from either side, chat closed). */
public record InteractionEnded(Instant at, InteractionId interaction, EndedBy endedBy) implements ContactEvent {
    public enum EndedBy {
        CUSTOMER,
        ADVISOR,
        SYSTEM
    }
}
