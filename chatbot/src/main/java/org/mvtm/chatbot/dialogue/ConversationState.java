package org.mvtm.chatbot.dialogue;

import org.mvtm.core.state.TransitionTable;

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

    static final TransitionTable<ConversationState> TABLE =
            TransitionTable.of("conversation with the assistant", ConversationState.class)
                    .from(WITH_BOT).to(WITH_BOT, HANDED_OFF)
                    .build();
}
