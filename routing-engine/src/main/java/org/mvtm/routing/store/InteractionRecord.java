package org.mvtm.routing.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.InteractionStatus;

/**
 * A snapshot of one interaction in the store.
 *
 * @param seq      arrival order; kept when an offer is declined so the customer keeps its place
 * @param token    fencing token of the current offer (0 when none)
 * @param declined advisors who declined this interaction, with when
 * @param pinned   transfer target: only this advisor may be offered the interaction
 */
public record InteractionRecord(Interaction interaction, InteractionStatus status, QueueId queue, long seq,
                                Instant arrivedAt, Instant enqueuedAt, Optional<AgentId> advisor, long token,
                                Optional<String> offerNode, Optional<Instant> leaseUntil,
                                Optional<Instant> answeredAt, Map<AgentId, Instant> declined, Optional<AgentId> pinned) {
    public InteractionRecord {
        declined = Map.copyOf(declined);
    }
}
