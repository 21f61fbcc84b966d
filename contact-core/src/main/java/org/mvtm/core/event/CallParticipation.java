package org.mvtm.core.event;

import java.time.Instant;
import java.util.Objects;
import org.mvtm.core.id.InteractionId;

/**
 * Someone other than the customer and the advisor who took the call joined it ({@code joined} true) or left it: a
 * colleague the advisor consulted or brought into a three-way call, or a supervisor listening, whispering or barging
 * in. {@code via} is how they are connected: {@code web} (a browser leg) or {@code sip} (a desk phone). Shown on the
 * recording's timeline with who, role and when.
 */
public record CallParticipation(
        Instant at, InteractionId interaction, String participant, Role role, String via, boolean joined)
        implements ContactEvent {
    public enum Role {
        COLLEAGUE,
        SUPERVISOR
    }

    public static final String WEB = "web";
    public static final String SIP = "sip";

    public CallParticipation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
    }
}
