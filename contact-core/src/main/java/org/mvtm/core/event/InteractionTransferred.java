package org.mvtm.core.event;

import java.time.Instant;
import java.util.Optional;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/** An advisor handed the interaction on to another queue or a named advisor. */
public record InteractionTransferred(
        Instant at, InteractionId interaction, AgentId from, Optional<QueueId> toQueue, Optional<AgentId> toAdvisor)
        implements ContactEvent {}
