package org.mvtm.chatbot.dialogue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a conversation with the assistant.
 * <pre>
 *   from \ to   | WITH_BOT | HANDED_OFF
 *   WITH_BOT    |   yes    |   yes (publishes BotHandedOff, once)
 *   HANDED_OFF  |   no     |   no
 * </pre>
 * A handed-off conversation never returns to the bot ({@code forget} removes it instead).
 */
enum ConversationState {
    WITH_BOT, HANDED_OFF;

    private static final Map<ConversationState, Set<ConversationState>> ALLOWED = Map.of(
            WITH_BOT, EnumSet.of(WITH_BOT, HANDED_OFF),
            HANDED_OFF, EnumSet.noneOf(ConversationState.class));

    ConversationState transitionTo(ConversationState next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("conversation cannot go from " + this + " to " + next);
        }
        return next;
    }
}
