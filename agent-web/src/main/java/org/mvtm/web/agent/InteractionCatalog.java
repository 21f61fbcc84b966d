package org.mvtm.web.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Interaction;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the consoles know about interactions: the {@link Interaction} (customer, language, handoff context) from
 * {@code InteractionQueued} events or, for one queued on another node, from routing; and the chat lines of its
 * conversation since it was queued.
 */
@Component
public class InteractionCatalog implements DisposableBean {
    private final RoutingEngine routing;
    private final Map<InteractionId, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<ConversationId, List<TranscriptTurn>> chat = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;

    public InteractionCatalog(EventBus events, RoutingEngine routing) {
        this.routing = routing;
        this.subscriptions = List.of(
                events.subscribe(InteractionQueued.class, e -> interactions.put(e.interaction().id(), e.interaction())),
                events.subscribe(ChatMessagePosted.class, this::onChat),
                events.subscribe(InteractionEnded.class, e -> forget(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> forget(e.interaction())));
    }

    private void onChat(ChatMessagePosted e) {
        List<TranscriptTurn> lines = chat.get(e.conversation());
        if (lines != null) {
            synchronized (lines) {
                lines.add(new TranscriptTurn(e.at(), e.speaker(), e.text()));
            }
        }
    }

    /** An ended or abandoned interaction is no longer shown anywhere: drop it and its chat. */
    private void forget(InteractionId id) {
        Interaction gone = interactions.remove(id);
        if (gone != null) {
            chat.remove(gone.conversation());
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

    /** Starts keeping the live chat of the interaction's conversation (when an advisor gets the offer). */
    public void follow(Interaction interaction) {
        chat.computeIfAbsent(interaction.conversation(), k -> new ArrayList<>());
    }

    /** The bot transcript handed over plus the chat lines since. */
    public List<TranscriptTurn> transcript(Interaction interaction) {
        List<TranscriptTurn> all = new ArrayList<>(interaction.handoff().transcript());
        List<TranscriptTurn> live = chat.get(interaction.conversation());
        if (live != null) {
            synchronized (live) {
                for (TranscriptTurn t : live) {
                    if (!all.contains(t)) {
                        all.add(t);
                    }
                }
            }
        }
        return all;
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
