package org.mvtm.core.event;

import java.time.Duration;
import java.time.Instant;
import org.mvtm.core.id.InteractionId;

/** The customer left (hung up, cancelled, closed the page) before an advisor answered. */
public record InteractionAbandoned(Instant at, InteractionId interaction, Duration waited) implements ContactEvent {}
