package org.mvtm.chatbot.api;

import java.util.Optional;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;

/**
 * The one path from a customer's line to the assistant's answer on the {@code EventBus}, for every channel. Every
 * {@code ChatMessagePosted(CUSTOMER)} published on this node (not one relayed from another node: that node answers
 * it, see {@code EventBus.relayed()}) becomes a turn on its conversation's serial queue; the turn asks the
 * {@link Assistant} and publishes a non-silent reply as {@code ChatMessagePosted(BOT, ChatMessagePosted.ASSISTANT)}.
 * Turns of one conversation run one at a time, in the order they were handed in (the order the customer wrote),
 * on virtual threads; different conversations run in parallel. No method blocks the caller: greetings, hand-offs and
 * forgetting are queued behind the turns already waiting, so a hand-off comes after the lines written before it.
 *
 * <p>Once the conversation is handed off the assistant is SILENT and nothing is published: the advisor answers.
 */
public interface BotTurns extends AutoCloseable {

    /** Queues the greeting of a new conversation, published as the BOT line that opens it. */
    void greet(ConversationId conversation, Optional<Language> preferred);

    /**
     * Queues "talk to a person" (button, menu): {@link Assistant#handOff} after the lines already queued; the
     * hand-off line ("I'll connect you with one of our advisors now…") is published to the customer like any reply.
     */
    void handOff(ConversationId conversation);

    /**
     * Queues taking over a conversation another node handed off (that node died and the customer reconnected here):
     * the assistant here stays silent for it, as it would had it handed off itself; nothing is published to the
     * customer.
     */
    default void handedOffElsewhere(ConversationId conversation) {
    }

    /** Queues dropping the conversation's assistant state, after its waiting turns. */
    void forget(ConversationId conversation);

    /** Stops answering: unsubscribes from the bus; turns already queued still run. Idempotent. */
    @Override
    void close();
}
