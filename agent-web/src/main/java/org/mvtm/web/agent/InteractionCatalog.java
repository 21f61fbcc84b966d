package org.mvtm.web.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Interaction;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.ChatTranscripts;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the consoles know about interactions: the {@link Interaction} (customer, language, handoff context) from
 * {@code InteractionQueued} events or, for one queued on another node, from routing; and the chat lines of its
 * conversation as the customer was shown them ({@link ChatTranscripts}), from the bot's greeting on.
 */
@Component
public class InteractionCatalog implements DisposableBean {
    /** A conversation nobody was offered is forgotten after this long without a line (chats that end with the bot). */
    static final Duration IDLE_CONVERSATION = Duration.ofHours(4);
    private final RoutingEngine routing;
    private final Map<InteractionId, Interaction> interactions = new ConcurrentHashMap<>();
    private final ChatTranscripts chat;
    private final List<EventBus.Subscription> subscriptions;

    public InteractionCatalog(EventBus events, RoutingEngine routing, Clock clock) {
        this.routing = routing;
        this.chat = new ChatTranscripts(events, clock, IDLE_CONVERSATION);
        this.subscriptions = List.of(
                events.subscribe(InteractionQueued.class, e -> interactions.put(e.interaction().id(), e.interaction())),
                events.subscribe(InteractionEnded.class, e -> forget(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> forget(e.interaction())));
    }

    /** An ended or abandoned interaction is no longer shown anywhere: drop it and its chat. */
    private void forget(InteractionId id) {
        Interaction gone = interactions.remove(id);
        if (gone != null) {
            chat.forget(gone.conversation());
        }
    }

    /** The interaction if this node knows it already (never blocks: safe on an event thread). */
    public Optional<Interaction> known(InteractionId id) {
        return Optional.ofNullable(interactions.get(id));
    }

    /** The interaction, asking routing if this node did not see it queued (may block on the routing store). */
    public Optional<Interaction> find(InteractionId id) {
        Interaction known = interactions.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Interaction> fromRouting = routing.interaction(id).map(InteractionView::interaction);
        fromRouting.ifPresent(i -> interactions.put(id, i));
        return fromRouting;
    }

    /**
     * Every line of the interaction's conversation the customer was shown, in that order; the hand-off context's
     * transcript when this node saw none of them (the conversation is held on another node).
     */
    public List<TranscriptTurn> transcript(Interaction interaction) {
        List<ChatMessagePosted> lines = chat.lines(interaction.conversation());
        if (lines.isEmpty()) {
            return interaction.handoff().transcript();
        }
        return lines.stream().map(l -> new TranscriptTurn(l.at(), l.speaker(), l.text())).toList();
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
        chat.close();
    }
}
