package org.mvtm.core.event;

import java.time.Instant;
import java.util.List;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * A supervisor ({@code supervisor}, their login) changed an advisor's state ({@code to}: NOT_READY or LOGGED_OUT) for
 * {@code reason}; {@code during} are the advisor's interactions at that moment, whose recordings mark it;
 * {@code afterConversations}: the change waits until those conversations end (the advisor was busy), and is applied
 * by whichever node of the cluster sees them end.
 */
public record AdvisorStateForced(
        Instant at,
        AgentId advisor,
        String supervisor,
        AdvisorState to,
        String reason,
        List<InteractionId> during,
        boolean afterConversations)
        implements ContactEvent {
    public AdvisorStateForced {
        during = List.copyOf(during);
    }
}
