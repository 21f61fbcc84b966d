package org.mvtm.web.customer;

import org.mvtm.core.state.TransitionTable;

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

    public static final TransitionTable<ConversationStatus> TABLE =
            TransitionTable.of("customer conversation", ConversationStatus.class)
                    .from(WITH_BOT).to(QUEUED, ENDED)
                    .from(QUEUED).to(CONNECTED, ENDED)
                    .from(CONNECTED).to(QUEUED, ENDED)
                    .build();

    /** {@code next}, or this when already there; a change {@link #TABLE} does not allow names both states. */
    public ConversationStatus to(Object conversation, ConversationStatus next) {
        return next == this ? this : TABLE.check(conversation, this, next);
    }
}
