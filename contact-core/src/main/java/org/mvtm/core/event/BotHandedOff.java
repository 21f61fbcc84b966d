package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.id.ConversationId;

/** The assistant passed the conversation to a person; published exactly once per conversation. */
public record BotHandedOff(Instant at, ConversationId conversation, HandoffContext context) implements ContactEvent {}
