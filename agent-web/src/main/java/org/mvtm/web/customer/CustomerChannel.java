package org.mvtm.web.customer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Party;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.concurrent.KeyedLanes;
import org.mvtm.core.event.BotConversationEnded;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebTierSettings;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.api.WebUserDirectory;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.security.InputLimits;
import org.mvtm.web.socket.JsonSocketHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The web customer channel adapter. It owns web conversations: it publishes the customer's chat lines, delivers
 * BOT and ADVISOR lines back to the customer's sockets, turns {@code BotHandedOff} for one of its conversations into
 * a routing {@code enqueue}, and tells the page its queue position, the advisor who joined and the end.
 *
 * <p>Event subscribers only update memory and push to sockets; routing and chatbot calls run on {@link WebWorkers}.
 */
@Component
public class CustomerChannel implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerChannel.class);

    private final Clock clock;
    private final EventBus events;
    private final BotTurns bot;
    private final RoutingEngine routing;
    private final WebConversations conversations;
    private final CustomerPeers peers;
    private final WebUserDirectory users;
    private final BrowserCallLegs media;
    private final WebWorkers workers;
    private final List<EventBus.Subscription> subscriptions;
    private final Duration grace;
    private final CustomerLimits limits;
    private final WebCallbacks callbacks;
    /**
     * The routing steps of one conversation (enqueue, abandon, complete), one after another: a customer who hangs up
     * while the hand-off is being queued leaves the queue after she joined it, not before (when routing does not know
     * the interaction yet and would queue it for nobody).
     */
    private final KeyedLanes<ConversationId> routingSteps;

    public CustomerChannel(Clock clock, EventBus events, BotTurns bot, RoutingEngine routing,
                           WebConversations conversations, CustomerPeers peers, WebUserDirectory users,
                           BrowserCallLegs media, WebWorkers workers, ObjectProvider<WebTierSettings> settings,
                           CustomerLimits limits, WebCallbacks callbacks) {
        this.limits = limits;
        this.callbacks = callbacks;
        this.clock = clock;
        this.events = events;
        this.bot = bot;
        this.routing = routing;
        this.conversations = conversations;
        this.peers = peers;
        this.users = users;
        this.media = media;
        this.workers = workers;
        this.routingSteps = workers.lanes("customer-routing");
        this.subscriptions = List.of(
                events.subscribe(ChatMessagePosted.class, this::onChat),
                events.subscribe(BotHandedOff.class, this::onHandedOff),
                events.subscribe(InteractionQueued.class, this::onQueued),
                events.subscribe(OfferAccepted.class, this::onAccepted),
                events.subscribe(CallHeld.class, this::onHeld),
                events.subscribe(InteractionEnded.class, e -> onEnded(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> onEnded(e.interaction())));
        workers.every(2000, "queue position push", this::pushPositions);
        media.onFailure(f -> conversations.byInteraction(f.interaction())
                .ifPresent(c -> peers.send(c.id(), new CustomerMessages.MediaFailed(f.party().mediaName()))));
        media.onRetry(interaction -> conversations.byInteraction(interaction)
                .ifPresent(c -> peers.send(c.id(), new CustomerMessages.MediaRetry())));
        this.grace = settings.getIfAvailable(WebTierSettings::defaults).customerGrace();
        workers.every(1000, "closed customer pages", this::leaveClosedPages);
    }

    /**
     * A customer whose page has been closed (or whose app has stopped polling the HTTP API) for longer than the grace
     * period is gone. Queued, the interaction is abandoned (it leaves the queue and any offer is withdrawn), so no
     * advisor is connected to nobody; with an advisor, the call or chat ends as ended by the customer (the advisor's
     * console says so and goes to wrap-up), so no advisor talks to an empty page; one still with the assistant ends
     * (and its transcript is recorded). A page that comes back within the grace period keeps its place or its call.
     * One who asked for a callback ({@link WebCallbacks}) keeps it with the page closed.
     */
    public void leaveClosedPages() {
        for (ConversationId id : peers.goneSince(clock.instant().minus(grace))) {
            if (callbacks.requested(id)) {
                continue;
            }
            conversations.find(id).filter(c -> c.status() != ConversationStatus.ENDED).ifPresent(c -> {
                LOG.info("customer page of conversation {} ({}) closed for over {}: leaving", id, c.status(), grace);
                leave(c);
            });
        }
    }

    /**
     * Opens a conversation for {@code user} within their {@link CustomerLimits} (then {@link #greet}). Their
     * conversations whose page has been closed (and that no advisor has taken yet) are left first: the customer came
     * back in a new window.
     */
    WebConversation open(WebUser user, Language language) {
        List<WebConversation> open = new ArrayList<>();
        for (WebConversation c : conversations.openOf(user.username())) {
            if (c.status() != ConversationStatus.CONNECTED && !peers.connected(c.id())) {
                LOG.info("customer {} opens a new conversation; leaving {} whose page is closed", user.username(), c.id());
                leave(c);
            } else {
                open.add(c);
            }
        }
        limits.admitConversation(user.username(), open);
        return conversations.open(user, language);
    }

    /** A new conversation: the assistant greets in the chosen language (published as a BOT line). */
    void greet(WebConversation conversation) {
        bot.greet(conversation.id(), Optional.of(conversation.language()));
    }

    /**
     * The customer's page came back to a conversation (a reload, a network drop, or its node died and this node took
     * the conversation from the {@code ConversationStore}): the page gets its status, with its queue place when
     * waiting; an assistant that never saw the hand-off stays silent.
     */
    void resumed(WebConversation conversation) {
        if (conversation.status() != ConversationStatus.WITH_BOT) {
            bot.handedOffElsewhere(conversation.id());
        }
        pushStatus(conversation, Optional.empty());
        if (conversation.status() == ConversationStatus.QUEUED) {
            conversation.interaction().ifPresent(id -> workers.run("position " + conversation.id(),
                    () -> pushStatus(conversation, routing.position(id))));
        }
    }

    /** The customer typed a line: published for the assistant ({@link BotTurns}) or the advisor. */
    void say(WebConversation conversation, String text) {
        String clean = clean(text);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("chat text is empty");
        }
        events.publishInOrder(conversation.id(), () -> new ChatMessagePosted(clock.instant(), conversation.id(),
                TranscriptTurn.Speaker.CUSTOMER, conversation.customer().id().value(), clean));
    }

    /** "Talk to a person" (chat) or a call button: the assistant hands off, which publishes BotHandedOff once. */
    void askForPerson(WebConversation conversation, Channel channel) {
        if (conversation.interaction().isEmpty()) {
            limits.admitQueue(conversation.owner(), conversations.openOf(conversation.owner()).stream()
                    .filter(c -> !c.id().equals(conversation.id())).toList());
        }
        conversation.channel(channel);
        bot.handOff(conversation.id());
    }

    /**
     * Runs {@code step}, which calls routing for {@code conversation}, after the conversation's earlier routing steps
     * (its enqueue, abandon, complete), on a worker.
     */
    void routingStep(WebConversation conversation, String what, Runnable step) {
        routingSteps.submit(conversation.id(), what, step);
    }

    void changeLanguage(WebConversation conversation, Language language) {
        conversation.language(language);
    }

    /** The customer hung up or closed the conversation. */
    void leave(WebConversation conversation) {
        Optional<InteractionId> interaction = conversation.interaction();
        switch (conversation.status()) {
            case WITH_BOT -> {
                conversation.ended();
                bot.forget(conversation.id());
                // never handed to a person: the transcript is kept as a chat-only recording all the same
                events.publish(new BotConversationEnded(clock.instant(), conversation.id(), conversation.customer(),
                        conversation.language(), conversation.startedAt()));
                peers.send(conversation.id(), CustomerMessages.Status.of(conversation, 0, 0, -1));
                conversations.forget(conversation);
            }
            case QUEUED -> interaction.ifPresent(id -> routingStep(conversation, "abandon " + id,
                    () -> routing.abandon(id)));
            case CONNECTED -> interaction.ifPresent(id -> routingStep(conversation, "complete " + id,
                    () -> routing.complete(id, InteractionEnded.EndedBy.CUSTOMER)));
            case ENDED -> { }
        }
    }

    BrowserCallLegs.Answer media(WebConversation conversation, String sdpOffer) {
        InteractionId interaction = conversation.interaction().orElseThrow(
                () -> new IllegalStateException("no call yet: ask for a person first"));
        return media.answer(interaction, Party.CUSTOMER, sdpOffer);
    }

    void candidate(WebConversation conversation, String candidate) {
        conversation.interaction().ifPresent(id -> media.candidate(id, Party.CUSTOMER, candidate));
    }

    private void onChat(ChatMessagePosted e) {
        conversations.find(e.conversation()).ifPresent(c -> {
            TranscriptTurn turn = new TranscriptTurn(e.at(), e.speaker(), e.text());
            c.add(turn);
            peers.send(c.id(), CustomerMessages.Chat.of(turn, e.quickReplies()));
        });
    }

    private void onHandedOff(BotHandedOff e) {
        conversations.find(e.conversation()).filter(c -> c.interaction().isEmpty()).ifPresent(c ->
                routingStep(c, "enqueue", () -> {
                    if (c.status() != ConversationStatus.WITH_BOT) {
                        return; // the customer left before her turn came
                    }
                    Interaction interaction;
                    try {
                        interaction = InteractionFactory.build(InteractionId.random(), c, c.channel(), e.context(),
                                routing.queues(), clock.instant());
                    } catch (IllegalArgumentException noQueue) {
                        LOG.warn("could not queue web conversation {}: {}", c.id(), noQueue.getMessage());
                        peers.send(c.id(), new JsonSocketHandler.ErrorMessage("not-queued",
                                "no advisor queue accepted the request: " + noQueue.getMessage()));
                        return;
                    }
                    conversations.queued(c, interaction.id());
                    QueuePosition position;
                    try {
                        position = routing.enqueue(interaction);
                    } catch (RuntimeException failed) {
                        LOG.warn("could not queue web conversation {}: {}", c.id(), failed.toString());
                        peers.send(c.id(), new JsonSocketHandler.ErrorMessage("not-queued",
                                "no advisor queue accepted the request: " + failed.getMessage()));
                        onEnded(interaction.id());
                        return;
                    }
                    LOG.info("web conversation {} queued as {} in {} at position {}", c.id(), interaction.id(),
                            interaction.queue(), position.position());
                    pushStatus(c, Optional.of(position));
                }));
    }

    private void onQueued(InteractionQueued e) {
        conversations.byInteraction(e.interaction().id()).ifPresent(c -> {
            if (c.status() == ConversationStatus.CONNECTED) {
                c.queued(e.interaction().id()); // transferred
            }
            workers.run("position " + c.id(), () -> pushStatus(c, routing.position(e.interaction().id())));
        });
    }

    private void onAccepted(OfferAccepted e) {
        conversations.byInteraction(e.interaction()).ifPresent(c -> {
            String name = users.findAdvisor(e.advisor()).map(u -> u.displayName()).orElse(e.advisor().value());
            c.connected(e.advisor(), name);
            pushStatus(c, Optional.empty());
        });
    }

    /** The advisor put the call on hold or resumed it: the page says so (and plays music while held). */
    private void onHeld(CallHeld e) {
        conversations.byInteraction(e.interaction()).ifPresent(c -> {
            c.held(e.held());
            pushStatus(c, Optional.empty());
        });
    }

    private void onEnded(InteractionId interaction) {
        conversations.byInteraction(interaction).ifPresent(c -> {
            if (c.status() != ConversationStatus.ENDED) {
                c.ended();
            }
            media.forget(interaction);
            pushStatus(c, Optional.empty());
            conversations.forget(c);
            bot.forget(c.id());
        });
    }

    private void pushPositions() {
        for (WebConversation c : conversations.all()) {
            if (c.status() == ConversationStatus.QUEUED && peers.connected(c.id())) {
                c.interaction().ifPresent(id -> pushStatus(c, routing.position(id)));
            }
        }
    }

    void pushStatus(WebConversation c, Optional<QueuePosition> position) {
        peers.send(c.id(), position
                .map(p -> CustomerMessages.Status.of(c, p.position(), p.waiting(),
                        p.estimatedWait().map(Duration::toSeconds).orElse(-1L)))
                .orElseGet(() -> CustomerMessages.Status.of(c, 0, 0, -1)));
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        return InputLimits.check("text", stripped, InputLimits.CHAT_LINE);
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
