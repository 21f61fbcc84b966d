package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/** The advisor muted ({@code muted} true) or unmuted their microphone in a call: the customer hears them or not. */
public record CallMuted(Instant at, InteractionId interaction, AgentId advisor, boolean muted)
        implements ContactEvent {}
