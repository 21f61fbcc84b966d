package org.mvtm.chatbot.dialogue;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.chatbot.api.Choice;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.concurrent.KeyedLanes;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BotTurns} on one {@link KeyedLanes} lane per conversation: the bus subscriber only queues; the assistant runs
 * in the lane, one turn at a time, in the order the customer wrote.
 */
public final class SerialBotTurns implements BotTurns {
    private static final Logger log = LoggerFactory.getLogger(SerialBotTurns.class);

    private final Assistant assistant;
    private final EventBus events;
    private final Clock clock;
    private final KeyedLanes<ConversationId> lanes = new KeyedLanes<>("bot-turns");
    private final EventBus.Subscription subscription;

    public SerialBotTurns(Assistant assistant, EventBus events, Clock clock) {
        this.assistant = Objects.requireNonNull(assistant, "assistant");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscription = events.subscribe(ChatMessagePosted.class, this::onLine);
    }

    private void onLine(ChatMessagePosted line) {
        // a line relayed from another node is answered there, where the customer wrote it: one answer per line
        if (line.speaker() == TranscriptTurn.Speaker.CUSTOMER && !events.relayed()) {
            queue(line.conversation(), "answer", () -> say(line.conversation(),
                    assistant.reply(line.conversation(), line.text())));
        }
    }

    @Override
    public void greet(ConversationId conversation, Optional<Language> preferred) {
        queue(conversation, "greet", () -> say(conversation, assistant.greet(conversation, preferred)));
    }

    @Override
    public void handOff(ConversationId conversation) {
        // the customer is told, like after typing "agent": the line the advisor and the record will show
        queue(conversation, "hand off", () -> say(conversation, assistant.handOff(conversation)));
    }

    @Override
    public void handedOffElsewhere(ConversationId conversation) {
        // the hand-off line was shown by the node that handed off: this one only turns silent
        queue(conversation, "take over a handed-off conversation", () -> assistant.handOff(conversation));
    }

    @Override
    public void forget(ConversationId conversation) {
        queue(conversation, "forget", () -> assistant.forget(conversation));
    }

    private void queue(ConversationId conversation, String what, Runnable turn) {
        if (!lanes.submit(conversation, what, turn)) {
            log.debug("bot turns closed: {} of {} dropped", what, conversation);
        }
    }

    private void say(ConversationId conversation, BotReply reply) {
        if (reply.kind() != ReplyKind.SILENT && !reply.text().isBlank()) {
            events.publishInOrder(conversation, () -> new ChatMessagePosted(clock.instant(), conversation,
                    TranscriptTurn.Speaker.BOT, ChatMessagePosted.ASSISTANT, reply.text(),
                    reply.choices().stream().map(Choice::question).toList()));
        }
    }

    @Override
    public void close() {
        subscription.close();
        lanes.close();
    }
}
