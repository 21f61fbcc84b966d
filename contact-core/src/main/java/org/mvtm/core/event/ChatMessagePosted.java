package org.mvtm.core.event;

import java.time.Instant;
import java.util.List;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.ConversationId;

/**
 * A chat line in a conversation, from the customer, the bot, an advisor or the system.
 *
 * @param senderId     the customer's or advisor's id; {@link #ASSISTANT} for every BOT line
 * @param quickReplies what the customer can answer with one tap (the assistant's clarifying question offers the two
 *                     FAQ questions it hesitates between); a channel that cannot show buttons shows the text, which
 *                     lists them too. Empty for every other line.
 */
public record ChatMessagePosted(
        Instant at,
        ConversationId conversation,
        TranscriptTurn.Speaker speaker,
        String senderId,
        String text,
        List<String> quickReplies)
        implements ContactEvent {
    /** The sender id of the assistant's lines, on every channel and in the recording timeline. */
    public static final String ASSISTANT = "assistant";

    public ChatMessagePosted {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    /** A line without quick replies. */
    public ChatMessagePosted(
            Instant at, ConversationId conversation, TranscriptTurn.Speaker speaker, String senderId, String text) {
        this(at, conversation, speaker, senderId, text, List.of());
    }
}
