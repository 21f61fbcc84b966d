package org.mvtm.web.agent;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.AgentId;
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
}
