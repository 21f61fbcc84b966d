package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/** An interaction was reserved for an advisor and offered to them until {@code expiresAt}. */
public record AdvisorOffered(Instant at, InteractionId interaction, AgentId advisor, Instant expiresAt)
        implements ContactEvent {}
