package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;

/** The call was put on hold ({@code held} true) or resumed ({@code held} false). */
public record CallHeld(Instant at, InteractionId interaction, boolean held) implements ContactEvent {
}
