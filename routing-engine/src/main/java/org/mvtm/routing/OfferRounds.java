package org.mvtm.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Refusal;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.SelectionStrategy;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.routing.match.AdvisorSelector;
import org.mvtm.routing.match.Matcher;
import org.mvtm.routing.store.AdvisorRecord;
import org.mvtm.routing.store.Capacity;
import org.mvtm.routing.store.InteractionRecord;
import org.mvtm.routing.store.Outcome;
import org.mvtm.routing.store.RoutingStore;

/**
 * Offers and their clocks: a matching round reserves waiting customers for routable advisors and makes the offers;
 * the timer tick keeps this node's heartbeat and offer leases alive, declines offers nobody answered, takes back
 * reservations whose node died and ends wrap-ups that ran out. The offers this node made are held here with their
 * fencing tokens.
 */
final class OfferRounds {
    private record Held(AgentId advisor, long token, Instant expiresAt) {
    }

    /** What the rounds need from the engine. */
    interface Engine {
        int capacity(Advisor advisor, Channel channel);

        void requestRound();

        boolean closed();
    }

    private final RoutingStore store;
    private final String node;
    private final RoutingConfig config;
    private final Clock clock;
    private final EventBus events;
    private final boolean allLocal;
    private final Map<QueueId, QueueConfig> queues;
    private final Supplier<TierWeights> tierWeights;
    private final PresenceEvents presence;
    private final Engine engine;
    private final Matcher matcher;
    private final Map<InteractionId, Held> held = new ConcurrentHashMap<>();
    /** Customers enqueued here for one booked advisor, until when they wait for that advisor only. */
    private final Map<InteractionId, Instant> pinnedUntil = new ConcurrentHashMap<>();

    OfferRounds(RoutingStore store, String node, RoutingConfig config, Clock clock, EventBus events, boolean allLocal,
            Map<QueueId, QueueConfig> queues, Supplier<TierWeights> tierWeights, PresenceEvents presence, Engine engine) {
        this.store = store;
        this.node = node;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.allLocal = allLocal;
        this.queues = queues;
        this.tierWeights = tierWeights;
        this.presence = presence;
        this.engine = engine;
        this.matcher = new Matcher(new AdvisorSelector((a, c) -> engine.capacity(a.profile(), c)));
    }

    /** The offer this node or another made for the interaction to this advisor, or a refusal if there is none. */
    long tokenFor(InteractionId interaction, AgentId advisor, InteractionRecord r) {
        Held h = held.get(interaction);
        if (h != null && h.advisor().equals(advisor)) {
            return h.token();
        }
        if (r.status() != InteractionStatus.OFFERED || r.advisor().filter(advisor::equals).isEmpty()) {
            throw Refusal.of("offer.gone", "interaction " + interaction + " is " + r.status()
                    + r.advisor().map(a -> " with advisor " + a).orElse("") + ", not offered to advisor " + advisor,
                    "interaction", interaction);
        }
        return r.token();
    }

    /** From {@code until} on, the customer enqueued for one advisor may go to any advisor of the queue. */
    void pinUntil(InteractionId interaction, Instant until) {
        pinnedUntil.put(interaction, until);
    }

    /** The interaction left its offer (answered, abandoned): no timer runs for it any more. */
    void forget(InteractionId interaction) {
        held.remove(interaction);
    }

    /** Declines an offer: a rejection puts the advisor back to READY, no answer to NOT_READY; the customer waits again. */
    boolean decline(InteractionId interaction, AgentId advisor, long token, OfferDeclined.Cause cause) {
        Instant now = clock.instant();
        AdvisorState next = cause == OfferDeclined.Cause.REJECTED ? AdvisorState.READY : AdvisorState.NOT_READY;
        String reason = cause == OfferDeclined.Cause.REJECTED ? null : "no answer to offer";
        Outcome o = store.decline(interaction, advisor, token, next, reason, now);
        held.remove(interaction);
        if (!o.applied()) {
            if (cause == OfferDeclined.Cause.REJECTED) {
                throw new IllegalStateException("advisor " + advisor + " cannot reject: " + o.failure());
            }
            return false;
        }
        presence.publish(o, reason);
        events.publish(new OfferDeclined(now, interaction, advisor, cause));
        store.interaction(interaction).ifPresent(r -> events.publish(new InteractionQueued(now, r.interaction())));
        engine.requestRound();
        return true;
    }

    private boolean routable(AdvisorRecord a, Map<String, Instant> nodes, Instant now) {
        if ((a.state() != AdvisorState.READY && a.state() != AdvisorState.BUSY) || a.offer().isPresent()) {
            return false;
        }
        if (!Capacity.hasRoomForAny(a.load(), a.profile(), engine::capacity)) {
            return false;
        }
        if (allLocal) {
            return true;
        }
        if (a.node().isEmpty()) {
            return false;
        }
        if (a.node().get().equals(node)) {
            return true; // this node is alive by definition
        }
        Instant beat = nodes.get(a.node().get());
        return beat != null && Duration.between(beat, now).compareTo(config.nodeTimeout()) < 0;
    }

    void matchRound() {
        if (engine.closed()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Instant> nodes = allLocal ? Map.of() : store.nodes();
        List<AdvisorRecord> available = new ArrayList<>();
        for (AdvisorRecord a : store.offerableAdvisors(engine::capacity)) {
            if (routable(a, nodes, now)) {
                available.add(a);
            }
        }
        if (available.isEmpty()) {
            return;
        }
        List<InteractionRecord> waiting = store.waiting(config.matchWindow());
        if (waiting.isEmpty()) {
            return;
        }
        List<Matcher.Proposal> proposals =
                matcher.plan(waiting, available, queues::get, store::lastPicked, tierWeights.get(), now);
        boolean lostRace = false;
        for (Matcher.Proposal p : proposals) {
            AdvisorRecord a = p.advisor();
            if (!allLocal && !node.equals(a.node().orElse(null))) {
                continue; // the advisor's own node makes this offer from the same decision
            }
            InteractionId ix = p.interaction().interaction().id();
            int cap = engine.capacity(a.profile(), p.interaction().interaction().channel());
            Outcome o = store.reserve(ix, a.profile().id(), cap, node, now, now.plus(config.reservationLease()));
            if (!o.applied()) {
                lostRace = true;
                continue;
            }
            Instant expires = now.plus(p.queue().offerTimeout().orElse(config.offerTimeout()));
            held.put(ix, new Held(a.profile().id(), o.value(), expires));
            store.addExplanation(p.explanation());
            if (p.queue().strategy() == SelectionStrategy.ROUND_ROBIN) {
                store.setLastPicked(p.queue().id(), a.profile().id());
            }
            presence.publish(o, null);
            events.publish(new AdvisorOffered(now, ix, a.profile().id(), expires));
        }
        if (lostRace && !engine.closed()) {
            engine.requestRound();
        }
    }

    void timers() {
        if (engine.closed()) {
            return;
        }
        Instant now = clock.instant();
        store.heartbeat(node, now);
        Map<InteractionId, Long> tokens = new HashMap<>();
        List<Map.Entry<InteractionId, Held>> due = new ArrayList<>();
        for (Map.Entry<InteractionId, Held> e : held.entrySet()) {
            if (!e.getValue().expiresAt().isAfter(now)) {
                due.add(e);
            } else {
                tokens.put(e.getKey(), e.getValue().token());
            }
        }
        if (!tokens.isEmpty()) {
            store.renewLeases(tokens, now.plus(config.reservationLease()));
        }
        for (Map.Entry<InteractionId, Held> e : due) {
            decline(e.getKey(), e.getValue().advisor(), e.getValue().token(), OfferDeclined.Cause.NO_ANSWER);
        }
        expireLeases(store.expiredLeases(now), now);
        unpinDue(now);
        for (AgentId a : store.dueWrapUps(now)) {
            presence.publish(store.endWrapUp(a, now), null);
        }
        matchRound();
    }

    /** Booked customers whose advisor did not come free in time go back to the queue, in their place by arrival. */
    private void unpinDue(Instant now) {
        for (Map.Entry<InteractionId, Instant> e : pinnedUntil.entrySet()) {
            if (e.getValue().isAfter(now)) {
                continue;
            }
            pinnedUntil.remove(e.getKey());
            store.unpin(e.getKey()); // refused when the advisor took them meanwhile or they left: nothing to do
        }
    }

    private void expireLeases(Collection<InteractionId> expired, Instant now) {
        for (InteractionId id : expired) {
            Outcome o = store.expireLease(id, now);
            if (o.applied()) {
                held.remove(id);
                presence.publish(o, "offer lease expired");
                events.publish(new OfferDeclined(now, id, o.advisor(), OfferDeclined.Cause.UNREACHABLE));
                store.interaction(id).ifPresent(r -> events.publish(new InteractionQueued(now, r.interaction())));
            }
        }
    }
}
