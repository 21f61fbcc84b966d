package org.mvtm.web.agent;

import org.mvtm.core.id.AgentId;
import org.springframework.stereotype.Component;

/** Tells an advisor something on every console they have open on this node (for the web tier's other packages). */
@Component
public class AdvisorNotices {
    private final AdvisorDesks desks;

    AdvisorNotices(AdvisorDesks desks) {
        this.desks = desks;
    }

    /** Sends {@code message} (serialised as JSON) to the advisor's open consoles; none open: nothing happens. */
    public void send(AgentId advisor, Object message) {
        desks.find(advisor).ifPresent(desk -> desk.send(message));
    }
}
