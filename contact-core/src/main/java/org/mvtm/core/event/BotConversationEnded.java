package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.Customer;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;

/**
 * A conversation ended while the customer was still with the assistant: it was never handed to a person (the
 * customer left, or closed the page and did not come back). Its transcript is still kept as a chat-only recording.
 */
public record BotConversationEnded(
        Instant at, ConversationId conversation, Customer customer, Language language, Instant startedAt)
        implements ContactEvent {}
