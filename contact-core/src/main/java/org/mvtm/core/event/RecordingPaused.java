package org.mvtm.core.event;

import java.time.Instant;
import java.util.Objects;
import org.mvtm.core.id.InteractionId;

/**
 * The recording of an interaction was paused ({@code paused} true) or resumed while card details were spoken or
 * typed (PCI DSS): by the advisor (the console's button), by the customer (their app or page) or by the system (the
 * call ended during a pause).
 *
 * @param by     who: the advisor's or customer's id, or {@code system}
 * @param reason why, as given (bounded by the channel that took it)
 */
public record RecordingPaused(
        Instant at, InteractionId interaction, boolean paused, String by, Party party, String reason)
        implements ContactEvent {
    public enum Party {
        ADVISOR,
        CUSTOMER,
        SYSTEM
    }

    public RecordingPaused {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(party, "party");
        reason = reason == null ? "" : reason;
    }
}
