package org.mvtm.routing.api;

/**
 * Where an interaction is in routing. Allowed changes (one table in code, {@code InteractionTransitions}):
 * <pre>
 *   QUEUED    -> OFFERED (reserved for an advisor) | ABANDONED
 *   OFFERED   -> CONNECTED (accepted) | QUEUED (rejected, no answer, lease expired) | ABANDONED
 *   CONNECTED -> ENDED (complete) | QUEUED (transfer to a queue or an advisor)
 * </pre>
 */
public enum InteractionStatus {
    QUEUED, OFFERED, CONNECTED, ENDED, ABANDONED
}
