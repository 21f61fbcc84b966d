package org.mvtm.core.event;

import java.time.Instant;
import java.util.Optional;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.id.AgentId;

/** An advisor moved from one presence state to another, with the not-ready reason where there is one. */
public record AdvisorStateChanged(
        Instant at, AgentId advisor, AdvisorState from, AdvisorState to, Optional<String> reason)
        implements ContactEvent {}
