package org.mvtm.sip.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallRouting;

/**
 * A small but real routing for tests: one queue of waiting interactions; {@link #offer} reserves an advisor and
 * publishes {@code AdvisorOffered}; accept/decline move the advisor between RESERVED, BUSY and AVAILABLE exactly
 * like the routing engine promises, so tests can assert that no advisor stays RESERVED.
 */
public final class RecordingRouting implements CallRouting {
    private final EventBus bus;
    private final Clock clock;
    public final List<Interaction> enqueued = new CopyOnWriteArrayList<>();
    public final List<InteractionId> abandoned = new CopyOnWriteArrayList<>();
    public final List<OfferDeclined> declined = new CopyOnWriteArrayList<>();
    public final List<InteractionEnded> ended = new CopyOnWriteArrayList<>();
    public final Map<AgentId, AdvisorState> advisors = new ConcurrentHashMap<>();
    private final Map<InteractionId, AgentId> reserved = new ConcurrentHashMap<>();
    private final Map<InteractionId, AgentId> connected = new ConcurrentHashMap<>();
    /** If set, every enqueued interaction is offered to this advisor at once. */
    public volatile AgentId autoOfferTo;
    /** How long accept takes to confirm (a routing engine waiting on a loaded Redis). */
    public volatile Duration acceptDelay = Duration.ZERO;
    /** Interactions routing holds besides those enqueued here (another node's, in a cluster). */
    public final Map<InteractionId, Interaction> held = new ConcurrentHashMap<>();

    public RecordingRouting(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public Optional<Interaction> interaction(InteractionId id) {
        return enqueued.stream().filter(i -> i.id().equals(id)).findFirst().or(() -> Optional.ofNullable(held.get(id)));
    }

    @Override
    public void enqueue(Interaction interaction) {
        enqueued.add(interaction);
        AgentId a = autoOfferTo;
        if (a != null) {
            offer(interaction.id(), a, clock.instant().plusSeconds(30));
        }
    }

    public void offer(InteractionId id, AgentId advisor, Instant expiresAt) {
        advisors.put(advisor, AdvisorState.RESERVED);
        reserved.put(id, advisor);
        bus.publish(new AdvisorOffered(clock.instant(), id, advisor, expiresAt));
    }

    /** A web-console advisor accepts through routing directly. */
    public void acceptFromWeb(InteractionId id, AgentId advisor) {
        accept(id, advisor);
    }

    @Override
    public void abandon(InteractionId interaction) {
        abandoned.add(interaction);
        AgentId a = reserved.remove(interaction);
        if (a != null) {
            advisors.put(a, AdvisorState.READY);
        }
        bus.publish(new InteractionAbandoned(clock.instant(), interaction, java.time.Duration.ZERO));
    }

    @Override
    public void complete(InteractionId interaction, InteractionEnded.EndedBy endedBy) {
        AgentId a = connected.remove(interaction);
        if (a == null) {
            if (!abandoned.contains(interaction) && ended.stream().noneMatch(e -> e.interaction().equals(interaction))) {
                abandon(interaction); // still waiting
            }
            return; // an interaction ends once
        }
        advisors.put(a, AdvisorState.WRAP_UP);
        InteractionEnded e = new InteractionEnded(clock.instant(), interaction, endedBy);
        ended.add(e);
        bus.publish(e);
    }

    @Override
    public boolean accept(InteractionId interaction, AgentId advisor) {
        if (!acceptDelay.isZero()) {
            try {
                Thread.sleep(acceptDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!advisor.equals(reserved.get(interaction))) {
            return false;
        }
        reserved.remove(interaction);
        connected.put(interaction, advisor);
        advisors.put(advisor, AdvisorState.BUSY);
        bus.publish(new OfferAccepted(clock.instant(), interaction, advisor));
        return true;
    }

    @Override
    public void decline(InteractionId interaction, AgentId advisor, OfferDeclined.Cause cause) {
        OfferDeclined e = new OfferDeclined(clock.instant(), interaction, advisor, cause);
        declined.add(e);
        reserved.remove(interaction, advisor);
        advisors.put(advisor, AdvisorState.READY);
        bus.publish(e);
    }
}
