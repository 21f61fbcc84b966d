package org.mvtm.routing.store;

import static org.mvtm.routing.api.InteractionStatus.ABANDONED;
import static org.mvtm.routing.api.InteractionStatus.CONNECTED;
import static org.mvtm.routing.api.InteractionStatus.ENDED;
import static org.mvtm.routing.api.InteractionStatus.OFFERED;
import static org.mvtm.routing.api.InteractionStatus.QUEUED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AssignmentExplanation;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.state.InteractionTransitions;

/** The default store: plain maps behind one lock. Single node only. */
public final class InMemoryRoutingStore implements RoutingStore {
    private static final Set<InteractionStatus> COMPLETE_FROM = InteractionTransitions.TABLE.commandFrom(ENDED, CONNECTED);
    private static final Set<InteractionStatus> ABANDON_FROM = InteractionTransitions.TABLE.commandFrom(ABANDONED, QUEUED, OFFERED);
    private static final Set<InteractionStatus> TRANSFER_FROM = InteractionTransitions.TABLE.commandFrom(QUEUED, CONNECTED);
    private static final Set<InteractionStatus> MOVE_FROM = InteractionTransitions.TABLE.commandFrom(QUEUED, QUEUED);

    private final Map<AgentId, InMemoryAdvisor> advisors = new LinkedHashMap<>();
    private final Map<InteractionId, InMemoryInteraction> interactions = new HashMap<>();
    private final TreeMap<Long, InteractionId> waiting = new TreeMap<>();
    private final Map<QueueId, QueueTally> counters = new HashMap<>();
    private final Map<QueueId, AgentId> lastPicked = new HashMap<>();
    private final Map<String, Instant> nodes = new HashMap<>();
    private final Set<InteractionId> offered = new LinkedHashSet<>();
    private final FinishedInteractions history;
    private long seq;
    private long fence;

    public InMemoryRoutingStore() {
        this(100_000);
    }

    /** @param finishedRetention how many ended or abandoned interactions (with explanations) are kept for look-up */
    public InMemoryRoutingStore(int finishedRetention) {
        this.history = new FinishedInteractions(finishedRetention);
    }

    private void finished(InteractionId id) {
        history.finished(id).forEach(interactions::remove);
    }

    @Override
    public synchronized Outcome addAdvisor(Advisor advisor, Instant now) {
        if (advisors.containsKey(advisor.id())) {
            return Outcome.refused("advisor " + advisor.id() + " is already registered");
        }
        advisors.put(advisor.id(), InMemoryAdvisor.registered(advisor, now));
        return Outcome.done(advisor.id(), AdvisorState.LOGGED_OUT, AdvisorState.LOGGED_OUT, 0);
    }

    @Override
    public synchronized Outcome updateAdvisor(Advisor advisor) {
        InMemoryAdvisor a = advisors.get(advisor.id());
        if (a == null) {
            return Outcome.refused("unknown advisor " + advisor.id());
        }
        a.profile = advisor;
        return Outcome.done(0);
    }

    @Override
    public synchronized Optional<AdvisorRecord> advisor(AgentId id) {
        InMemoryAdvisor a = advisors.get(id);
        return a == null ? Optional.empty() : Optional.of(a.snapshot());
    }

    @Override
    public synchronized List<AdvisorRecord> advisors() {
        List<AdvisorRecord> out = new ArrayList<>(advisors.size());
        for (InMemoryAdvisor a : advisors.values()) {
            out.add(a.snapshot());
        }
        return out;
    }

    @Override
    public synchronized List<AdvisorRecord> offerableAdvisors(BiFunction<Advisor, Channel, Integer> capacity) {
        List<AdvisorRecord> out = new ArrayList<>();
        for (InMemoryAdvisor a : advisors.values()) {
            if (a.offerable(capacity)) {
                out.add(a.snapshot());
            }
        }
        return out;
    }

    @Override
    public synchronized void attach(AgentId id, String node) {
        InMemoryAdvisor a = advisors.get(id);
        if (a != null) {
            a.node = node;
        }
    }

    @Override
    public synchronized void detach(AgentId id, String node) {
        InMemoryAdvisor a = advisors.get(id);
        if (a != null && node.equals(a.node)) {
            a.node = null;
        }
    }

    @Override
    public synchronized Outcome changeState(AgentId id, AdvisorState to, Set<AdvisorState> allowedFrom, String reason, Instant now) {
        InMemoryAdvisor a = advisors.get(id);
        if (a == null) {
            return Outcome.refused("unknown advisor " + id);
        }
        if (!allowedFrom.contains(a.state)) {
            return new Outcome(false, "state", id, a.state, to, 0);
        }
        AdvisorState from = a.moveTo(to, reason, now);
        return Outcome.done(id, from, to, 0);
    }

    @Override
    public synchronized Outcome endWrapUp(AgentId id, Instant now) {
        InMemoryAdvisor a = advisors.get(id);
        if (a == null || !a.wrapUpOver(now)) {
            return Outcome.refused("not in a finished wrap-up");
        }
        a.moveTo(AdvisorState.READY, "", now);
        return Outcome.done(id, AdvisorState.WRAP_UP, AdvisorState.READY, 0);
    }

    @Override
    public synchronized List<AgentId> dueWrapUps(Instant now) {
        List<AgentId> due = new ArrayList<>();
        for (InMemoryAdvisor a : advisors.values()) {
            if (a.wrapUpOver(now)) {
                due.add(a.profile.id());
            }
        }
        return due;
    }

    @Override
    public synchronized Outcome enqueue(Interaction interaction, Optional<AgentId> pinned, Instant now) {
        if (interactions.containsKey(interaction.id())) {
            return Outcome.refused("interaction " + interaction.id() + " was already enqueued");
        }
        InMemoryInteraction ix = new InMemoryInteraction(interaction, now);
        ix.queue = interaction.queue();
        ix.enqueuedAt = now;
        ix.pinned = pinned.orElse(null);
        ix.seq = ++seq;
        interactions.put(interaction.id(), ix);
        waiting.put(ix.seq, interaction.id());
        tally(ix.queue).offered++;
        return Outcome.done(ix.seq);
    }

    @Override
    public synchronized Outcome unpin(InteractionId id) {
        InMemoryInteraction ix = interactions.get(id);
        if (ix == null || ix.status != QUEUED || ix.pinned == null) {
            return Outcome.refused("interaction " + id + " is not waiting for one advisor");
        }
        ix.pinned = null;
        return Outcome.done(ix.seq);
    }

    @Override
    public synchronized Optional<InteractionRecord> interaction(InteractionId id) {
        InMemoryInteraction ix = interactions.get(id);
        return ix == null ? Optional.empty() : Optional.of(ix.snapshot());
    }

    @Override
    public synchronized int waitingCount(QueueId queue) {
        int n = 0;
        for (InteractionId id : waiting.values()) {
            if (interactions.get(id).queue.equals(queue)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized List<InteractionRecord> waiting(int window) {
        List<InteractionRecord> out = new ArrayList<>(Math.min(window, waiting.size()));
        for (InteractionId id : waiting.values()) {
            if (out.size() >= window) {
                break;
            }
            out.add(interactions.get(id).snapshot());
        }
        return out;
    }

    @Override
    public synchronized Outcome reserve(InteractionId id, AgentId advisor, int capacity, String node, Instant now, Instant leaseUntil) {
        InMemoryInteraction ix = interactions.get(id);
        InMemoryAdvisor a = advisors.get(advisor);
        if (ix == null || ix.status != QUEUED) {
            return Outcome.refused("interaction " + id + " is no longer queued");
        }
        if (a == null || a.offer != null || (a.state != AdvisorState.READY && a.state != AdvisorState.BUSY)
                || !Capacity.hasRoom(a.load, ix.interaction.channel(), capacity)) {
            return Outcome.refused("advisor " + advisor + " is no longer available");
        }
        ix.moveTo(OFFERED);
        ix.advisor = advisor;
        ix.token = ++fence;
        ix.offerNode = node;
        ix.leaseUntil = leaseUntil;
        waiting.remove(ix.seq);
        offered.add(id);
        a.offer = id;
        AdvisorState from = a.state;
        if (from == AdvisorState.READY) {
            a.moveTo(AdvisorState.RESERVED, "", now);
        }
        return Outcome.done(advisor, from, a.state, ix.token);
    }

    /** The refusal of a command on an unknown interaction or one in no status the command runs from; null if it may run. */
    private Outcome checkStatus(InteractionId id, Set<InteractionStatus> from, InteractionStatus target) {
        InMemoryInteraction ix = interactions.get(id);
        if (ix == null) {
            return Outcome.refused("unknown interaction " + id);
        }
        if (!from.contains(ix.status)) {
            return Outcome.refused(InteractionTransitions.illegal(id, ix.status, target));
        }
        return null;
    }

    private Outcome checkOffer(InteractionId id, AgentId advisor, long token, InteractionStatus target) {
        Outcome refusal = checkStatus(id, Set.of(OFFERED), target);
        if (refusal != null) {
            return refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        if (!advisor.equals(ix.advisor) || ix.token != token) {
            return Outcome.refused("interaction " + id + " is offered to " + ix.advisor + " (token " + ix.token
                    + "), not to " + advisor + " (token " + token + ")");
        }
        return null;
    }

    @Override
    public synchronized Outcome accept(InteractionId id, AgentId advisor, long token, long slaMillis, Instant now) {
        Outcome refusal = checkOffer(id, advisor, token, CONNECTED);
        if (refusal != null) {
            return refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        InMemoryAdvisor a = advisors.get(advisor);
        ix.moveTo(CONNECTED);
        offered.remove(id);
        ix.answeredAt = now;
        ix.leaseUntil = null;
        ix.pinned = null;
        a.offer = null;
        a.active.add(id);
        a.load.merge(ix.interaction.channel(), 1, Integer::sum);
        AdvisorState from = a.state;
        if (from != AdvisorState.BUSY) {
            a.moveTo(AdvisorState.BUSY, "", now);
        }
        long wait = Math.max(0, Duration.between(ix.enqueuedAt, now).toMillis());
        QueueTally t = tally(ix.queue);
        t.answered++;
        t.waitSum += wait;
        if (wait <= slaMillis) {
            t.within++;
        }
        return Outcome.done(advisor, from, AdvisorState.BUSY, wait);
    }

    @Override
    public synchronized Outcome decline(InteractionId id, AgentId advisor, long token, AdvisorState advisorNext, String reason, Instant now) {
        Outcome refusal = checkOffer(id, advisor, token, QUEUED);
        if (refusal != null) {
            return refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        ix.declined.put(advisor, now);
        return requeueOffer(ix, advisorNext, reason, now);
    }

    private Outcome requeueOffer(InMemoryInteraction ix, AdvisorState advisorNext, String reason, Instant now) {
        AgentId advisor = ix.advisor;
        InMemoryAdvisor a = advisors.get(advisor);
        ix.moveTo(QUEUED);
        offered.remove(ix.interaction.id());
        ix.advisor = null;
        ix.offerNode = null;
        ix.leaseUntil = null;
        waiting.put(ix.seq, ix.interaction.id());
        AdvisorState from = a.state;
        if (a.offer != null && a.offer.equals(ix.interaction.id())) {
            a.offer = null;
        }
        if (from == AdvisorState.RESERVED) {
            a.moveTo(advisorNext, reason, now);
        }
        return Outcome.done(advisor, from, a.state, ix.token);
    }

    @Override
    public synchronized List<InteractionId> expiredLeases(Instant now) {
        List<InteractionId> out = new ArrayList<>();
        for (InteractionId oid : offered) {
            InMemoryInteraction ix = interactions.get(oid);
            if (ix.status == OFFERED && ix.leaseUntil != null && !ix.leaseUntil.isAfter(now)) {
                out.add(ix.interaction.id());
            }
        }
        return out;
    }

    @Override
    public synchronized Outcome expireLease(InteractionId id, Instant now) {
        InMemoryInteraction ix = interactions.get(id);
        if (ix == null || ix.status != OFFERED || ix.leaseUntil == null || ix.leaseUntil.isAfter(now)) {
            return Outcome.refused("lease of " + id + " has not expired");
        }
        return requeueOffer(ix, AdvisorState.NOT_READY, "offer lease expired", now);
    }

    @Override
    public synchronized void renewLeases(Map<InteractionId, Long> tokens, Instant until) {
        tokens.forEach((id, token) -> {
            InMemoryInteraction ix = interactions.get(id);
            if (ix != null && ix.status == OFFERED && ix.token == token) {
                ix.leaseUntil = until;
            }
        });
    }

    private Outcome releaseAdvisor(InMemoryInteraction ix, Instant now, Instant wrapUntil) {
        InMemoryAdvisor a = advisors.get(ix.advisor);
        a.active.remove(ix.interaction.id());
        a.load.merge(ix.interaction.channel(), -1, Integer::sum);
        QueueTally t = tally(ix.queue);
        t.completed++;
        t.handleSum += Math.max(0, Duration.between(ix.answeredAt, now).toMillis());
        AdvisorState from = a.state;
        if (a.active.isEmpty() && from == AdvisorState.BUSY) {
            a.moveTo(AdvisorState.WRAP_UP, "", now);
            a.wrapUntil = wrapUntil;
        }
        return Outcome.done(ix.advisor, from, a.state, 0);
    }

    @Override
    public synchronized Outcome complete(InteractionId id, Instant now, Instant wrapUntil) {
        Outcome refusal = checkStatus(id, COMPLETE_FROM, ENDED);
        if (refusal != null) {
            return refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        ix.moveTo(ENDED);
        Outcome out = releaseAdvisor(ix, now, wrapUntil);
        finished(id);
        return out;
    }

    @Override
    public synchronized Outcome abandon(InteractionId id, Instant now) {
        Outcome refusal = checkStatus(id, ABANDON_FROM, ABANDONED);
        if (refusal != null) {
            return refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        long waited = Math.max(0, Duration.between(ix.enqueuedAt, now).toMillis());
        tally(ix.queue).abandoned++;
        Outcome out = Outcome.done(waited);
        if (ix.status == OFFERED) {
            InMemoryAdvisor a = advisors.get(ix.advisor);
            AdvisorState from = a.state;
            if (id.equals(a.offer)) {
                a.offer = null;
            }
            if (from == AdvisorState.RESERVED) {
                a.moveTo(AdvisorState.READY, "", now);
            }
            out = Outcome.done(ix.advisor, from, a.state, waited);
        } else {
            waiting.remove(ix.seq);
        }
        ix.moveTo(ABANDONED);
        offered.remove(id);
        ix.leaseUntil = null;
        finished(id);
        return out;
    }

    @Override
    public synchronized Outcome transfer(InteractionId id, QueueId queue, Optional<AgentId> pinned, Instant now, Instant wrapUntil) {
        Outcome refusal = checkStatus(id, TRANSFER_FROM, QUEUED);
        if (refusal != null) {
            return refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        Outcome released = releaseAdvisor(ix, now, wrapUntil);
        ix.moveTo(QUEUED);
        ix.advisor = null;
        ix.answeredAt = null;
        ix.queue = queue;
        ix.enqueuedAt = now;
        ix.pinned = pinned.orElse(null);
        ix.declined.clear();
        ix.seq = ++seq;
        waiting.put(ix.seq, id);
        tally(queue).offered++;
        return released;
    }

    @Override
    public synchronized Outcome move(InteractionId id, QueueId queue, Instant now) {
        Outcome refusal = checkStatus(id, MOVE_FROM, QUEUED);
        if (refusal != null) {
            return interactions.containsKey(id) ? Outcome.refused(refusal.failure() + " in another queue") : refusal;
        }
        InMemoryInteraction ix = interactions.get(id);
        ix.moveTo(QUEUED);
        ix.queue = queue;
        ix.enqueuedAt = now;
        ix.pinned = null;
        tally(queue).offered++;
        return Outcome.done(ix.seq);
    }

    @Override
    public synchronized void addExplanation(AssignmentExplanation explanation) {
        history.explain(explanation);
    }

    @Override
    public synchronized List<AssignmentExplanation> explanations(InteractionId id) {
        return history.explanations(id);
    }

    private QueueTally tally(QueueId q) {
        return counters.computeIfAbsent(q, k -> new QueueTally());
    }

    @Override
    public synchronized QueueCounters counters(QueueId queue) {
        QueueTally t = counters.get(queue);
        return t == null ? QueueCounters.ZERO : t.snapshot();
    }

    @Override
    public synchronized Optional<AgentId> lastPicked(QueueId queue) {
        return Optional.ofNullable(lastPicked.get(queue));
    }

    @Override
    public synchronized void setLastPicked(QueueId queue, AgentId advisor) {
        lastPicked.put(queue, advisor);
    }

    @Override
    public synchronized void heartbeat(String node, Instant now) {
        nodes.put(node, now);
    }

    @Override
    public synchronized Map<String, Instant> nodes() {
        return Map.copyOf(nodes);
    }

    @Override
    public void close() {
        // nothing held
    }
}
