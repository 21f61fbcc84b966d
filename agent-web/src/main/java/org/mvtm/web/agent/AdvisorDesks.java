package org.mvtm.web.agent;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.RequestIds;
import org.springframework.stereotype.Component;

/** The desks of advisors whose consoles are (or were) attached to this node. */
@Component
class AdvisorDesks {
    private final Map<AgentId, AdvisorDesk> desks = new ConcurrentHashMap<>();
    private final AdvisorDayLog days;

    AdvisorDesks(AdvisorDayLog days) {
        this.days = days;
    }

    AdvisorDesk of(AgentId agent) {
        return desks.computeIfAbsent(agent, id -> new AdvisorDesk(id, days));
    }

    Optional<AdvisorDesk> find(AgentId agent) {
        return Optional.ofNullable(desks.get(agent));
    }

    Iterable<AdvisorDesk> all() {
        return desks.values();
    }

    /** A call connected with the advisor on this node's desk. */
    record ConnectedCall(AgentId advisor, InteractionId interaction) {
    }

    /**
     * The signed-in advisor's call {@code interactionId}.
     *
     * @throws CallRefused FORBIDDEN when the user is not an advisor, the id is not an interaction's or it is not
     *                     connected with them
     */
    ConnectedCall connectedCall(WebUser user, String interactionId) {
        AgentId me = CallRefused.advisor(user);
        InteractionId interaction = RequestIds.interaction(interactionId, CallRefused::forbidden);
        if (!of(me).holds(interaction)) {
            throw CallRefused.forbidden("interaction " + interactionId + " is not connected with " + me.value());
        }
        return new ConnectedCall(me, interaction);
    }
}
