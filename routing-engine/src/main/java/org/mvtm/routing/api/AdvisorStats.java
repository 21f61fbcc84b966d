package org.mvtm.routing.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * Live numbers for one advisor.
 *
 * @param reason     why the advisor is NOT_READY (break, training, no answer to an offer...); empty in other states
 * @param occupancy  time RESERVED, BUSY or WRAP_UP / time READY, RESERVED, BUSY or WRAP_UP since login (0 when none)
 * @param current    interactions the advisor is connected with
 * @param offer      the interaction currently offered to the advisor, if any
 * @param node       the node hosting the advisor's endpoint (the one that publishes its offers)
 */
public record AdvisorStats(AgentId advisor, AdvisorState state, Optional<String> reason, Duration timeInState,
                           double occupancy, List<InteractionId> current, Optional<InteractionId> offer,
                           Optional<String> node) {
}
