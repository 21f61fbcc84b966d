package org.mvtm.core.event;

import java.time.Instant;
import java.util.Objects;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * The advisor of a connected call invited a colleague into it (a consult or a three-way call): the colleague's web
 * console shows the invitation, and a colleague with a registered desk phone has it ring (the sip-edge).
 */
public record ColleagueInvited(Instant at, InteractionId interaction, AgentId by, AgentId colleague)
        implements ContactEvent {
    public ColleagueInvited {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(colleague, "colleague");
    }
}
