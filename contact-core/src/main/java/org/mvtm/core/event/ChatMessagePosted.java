package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.ConversationId;

/**
 * A chat line in a conversation, from the customer, the bot, an advisor or the system.
 *
 * @param senderId the customer's or advisor's id; {@link #ASSISTANT} for every BOT line
 */
public record ChatMessagePosted(Instant at, ConversationId conversation, TranscriptTurn.Speaker speaker,
                                String senderId, String text) implements ContactEvent {
    /** The sender id of the assistant's lines, on every channel and in the recording timeline. */
    public static final String ASSISTANT = "assistant";
}
