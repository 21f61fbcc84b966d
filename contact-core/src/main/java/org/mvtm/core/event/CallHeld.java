package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;

/**
 * The call was put on hold ({@code held} true) or resumed ({@code held} false), by the advisor (the console's Hold:
 * the customer hears music) or by the customer (a SIP phone's own hold re-INVITE).
 */
public record CallHeld(Instant at, InteractionId interaction, boolean held, By by) implements ContactEvent {
    public enum By {
        ADVISOR,
        CUSTOMER
    }

    public CallHeld {
        by = by == null ? By.ADVISOR : by; // events relayed from a node that did not say
    }

    /** The advisor held or resumed the call. */
    public CallHeld(Instant at, InteractionId interaction, boolean held) {
        this(at, interaction, held, By.ADVISOR);
    }
}
