package org.mvtm.web.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Interaction;
import org.mvtm.core.Party;
import org.mvtm.core.Refusal;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.concurrent.KeyedLanes;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallMuted;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.DeskPhones;
import org.mvtm.web.api.WebTierSettings;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.api.WebUserDirectory;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.security.InputLimits;
import org.mvtm.web.socket.JsonSocketHandler;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The advisor console channel: attaches web advisors to routing on this node, shows them routing's offers with
 * the customer's context, carries their decisions, chat and call signalling back, and keeps their desk.
 * Every command checks that the interaction belongs to the advisor sending it.
 */
@Component
public class AdvisorChannel implements DisposableBean {
    private final Clock clock;
    private final EventBus events;
    private final RoutingEngine routing;
    private final InteractionCatalog catalog;
    private final AdvisorDesks desks;
    private final BrowserCallLegs media;
    private final WebWorkers workers;
    private final WebUserDirectory users;
    private final String node;
    private final List<EventBus.Subscription> subscriptions;

    private final DeskPhones deskPhones;
    private final WrapUpRules wrapUpRules;
    private final EndsBeforeConnect endsBeforeConnect = new EndsBeforeConnect();
    /**
     * Routing's attach and detach of one advisor's consoles, one after another: a console reloaded (the old one closes,
     * the new one opens) ends attached, as the advisor sees it, however the two calls' threads are scheduled.
     */
    private final KeyedLanes<AgentId> consoleSteps;

    AdvisorChannel(Clock clock, EventBus events, RoutingEngine routing, InteractionCatalog catalog, AdvisorDesks desks,
                   BrowserCallLegs media, WebWorkers workers, WebUserDirectory users, ObjectProvider<WebTierSettings> settings,
                   ObjectProvider<DeskPhones> deskPhones, WrapUpRules wrapUpRules) {
        this.clock = clock;
        this.wrapUpRules = wrapUpRules;
        this.deskPhones = deskPhones.getIfAvailable(DeskPhones::none);
        this.events = events;
        this.routing = routing;
        this.catalog = catalog;
        this.desks = desks;
        this.media = media;
        this.workers = workers;
        this.consoleSteps = workers.lanes("advisor-console");
        this.users = users;
        this.node = settings.getIfAvailable(WebTierSettings::defaults).nodeName();
        this.subscriptions = List.of(
                events.subscribe(AdvisorOffered.class, this::onOffered),
                events.subscribe(OfferAccepted.class, this::onAccepted),
                events.subscribe(OfferDeclined.class, e -> desks.find(e.advisor()).ifPresent(d -> {
                    if (d.offerGone(e.interaction())) {
                        d.send(new AgentMessages.OfferGone(e.interaction().value(), e.cause().name()));
                    }
                })),
                events.subscribe(AdvisorStateChanged.class, e -> desks.find(e.advisor()).ifPresent(d -> {
                    d.send(new AgentMessages.Presence(e.to().name(), e.reason().orElse(""), e.at()));
                    if (e.from() == AdvisorState.WRAP_UP && e.to() == AdvisorState.READY) {
                        workers.run("wrap-up required " + e.advisor(), () -> holdForRequiredWrapUp(e.advisor()));
                    }
                })),
                events.subscribe(ChatMessagePosted.class, this::onChat),
                events.subscribe(AdvisorStateForced.class, e -> desks.find(e.advisor()).ifPresent(d ->
                        d.send(new AgentMessages.Forced(e.to().name(), e.reason(), e.supervisor(), e.afterConversations())))),
                events.subscribe(InteractionEnded.class, e -> connectedCallEnded(e.interaction(), e.endedBy().name(), e.at())),
                events.subscribe(InteractionAbandoned.class, e -> ended(e.interaction(), "ABANDONED", e.at())),
                events.subscribe(InteractionTransferred.class, e -> connectedCallEnded(e.interaction(), "TRANSFERRED", e.at())));
        media.onFailure(f -> desks.all().forEach(d -> {
            if (d.holds(f.interaction())) {
                d.send(new AgentMessages.MediaFailed(f.interaction().value(), f.party().mediaName(), f.reason()));
            }
        }));
    }

    /** A console opened: attach (or log in) the advisor and send the whole desk. */
    void open(SocketPeer peer, AgentId agent) {
        AdvisorDesk desk = desks.of(agent);
        desk.attach(peer);
        consoleSteps.submit(agent, "attach", () -> {
            try {
                Optional<AdvisorStats> stats = stats(agent);
                if (stats.isEmpty() || stats.get().state() == AdvisorState.LOGGED_OUT) {
                    routing.login(agent);
                } else {
                    routing.attach(agent);
                }
                restoreFromRouting(desk, stats(agent));
                peer.send(deskMessage(peer.user(), desk));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // e.g. the advisor has a web login but no routing profile: say so on the console
                peer.send(JsonSocketHandler.ErrorMessage.of(Refusal.of("advisor.not-routable",
                        "routing does not accept advisor " + agent + ": " + e.getMessage(), "advisor", agent)));
            }
        });
    }

    /**
     * A console closed. When it was the advisor's last, offers shown only there are withdrawn at once, unless the
     * advisor's desk phone is registered (it rings for them).
     */
    void close(SocketPeer peer, AgentId agent) {
        desks.find(agent).ifPresent(desk -> {
            if (desk.detach(peer, clock.instant())) {
                consoleSteps.submit(agent, "detach", () -> {
                    if (desk.present()) {
                        return; // a console opened again meanwhile: its attach follows and its offers stay
                    }
                    routing.detach(agent);
                    if (!deskPhones.registered(agent)) {
                        desk.offers().keySet().forEach(id -> withdraw(desk, id));
                    }
                });
            }
        });
    }

    /** Nobody can answer an offer on a console that is gone: the customer goes to the next advisor now. */
    private void withdraw(AdvisorDesk desk, InteractionId offer) {
        if (desk.offerGone(offer)) {
            try {
                routing.noAnswer(offer, desk.agent());
            } catch (IllegalArgumentException | IllegalStateException gone) {
                // already answered, expired or abandoned
            }
        }
    }

    void presence(AgentId agent, String state, String reason) {
        InputLimits.check("reason", reason == null ? null : reason.strip(), InputLimits.REASON);
        switch (state) {
            case "READY" -> {
                requiredWrapUpsDone(agent);
                routing.ready(agent);
            }
            case "NOT_READY" -> routing.notReady(agent, reason == null || reason.isBlank() ? "break" : reason.strip());
            case "LOGGED_OUT" -> routing.logout(agent);
            default -> throw new IllegalArgumentException("presence must be READY, NOT_READY or LOGGED_OUT but was '" + state + "'");
        }
    }

    void accept(AgentId agent, InteractionId interaction) {
        routing.accept(interaction, agent);
    }

    void reject(AgentId agent, InteractionId interaction) {
        desks.of(agent).offerGone(interaction);
        routing.reject(interaction, agent);
    }

    void chat(AgentId agent, InteractionId interaction, String text) {
        Interaction i = own(agent, interaction);
        String clean = text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (clean.isEmpty()) {
            throw Refusal.of("chat.empty", "chat text is empty");
        }
        String line = InputLimits.check("text", clean, InputLimits.CHAT_LINE);
        events.publishInOrder(i.conversation(), () -> new ChatMessagePosted(clock.instant(), i.conversation(),
                TranscriptTurn.Speaker.ADVISOR, agent.value(), line));
    }

    BrowserCallLegs.Answer offerMedia(AgentId agent, InteractionId interaction, String sdp) {
        own(agent, interaction);
        return media.answer(interaction, Party.ADVISOR, sdp);
    }

    void candidate(AgentId agent, InteractionId interaction, String candidate) {
        own(agent, interaction);
        media.candidate(interaction, Party.ADVISOR, candidate);
    }

    /** The advisor reconnects a call whose media failed: the customer's page offers again (the console does too). */
    void retryMedia(AgentId agent, InteractionId interaction) {
        own(agent, interaction);
        media.retry(interaction);
    }

    void hold(AgentId agent, InteractionId interaction, boolean onHold) {
        own(agent, interaction);
        media.hold(interaction, onHold);
        events.publish(new CallHeld(clock.instant(), interaction, onHold));
    }

    /** Mute: the customer stops hearing the advisor (the relay drops the advisor's audio) and the recording says so. */
    void mute(AgentId agent, InteractionId interaction, boolean muted) {
        own(agent, interaction);
        media.muteAdvisor(interaction, muted);
        events.publish(new CallMuted(clock.instant(), interaction, agent, muted));
    }

    void hangUp(AgentId agent, InteractionId interaction) {
        if (!desks.of(agent).holds(interaction)) {
            return; // the other side already hung up: nothing left to end
        }
        routing.complete(interaction, InteractionEnded.EndedBy.ADVISOR);
    }

    void transfer(AgentId agent, InteractionId interaction, String queue, String toAdvisor) {
        own(agent, interaction);
        if (toAdvisor != null && !toAdvisor.isBlank()) {
            routing.transferToAdvisor(interaction, AgentId.of(toAdvisor));
        } else if (queue != null && !queue.isBlank()) {
            routing.transferToQueue(interaction, QueueId.of(queue));
        } else {
            throw Refusal.of("transfer.target-required", "transfer needs a queue or an advisor");
        }
    }

    /**
     * The wrap-up of one ended interaction ({@code interaction}, else the oldest waiting): a code of its queue and
     * notes (required too when the queue requires the wrap-up). Refusals name the field.
     */
    void wrapUp(AgentId agent, String interaction, String code, String notes) {
        AdvisorDesk desk = desks.of(agent);
        InteractionId id = interaction == null || interaction.isBlank() ? desk.awaitingWrapUp().orElse(null) : InteractionId.of(interaction);
        String cleanCode = code == null ? "" : code.strip();
        String cleanNotes = InputLimits.check("notes", notes == null ? "" : notes.strip(), InputLimits.NOTES);
        WrapUpRules.Rules rules = id == null ? new WrapUpRules.Rules(WrapUpRules.DEFAULT_CODES, false) : rulesOf(id);
        if (cleanCode.isEmpty()) {
            throw Refusal.of("wrapup.code-required", "choose a wrap-up code", "field", "code");
        }
        if (!rules.allows(cleanCode)) {
            throw Refusal.of("wrapup.unknown-code", "code '" + cleanCode + "' is not a wrap-up code of this queue ("
                    + rules.codes().stream().map(WrapUpRules.Code::code).toList() + ")", "field", "code", "code", cleanCode);
        }
        if (rules.required() && cleanNotes.isEmpty()) {
            throw Refusal.of("wrapup.notes-required", "this queue requires wrap-up notes", "field", "notes");
        }
        if (id != null && !desk.awaitsWrapUp(id)) {
            throw Refusal.of("wrapup.not-waiting", "interaction " + id + " is not waiting for a wrap-up",
                    "field", "interactionId", "interaction", id);
        }
        // under the desk's wrap-up lock and before routing reports Ready: the hold for a required wrap-up
        // (run on a worker when WRAP_UP ends) must see this wrap-up as given, or it leaves the advisor Not ready
        desk.wrapUpLock().lock();
        try {
            if (id != null) {
                desk.wrappedUp(id, cleanCode, cleanNotes);
            }
            routing.finishWrapUp(agent, Optional.ofNullable(id), cleanCode, cleanNotes);
        } finally {
            desk.wrapUpLock().unlock();
        }
    }

    /** Ready is refused while an interaction of a queue that requires its wrap-up waits for one. */
    private void requiredWrapUpsDone(AgentId agent) {
        for (InteractionId id : desks.of(agent).wrapUps()) {
            if (rulesOf(id).required()) {
                throw Refusal.of("wrapup.required", "interaction " + id + " needs its wrap-up code and notes before Ready",
                        "field", "code", "interaction", id);
            }
        }
    }

    /** The wrap-up time ran out while a queue still requires a wrap-up: the advisor waits Not ready, not Ready. */
    private void holdForRequiredWrapUp(AgentId agent) {
        AdvisorDesk desk = desks.of(agent);
        desk.wrapUpLock().lock();
        try {
            requiredWrapUpsDone(agent);
        } catch (Refusal required) {
            try {
                routing.notReady(agent, "wrap-up");
            } catch (IllegalStateException | IllegalArgumentException moved) {
                // already offered or busy again: nothing to hold
            }
        } finally {
            desk.wrapUpLock().unlock();
        }
    }

    private AgentMessages.WrapUp wrapUpOf(InteractionId id) {
        WrapUpRules.Rules rules = rulesOf(id);
        return new AgentMessages.WrapUp(id.value(), rules.codes().stream()
                .map(c -> new AgentMessages.WrapUpCode(c.code(), c.label())).toList(), rules.required());
    }

    /** The rules of the queue the interaction was last in (routing keeps ended interactions for a while). */
    private WrapUpRules.Rules rulesOf(InteractionId id) {
        return routing.interaction(id).map(v -> v.queue()).or(() -> catalog.known(id).map(Interaction::queue))
                .map(wrapUpRules::of).orElse(new WrapUpRules.Rules(WrapUpRules.DEFAULT_CODES, false));
    }

    AgentMessages.Desk deskMessage(WebUser user, AdvisorDesk desk) {
        AgentId agent = desk.agent();
        Optional<AdvisorStats> stats = stats(agent);
        AgentMessages.Presence presence = stats
                .map(s -> new AgentMessages.Presence(s.state().name(), s.reason().orElse(""), clock.instant().minus(s.timeInState())))
                .orElse(new AgentMessages.Presence(AdvisorState.LOGGED_OUT.name(), "", clock.instant()));
        List<AgentMessages.Offer> offers = new ArrayList<>();
        Instant now = clock.instant();
        desk.offers().forEach((id, expires) -> {
            if (expires.isAfter(now)) { // an offer that ran out while the console was away is not shown
                catalog.find(id).ifPresent(i -> offers.add(offer(i, expires)));
            }
        });
        List<AgentMessages.Connected> active = new ArrayList<>();
        desk.active().forEach((id, since) -> catalog.find(id).ifPresent(i ->
                active.add(new AgentMessages.Connected(AgentMessages.CustomerContext.of(i, catalog.transcript(i)), since))));
        List<String> queues = routing.queues().stream().map(QueueConfig::id).map(QueueId::value).sorted().toList();
        List<AgentMessages.Colleague> colleagues = routing.advisors().stream().filter(a -> !a.id().equals(agent))
                .map(a -> new AgentMessages.Colleague(a.id().value(), a.displayName())).toList();
        List<AgentMessages.WrapUp> wrapUps = desk.wrapUps().stream().map(this::wrapUpOf).toList();
        return new AgentMessages.Desk("desk", agent.value(), user.displayName(), node, presence, offers, active,
                desk.today(), queues, colleagues, !wrapUps.isEmpty(), wrapUps);
    }

    private void restoreFromRouting(AdvisorDesk desk, Optional<AdvisorStats> stats) {
        stats.ifPresent(s -> {
            s.offer().filter(id -> !desk.offers().containsKey(id))
                    .ifPresent(id -> desk.offered(id, clock.instant().plusSeconds(10)));
            for (InteractionId id : s.current()) {
                if (!desk.holds(id)) {
                    catalog.find(id).ifPresent(i ->
                        desk.connected(id, clock.instant(), i.customer().displayName(), i.channel().name(), i.queue().value()));
                }
            }
        });
    }

    private void onOffered(AdvisorOffered e) {
        desks.find(e.advisor()).ifPresent(desk -> workers.run("offer " + e.interaction(), () ->
                catalog.find(e.interaction()).ifPresent(i -> {
                    desk.offered(e.interaction(), e.expiresAt());
                    if (desk.present()) {
                        desk.send(offer(i, e.expiresAt()));
                    } else if (!deskPhones.registered(e.advisor())) {
                        withdraw(desk, e.interaction());
                    }
                })));
    }

    private void onAccepted(OfferAccepted e) {
        desks.find(e.advisor()).ifPresent(desk -> workers.run("connect " + e.interaction(), () ->
                catalog.find(e.interaction()).ifPresent(i -> {
                    desk.connected(i.id(), e.at(), i.customer().displayName(), i.channel().name(), i.queue().value());
                    desk.send(new AgentMessages.Connected(AgentMessages.CustomerContext.of(i, catalog.transcript(i)), e.at()));
                    // an end marked before this connect, unless it was an earlier advisor's (a transfer to this one)
                    endsBeforeConnect.take(i.id()).filter(end -> !connectedTo(i.id(), e.advisor()))
                            .ifPresent(end -> ended(i.id(), end.endedBy(), end.at()));
                })));
    }

    private boolean connectedTo(InteractionId interaction, AgentId advisor) {
        return routing.interaction(interaction).filter(v -> v.status() == InteractionStatus.CONNECTED)
                .flatMap(InteractionView::advisor).filter(advisor::equals).isPresent();
    }

    /**
     * A call that was connected ended (or was transferred away). When no desk held it yet, its end is marked for the
     * desk's connect to find; then the desks are looked at again, in case the connect came between (see
     * {@link EndsBeforeConnect}).
     */
    private void connectedCallEnded(InteractionId interaction, String endedBy, Instant at) {
        if (ended(interaction, endedBy, at)) {
            return;
        }
        endsBeforeConnect.mark(interaction, new EndsBeforeConnect.End(endedBy, at));
        if (ended(interaction, endedBy, at)) {
            endsBeforeConnect.take(interaction);
        }
    }

    private void onChat(ChatMessagePosted e) {
        for (AdvisorDesk desk : desks.all()) {
            for (Map.Entry<InteractionId, Instant> held : desk.active().entrySet()) {
                catalog.known(held.getKey()).filter(i -> i.conversation().equals(e.conversation())).ifPresent(i ->
                        desk.send(new AgentMessages.Chat("chat", i.id().value(), e.speaker().name(), e.text(), e.at())));
            }
        }
    }

    /**
     * Tells the desk that held the call that it ended, and any desk it was offered to that the offer is gone; answers
     * whether a desk held it.
     */
    private boolean ended(InteractionId interaction, String endedBy, Instant at) {
        boolean held = false;
        for (AdvisorDesk desk : desks.all()) {
            if (desk.ended(interaction, at)) {
                held = true;
                desk.send(new AgentMessages.Ended(interaction.value(), endedBy, wrapUpOf(interaction)));
            }
            if (desk.offerGone(interaction)) {
                desk.send(new AgentMessages.OfferGone(interaction.value(), endedBy));
            }
        }
        return held;
    }

    private AgentMessages.Offer offer(Interaction i, Instant expiresAt) {
        long left = Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
        return new AgentMessages.Offer(AgentMessages.CustomerContext.of(i, catalog.transcript(i)), expiresAt, left);
    }

    private Interaction own(AgentId agent, InteractionId interaction) {
        if (!desks.of(agent).holds(interaction)) {
            throw Refusal.of("interaction.not-connected", "interaction " + interaction + " is not connected to advisor " + agent,
                    "interaction", interaction);
        }
        return catalog.find(interaction).orElseThrow(() -> Refusal.of("interaction.not-connected",
                "unknown interaction " + interaction, "interaction", interaction));
    }

    private Optional<AdvisorStats> stats(AgentId agent) {
        return routing.advisorStats().stream().filter(s -> s.advisor().equals(agent)).findFirst();
    }

    String displayName(AgentId agent) {
        return users.findAdvisor(agent).map(WebUser::displayName).orElse(agent.value());
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
