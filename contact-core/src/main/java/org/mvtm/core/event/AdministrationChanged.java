package org.mvtm.core.event;

import java.time.Instant;

/**
 * An administrator changed the system of record ({@code entity} {@code user}, {@code advisor}, {@code queue},
 * {@code skill} or {@code vip-tier}, with its id): every node reloads what it derives from it (routing profiles and
 * queues, sign-in users, SIP credentials).
 */
public record AdministrationChanged(Instant at, String entity, String entityId, String actor) implements ContactEvent {}
