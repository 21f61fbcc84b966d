package org.mvtm.server.wiring;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.sip.api.ChatConversations;
import org.mvtm.sip.api.CustomerDirectory;
import org.mvtm.web.customer.InteractionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phone customers chatting over SIP MESSAGE reach a person like web chat customers: the conversation of each
 * address-of-record is known here, and when the assistant hands one of them off ({@link BotHandedOff}) the customer
 * is queued as a CHAT interaction in the queue the hand-off's product picks ({@link InteractionFactory}). The
 * advisor's lines go back to the phone as MESSAGE through the edge's chat relay. Once the interaction ends or the
 * customer leaves the queue, their next MESSAGE starts a new conversation with the assistant.
 *
 * <p>Subscribers only hand work to virtual threads; routing is called there.
 */
final class SipChatCustomers implements ChatConversations, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipChatCustomers.class);

    private final RoutingEngine routing;
    private final CustomerDirectory customers;
    private final BotTurns bot;
    private final Clock clock;
    private final Map<String, ConversationId> byAddress = new ConcurrentHashMap<>();
    private final Map<ConversationId, String> addressOf = new ConcurrentHashMap<>();
    private final Map<InteractionId, ConversationId> queued = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final List<EventBus.Subscription> subscriptions;

    SipChatCustomers(RoutingEngine routing, CustomerDirectory customers, BotTurns bot, EventBus bus, Clock clock) {
        this.routing = routing;
        this.customers = customers;
        this.bot = bot;
        this.clock = clock;
        this.subscriptions = List.of(
                bus.subscribe(BotHandedOff.class, e -> {
                    if (addressOf.containsKey(e.conversation())) {
                        work.execute(() -> enqueue(e));
                    }
                }),
                bus.subscribe(InteractionEnded.class, e -> finished(e.interaction())),
                bus.subscribe(InteractionAbandoned.class, e -> finished(e.interaction())));
    }

    @Override
    public ConversationId conversationOf(String aor) {
        return byAddress.computeIfAbsent(aor, a -> {
            ConversationId id = ConversationId.random();
            addressOf.put(id, a);
            return id;
        });
    }

    private void enqueue(BotHandedOff e) {
        String aor = addressOf.get(e.conversation());
        if (aor == null || queued.containsValue(e.conversation())) {
            return;
        }
        try {
            Interaction interaction = InteractionFactory.build(InteractionId.random(), e.conversation(),
                    customers.identify(user(aor), null, Optional.of(e.context().language())), Channel.CHAT,
                    e.context(), routing.queues(), clock.instant());
            queued.put(interaction.id(), e.conversation());
            var position = routing.enqueue(interaction);
            log.info("SIP chat customer {} queued as {} in {} at position {}", aor, interaction.id(),
                    interaction.queue(), position.position());
        } catch (RuntimeException failed) {
            log.warn("could not queue SIP chat customer {}: {}", aor, failed.getMessage());
        }
    }

    private void finished(InteractionId interaction) {
        ConversationId conversation = queued.remove(interaction);
        if (conversation != null) {
            String aor = addressOf.remove(conversation);
            if (aor != null) {
                byAddress.remove(aor, conversation);
            }
            bot.forget(conversation);
        }
    }

    /** The user part of {@code sip:user@domain}. */
    private static String user(String aor) {
        String s = aor.startsWith("sip:") ? aor.substring(4) : aor.startsWith("sips:") ? aor.substring(5) : aor;
        int at = s.indexOf('@');
        return at < 0 ? s : s.substring(0, at);
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        work.shutdown();
    }
}
