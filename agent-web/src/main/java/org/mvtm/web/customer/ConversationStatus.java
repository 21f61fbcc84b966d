package org.mvtm.web.customer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a web customer's conversation is. One allowed-transition table:
 * <pre>
 *   WITH_BOT  -> QUEUED (bot handed off, routing enqueued) | ENDED
 *   QUEUED    -> CONNECTED (advisor accepted) | ENDED (abandoned)
 *   CONNECTED -> QUEUED (transferred) | ENDED
 *   ENDED     -> (none)
 * </pre>
 * An offer to an advisor keeps the customer QUEUED: the customer keeps their place until someone accepts.
 */
public enum ConversationStatus {
    WITH_BOT, QUEUED, CONNECTED, ENDED;

    private static final Map<ConversationStatus, Set<ConversationStatus>> ALLOWED = Map.of(
            WITH_BOT, EnumSet.of(QUEUED, ENDED),
            QUEUED, EnumSet.of(CONNECTED, ENDED),
            CONNECTED, EnumSet.of(QUEUED, ENDED),
            ENDED, EnumSet.noneOf(ConversationStatus.class));

    public ConversationStatus to(ConversationStatus next) {
        if (next == this) {
            return this;
        }
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("conversation cannot go from " + this + " to " + next);
        }
        return next;
    }
}
