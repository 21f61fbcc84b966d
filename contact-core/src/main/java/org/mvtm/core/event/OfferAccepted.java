package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/** The advisor accepted the offer; customer and advisor are now connected. */
public record OfferAccepted(Instant at, InteractionId interaction, AgentId advisor) implements ContactEvent {}
