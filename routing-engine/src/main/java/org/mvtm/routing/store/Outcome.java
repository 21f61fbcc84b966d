package org.mvtm.routing.store;

import java.util.Optional;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.id.AgentId;

/**
 * Result of an atomic store operation: whether it applied, why not, the advisor state change it caused
 * ({@code from == to} when none) and an operation-specific value (fencing token, sequence number, wait in ms).
 */
public record Outcome(boolean applied, String failure, AgentId advisor, AdvisorState from, AdvisorState to, long value) {

    public static Outcome refused(String why) {
        return new Outcome(false, why, null, null, null, 0);
    }

    public static Outcome done(AgentId advisor, AdvisorState from, AdvisorState to, long value) {
        return new Outcome(true, null, advisor, from, to, value);
    }

    public static Outcome done(long value) {
        return new Outcome(true, null, null, null, null, value);
    }

    public boolean changedState() {
        return applied && advisor != null && from != null && from != to;
    }

    public Optional<AgentId> advisorId() {
        return Optional.ofNullable(advisor);
    }
}
