package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.ConversationId;

/** A chat line in a conversation, from the customer, the bot, an advisor or the system. */
public record ChatMessagePosted(Instant at, ConversationId conversation, TranscriptTurn.Speaker speaker,
                                String senderId, String text) implements ContactEvent {
}
