package org.mvtm.web.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.ColleagueInvited;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.security.CallRefused;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Three-way calls and consults: the advisor of a connected call invites a colleague (another advisor); the colleague's
 * console sees the invitation and joins with its own media leg, connected to the advisor's and the customer's, so
 * each of the three hears the two others (the relay mixes G.711 or Opus); the colleague leaves when done. A consult is the
 * same with the customer on hold (music, hears nobody): the advisor then transfers the call to the colleague, and
 * when the colleague accepts it the customer is resumed, now talking to the colleague; or the colleague leaves and
 * the advisor resumes. The recording taps the colleague's leg like every leg; the join and the leave are
 * {@link CallParticipation} events (the recording's timeline: who, role, when).
 */
@Component
public class ConferenceCalls implements DisposableBean {
    private final RoutingEngine routing;
    private final BrowserCallLegs media;
    private final Clock clock;
    /** Invitations by invited colleague. */
    private final Map<AgentId, Invitation> invitations = new ConcurrentHashMap<>();
    /** Calls whose customer is on hold, and those a colleague joined (a consult when both). */
    private final Set<InteractionId> held = ConcurrentHashMap.newKeySet();
    private final Set<InteractionId> joined = ConcurrentHashMap.newKeySet();
    private final EventBus events;
    private final List<EventBus.Subscription> subscriptions;

    public ConferenceCalls(RoutingEngine routing, BrowserCallLegs media, Clock clock, EventBus events, WebWorkers workers) {
        this.routing = routing;
        this.media = media;
        this.clock = clock;
        this.events = events;
        this.subscriptions = List.of(
                events.subscribe(CallHeld.class, e -> {
                    if (e.held()) {
                        held.add(e.interaction());
                    } else {
                        held.remove(e.interaction());
                    }
                }),
                events.subscribe(OfferAccepted.class, e -> {
                    if (joined.remove(e.interaction()) && held.contains(e.interaction())) {
                        workers.run("resume after consult " + e.interaction(), () -> resume(e.interaction()));
                    }
                }),
                events.subscribe(InteractionEnded.class, e -> forget(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> forget(e.interaction())));
    }

    /** The colleague took over the consulted call: the customer hears them now. */
    private void resume(InteractionId interaction) {
        media.hold(interaction, false);
        events.publish(new CallHeld(clock.instant(), interaction, false, CallHeld.By.ADVISOR));
    }

    private void forget(InteractionId interaction) {
        held.remove(interaction);
        joined.remove(interaction);
        invitations.values().removeIf(i -> i.interactionId().equals(interaction.value()));
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }

    /** An invitation as the colleague's console shows it. */
    public record Invitation(String interactionId, String from, String customerName, String channel, Instant at) {
    }

    void invite(AgentId advisor, InteractionId interaction, AgentId colleague) {
        InteractionView call = connected(interaction);
        if (!call.advisor().map(advisor::equals).orElse(false)) {
            throw CallRefused.forbidden(
                    "interaction " + interaction.value() + " is not connected with " + advisor.value());
        }
        if (colleague.equals(advisor)) {
            throw new IllegalArgumentException("invite a colleague, not yourself");
        }
        if (routing.advisors().stream().noneMatch(a -> a.id().equals(colleague))) {
            throw new IllegalArgumentException("no advisor " + colleague.value());
        }
        invitations.put(colleague, new Invitation(interaction.value(), advisor.value(),
                call.interaction().customer().displayName(), call.interaction().channel().name(), clock.instant()));
        events.publish(new ColleagueInvited(clock.instant(), interaction, advisor, colleague)); // rings a desk phone
    }

    List<Invitation> invitationsFor(AgentId colleague) {
        Invitation i = invitations.get(colleague);
        if (i == null || routing.interaction(InteractionId.of(i.interactionId()))
                .filter(v -> v.status() == InteractionStatus.CONNECTED).isEmpty()) {
            invitations.remove(colleague);
            return List.of();
        }
        return List.of(i);
    }

    BrowserCallLegs.Answer join(AgentId colleague, InteractionId interaction, String sdpOffer) {
        Invitation i = invitations.get(colleague);
        if (i == null || !i.interactionId().equals(interaction.value())) {
            throw CallRefused.forbidden(colleague.value() + " was not invited to " + interaction.value());
        }
        connected(interaction);
        if (sdpOffer == null || sdpOffer.isBlank()) {
            throw new IllegalArgumentException("sdp: the browser's offer is required");
        }
        boolean rejoin = media.hasColleague(interaction, colleague.value());
        BrowserCallLegs.Answer answer = media.addColleague(interaction, colleague.value(), sdpOffer);
        joined.add(interaction);
        if (!rejoin) {
            events.publish(new CallParticipation(clock.instant(), interaction, colleague.value(),
                    CallParticipation.Role.COLLEAGUE, CallParticipation.WEB, true));
        }
        return answer;
    }

    void leave(AgentId colleague, InteractionId interaction) {
        invitations.remove(colleague);
        if (media.removeColleague(interaction, colleague.value())) {
            events.publish(new CallParticipation(clock.instant(), interaction, colleague.value(),
                    CallParticipation.Role.COLLEAGUE, CallParticipation.WEB, false));
        }
    }

    private InteractionView connected(InteractionId interaction) {
        InteractionView call = routing.interaction(interaction)
                .filter(v -> v.status() == InteractionStatus.CONNECTED)
                .orElseThrow(() -> CallRefused.notFound("no connected call " + interaction.value()));
        if (!call.interaction().channel().hasMedia()) {
            throw CallRefused.notFound("interaction " + interaction.value() + " is a chat, not a call");
        }
        return call;
    }
}
