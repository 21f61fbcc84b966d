package org.mvtm.web.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.CallbackNumber;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.CallbackRequested;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.CallbackSettings;
import org.mvtm.web.api.WebUserDirectory;
import org.mvtm.web.call.WebWorkers;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * In-queue callbacks of web customers. A queued customer asks to be called back and may stop waiting on the page or
 * close it: the interaction keeps its place in the queue (same priority and aging) and is not abandoned when the page
 * closes. When an advisor accepts it, the server calls the customer on their open page ({@code callback CALLING},
 * with the connected status); with the page closed it tries again every {@link CallbackSettings#interval()} up to
 * {@link CallbackSettings#attempts()} times, and POSTs each attempt to the configured webhook for a bank's app push.
 * The outcome (reached on attempt n, or not reached) is a SYSTEM line of the conversation, so it is on the record.
 */
@Component
public class WebCallbacks implements DisposableBean {
    /** A callback asked for; {@code interaction} is set once an advisor accepted it. */
    private static final class Pending {
        final Optional<CallbackNumber> number;
        InteractionId calling;
        /** The name of the advisor who accepted the callback (told to the page and the bank's app). */
        String advisorName = "";
        int attempts;
        Instant next;

        Pending(Optional<CallbackNumber> number) {
            this.number = number;
        }
    }

    public record Requested(String type, String status, String number) {
    }

    public record Calling(String type, String status, String advisorName, int attempt) {
    }

    private final Clock clock;
    private final EventBus events;
    private final RoutingEngine routing;
    private final WebConversations conversations;
    private final CustomerPeers peers;
    private final WebWorkers workers;
    private final WebUserDirectory users;
    private final CallbackSettings settings;
    private final BankAppWebhook app;
    private final Map<ConversationId, Pending> pending = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;

    public WebCallbacks(Clock clock, EventBus events, RoutingEngine routing, WebConversations conversations,
                        CustomerPeers peers, WebWorkers workers, WebUserDirectory users,
                        ObjectProvider<CallbackSettings> settings, BankAppWebhook app) {
        this.app = app;
        this.users = users;
        this.clock = clock;
        this.events = events;
        this.routing = routing;
        this.conversations = conversations;
        this.peers = peers;
        this.workers = workers;
        this.settings = settings.getIfAvailable(CallbackSettings::defaults);
        this.subscriptions = List.of(
                events.subscribe(OfferAccepted.class, e -> conversations.byInteraction(e.interaction())
                        .ifPresent(c -> accepted(c, e.interaction(), users.findAdvisor(e.advisor())
                                .map(u -> u.displayName()).orElse(e.advisor().value())))),
                events.subscribe(InteractionEnded.class, e -> forget(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> forget(e.interaction())));
        workers.every(1000, "callback attempts", this::attemptDue);
    }

    /**
     * The customer of {@code conversation} asks to be called back, on this page (no number) or at {@code number}.
     * Refused with {@link IllegalArgumentException} (a bad number) or {@link IllegalStateException} (not waiting).
     */
    public Requested request(WebConversation conversation, Optional<String> number) {
        Optional<CallbackNumber> parsed = number.filter(n -> !n.isBlank()).map(CallbackNumber::parse);
        if (conversation.status() != ConversationStatus.QUEUED) {
            throw new IllegalStateException("conversation " + conversation.id() + " is " + conversation.status()
                    + ": only a customer waiting in the queue can ask for a callback");
        }
        if (pending.putIfAbsent(conversation.id(), new Pending(parsed)) == null) {
            conversation.interaction().ifPresent(i -> events.publish(new CallbackRequested(clock.instant(), i,
                    parsed.map(CallbackNumber::value).orElse(""))));
        }
        Requested r = new Requested("callback", "REQUESTED", parsed.map(CallbackNumber::value).orElse(""));
        peers.send(conversation.id(), r);
        record(conversation, "callback requested" + parsed.map(n -> " at " + n.value()).orElse(" on the customer's page"));
        return r;
    }

    /** True while the customer of the conversation waits for a callback: a closed page does not abandon them. */
    public boolean requested(ConversationId conversation) {
        return pending.containsKey(conversation);
    }

    // the advisor's name is taken from the event, not from the conversation: CustomerChannel sets the conversation's
    // on the same event, and the first attempt may run before it has
    private void accepted(WebConversation c, InteractionId interaction, String advisorName) {
        Pending p = pending.get(c.id());
        if (p == null) {
            return;
        }
        synchronized (p) {
            p.calling = interaction;
            p.advisorName = advisorName;
            p.next = clock.instant();
        }
        workers.run("callback " + interaction, this::attemptDue);
    }

    /** Runs the attempts that are due: the open page is called; a closed one is tried again later, then given up. */
    void attemptDue() {
        Instant now = clock.instant();
        for (Map.Entry<ConversationId, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            Optional<WebConversation> c = conversations.find(e.getKey());
            if (c.isEmpty()) {
                pending.remove(e.getKey());
                continue;
            }
            synchronized (p) {
                if (p.calling == null || p.next == null || p.next.isAfter(now)) {
                    continue;
                }
                p.attempts++;
                notifyApp(c.get(), p);
                if (peers.connected(e.getKey())) {
                    pending.remove(e.getKey());
                    peers.send(e.getKey(), new Calling("callback", "CALLING", p.advisorName, p.attempts));
                    record(c.get(), "callback reached the customer's page on attempt " + p.attempts);
                } else if (p.attempts >= settings.attempts()) {
                    pending.remove(e.getKey());
                    record(c.get(), "callback not reached after " + p.attempts + " attempts");
                    InteractionId id = p.calling;
                    workers.run("callback unreached " + id, () -> routing.complete(id, InteractionEnded.EndedBy.SYSTEM));
                } else {
                    p.next = now.plus(settings.interval());
                }
            }
        }
    }

    private void notifyApp(WebConversation c, Pending p) {
        app.post(Map.of("event", "callback.attempt", "conversationId", c.id().value(),
                "interactionId", p.calling.toString(), "customer", c.owner(), "advisorName", p.advisorName,
                "attempt", p.attempts, "of", settings.attempts(),
                "number", p.number.map(CallbackNumber::value).orElse("")), "callback of " + c.id());
    }

    private void record(WebConversation c, String outcome) {
        events.publishInOrder(c.id(), () -> new ChatMessagePosted(clock.instant(), c.id(), TranscriptTurn.Speaker.SYSTEM,
                "callback", outcome));
    }

    private void forget(InteractionId interaction) {
        conversations.byInteraction(interaction).ifPresent(c -> pending.remove(c.id()));
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
