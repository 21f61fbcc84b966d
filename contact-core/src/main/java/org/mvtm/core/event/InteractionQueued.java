package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.Interaction;

/** A customer's interaction entered a queue (again, after a declined offer or a transfer). */
public record InteractionQueued(Instant at, Interaction interaction) implements ContactEvent {}
