package org.mvtm.routing.store;

import static org.mvtm.routing.api.InteractionStatus.QUEUED;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.state.InteractionTransitions;

/** One interaction in the {@link InMemoryRoutingStore}; guarded by the store's lock. */
final class InMemoryInteraction {
    final Interaction interaction;
    InteractionStatus status = QUEUED;
    QueueId queue;
    long seq;
    final Instant arrivedAt;
    Instant enqueuedAt;
    AgentId advisor;
    long token;
    String offerNode;
    Instant leaseUntil;
    Instant answeredAt;
    final Map<AgentId, Instant> declined = new LinkedHashMap<>();
    AgentId pinned;

    InMemoryInteraction(Interaction interaction, Instant now) {
        this.interaction = interaction;
        this.arrivedAt = now;
    }

    /** Moves to {@code to}, which {@link InteractionTransitions#TABLE} must allow. */
    void moveTo(InteractionStatus to) {
        status = InteractionTransitions.TABLE.check(interaction.id(), status, to);
    }

    InteractionRecord snapshot() {
        return new InteractionRecord(interaction, status, queue, seq, arrivedAt, enqueuedAt,
                Optional.ofNullable(advisor), token, Optional.ofNullable(offerNode), Optional.ofNullable(leaseUntil),
                Optional.ofNullable(answeredAt), declined, Optional.ofNullable(pinned));
    }
}
