package org.mvtm.routing.api;

import java.time.Instant;
import java.util.Optional;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;

/**
 * An interaction as routing sees it now.
 *
 * @param advisor    the advisor it is offered to (OFFERED) or connected with (CONNECTED, ENDED)
 * @param queue      the queue it is (or was last) in; differs from {@code interaction.queue()} after a transfer
 * @param arrivedAt  when it first entered routing
 * @param enqueuedAt when it entered its current queue
 * @param answeredAt when an advisor accepted it
 */
public record InteractionView(Interaction interaction, InteractionStatus status, Optional<AgentId> advisor,
                              QueueId queue, Instant arrivedAt, Instant enqueuedAt, Optional<Instant> answeredAt) {
}
