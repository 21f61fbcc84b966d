package org.mvtm.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * The advisor recorded the outcome of an interaction at wrap-up: a disposition code and notes. It belongs to the
 * interaction (today's list, reports, the interaction's record), never to the advisor's presence.
 */
public record InteractionDisposed(
        Instant at, AgentId advisor, Optional<InteractionId> interaction, String code, String notes)
        implements ContactEvent {
    public InteractionDisposed {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(advisor, "advisor");
        Objects.requireNonNull(interaction, "interaction");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a disposition code is required");
        }
        notes = notes == null ? "" : notes;
    }
}
