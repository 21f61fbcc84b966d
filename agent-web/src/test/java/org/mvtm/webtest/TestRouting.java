package org.mvtm.webtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.AssignmentExplanation;
import org.mvtm.routing.api.CandidateScore;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RoutingEngine;

/**
 * A small single-node routing engine for the web tier's tests, used until the routing-engine module ships its
 * in-memory engine: first READY attached advisor who speaks the language gets the offer. Synchronized throughout.
 */
final class TestRouting implements RoutingEngine {
    private final Clock clock;
    private final EventBus events;
    private final Map<QueueId, QueueConfig> queues = new ConcurrentHashMap<>();
    private final Map<AgentId, Advisor> advisors = new ConcurrentHashMap<>();
    private final Map<AgentId, AdvisorState> states = new ConcurrentHashMap<>();
    private final Map<AgentId, Instant> since = new ConcurrentHashMap<>();
    private final Map<AgentId, String> reasons = new ConcurrentHashMap<>();
    private final Set<AgentId> attached = ConcurrentHashMap.newKeySet();
    private final Map<InteractionId, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<InteractionId, InteractionStatus> status = new ConcurrentHashMap<>();
    private final Map<InteractionId, AgentId> assigned = new ConcurrentHashMap<>();
    private final Map<InteractionId, Instant> enqueuedAt = new ConcurrentHashMap<>();
    private final Map<InteractionId, List<AssignmentExplanation>> explanations = new ConcurrentHashMap<>();
    private final List<InteractionId> waiting = new ArrayList<>();
    private long answered;
    private long abandoned;

    TestRouting(Clock clock, EventBus events) {
        this.clock = clock;
        this.events = events;
    }

    @Override public void defineQueue(QueueConfig queue) { queues.put(queue.id(), queue); }
    @Override public List<QueueConfig> queues() { return List.copyOf(queues.values()); }

    @Override
    public synchronized void registerAdvisor(Advisor advisor) {
        if (advisors.putIfAbsent(advisor.id(), advisor) != null) {
            throw new IllegalArgumentException("advisor " + advisor.id() + " exists");
        }
        states.put(advisor.id(), AdvisorState.LOGGED_OUT);
        since.put(advisor.id(), clock.instant());
    }

    @Override public void updateAdvisor(Advisor advisor) { advisors.put(advisor.id(), advisor); }
    @Override public List<Advisor> advisors() { return List.copyOf(advisors.values()); }
    @Override public void attach(AgentId advisor) { known(advisor); attached.add(advisor); }
    @Override public void detach(AgentId advisor) { attached.remove(advisor); }

    @Override
    public synchronized void login(AgentId advisor) {
        attach(advisor);
        move(advisor, AdvisorState.NOT_READY, "logged in");
    }

    @Override public synchronized void logout(AgentId advisor) { move(advisor, AdvisorState.LOGGED_OUT, null); }

    @Override
    public synchronized void ready(AgentId advisor) {
        move(advisor, AdvisorState.READY, null);
        match();
    }

    @Override public synchronized void notReady(AgentId advisor, String reason) { move(advisor, AdvisorState.NOT_READY, reason); }

    @Override
    public synchronized QueuePosition enqueue(Interaction interaction) {
        if (interactions.putIfAbsent(interaction.id(), interaction) != null) {
            throw new IllegalArgumentException("interaction " + interaction.id() + " exists");
        }
        queue(interaction.id());
        match();
        return position(interaction.id()).orElse(new QueuePosition(interaction.queue(), 0, waiting.size(), Duration.ZERO, Duration.ZERO));
    }

    private void queue(InteractionId id) {
        status.put(id, InteractionStatus.QUEUED);
        enqueuedAt.putIfAbsent(id, clock.instant());
        waiting.add(id);
        events.publish(new InteractionQueued(clock.instant(), interactions.get(id)));
    }

    @Override
    public synchronized void abandon(InteractionId interaction) {
        waiting.remove(interaction);
        status.put(interaction, InteractionStatus.ABANDONED);
        abandoned++;
        events.publish(new InteractionAbandoned(clock.instant(), interaction, Duration.between(enqueuedAt.get(interaction), clock.instant())));
    }

    @Override
    public synchronized void accept(InteractionId interaction, AgentId advisor) {
        if (status.get(interaction) != InteractionStatus.OFFERED || !advisor.equals(assigned.get(interaction))) {
            throw new IllegalStateException("interaction " + interaction + " is not offered to " + advisor);
        }
        status.put(interaction, InteractionStatus.CONNECTED);
        answered++;
        move(advisor, AdvisorState.BUSY, null);
        events.publish(new OfferAccepted(clock.instant(), interaction, advisor));
    }

    @Override
    public synchronized void reject(InteractionId interaction, AgentId advisor) {
        decline(interaction, advisor, OfferDeclined.Cause.REJECTED, AdvisorState.READY);
    }

    @Override
    public synchronized void noAnswer(InteractionId interaction, AgentId advisor) {
        decline(interaction, advisor, OfferDeclined.Cause.NO_ANSWER, AdvisorState.NOT_READY);
    }

    private void decline(InteractionId interaction, AgentId advisor, OfferDeclined.Cause cause, AdvisorState next) {
        if (status.get(interaction) != InteractionStatus.OFFERED) {
            throw new IllegalStateException("interaction " + interaction + " is not offered");
        }
        assigned.remove(interaction);
        move(advisor, next, next == AdvisorState.NOT_READY ? "no answer" : null);
        events.publish(new OfferDeclined(clock.instant(), interaction, advisor, cause));
        queue(interaction);
    }

    @Override
    public synchronized void complete(InteractionId interaction, InteractionEnded.EndedBy endedBy) {
        if (status.get(interaction) != InteractionStatus.CONNECTED) {
            throw new IllegalStateException("interaction " + interaction + " cannot go from " + status.get(interaction) + " to ENDED");
        }
        status.put(interaction, InteractionStatus.ENDED);
        events.publish(new InteractionEnded(clock.instant(), interaction, endedBy));
        move(assigned.get(interaction), AdvisorState.WRAP_UP, null);
    }

    @Override
    public synchronized void finishWrapUp(AgentId advisor, String code, String notes) {
        move(advisor, AdvisorState.READY, null);
        match();
    }

    @Override
    public synchronized void transferToQueue(InteractionId interaction, QueueId queue) {
        AgentId from = assigned.remove(interaction);
        events.publish(new InteractionTransferred(clock.instant(), interaction, from, Optional.of(queue), Optional.empty()));
        move(from, AdvisorState.WRAP_UP, null);
        queue(interaction);
        match();
    }

    @Override
    public synchronized void transferToAdvisor(InteractionId interaction, AgentId advisor) {
        transferToQueue(interaction, interactions.get(interaction).queue());
    }

    @Override
    public synchronized Optional<QueuePosition> position(InteractionId interaction) {
        int index = waiting.indexOf(interaction);
        if (index < 0) {
            return Optional.empty();
        }
        Duration waited = Duration.between(enqueuedAt.get(interaction), clock.instant());
        return Optional.of(new QueuePosition(interactions.get(interaction).queue(), index + 1, waiting.size(), waited,
                Duration.ofSeconds(60L * (index + 1))));
    }

    @Override
    public synchronized Optional<InteractionView> interaction(InteractionId interaction) {
        Interaction i = interactions.get(interaction);
        return i == null ? Optional.empty() : Optional.of(new InteractionView(i, status.get(interaction),
                Optional.ofNullable(assigned.get(interaction)), i.queue(), enqueuedAt.get(interaction),
                enqueuedAt.get(interaction), Optional.empty()));
    }

    @Override
    public List<AssignmentExplanation> explanation(InteractionId interaction) {
        return explanations.getOrDefault(interaction, List.of());
    }

    @Override
    public synchronized List<QueueStats> queueStats() {
        List<QueueStats> stats = new ArrayList<>();
        for (QueueConfig q : queues.values()) {
            int n = (int) waiting.stream().filter(id -> interactions.get(id).queue().equals(q.id())).count();
            stats.add(new QueueStats(q.id(), n, Duration.ZERO, 1.0, Duration.ZERO, 0, answered + abandoned + n, answered, abandoned, answered));
        }
        return stats;
    }

    @Override
    public synchronized List<AdvisorStats> advisorStats() {
        List<AdvisorStats> stats = new ArrayList<>();
        for (Advisor a : advisors.values()) {
            List<InteractionId> current = assigned.entrySet().stream()
                    .filter(e -> e.getValue().equals(a.id()) && status.get(e.getKey()) == InteractionStatus.CONNECTED)
                    .map(Map.Entry::getKey).toList();
            Optional<InteractionId> offer = assigned.entrySet().stream()
                    .filter(e -> e.getValue().equals(a.id()) && status.get(e.getKey()) == InteractionStatus.OFFERED)
                    .map(Map.Entry::getKey).findFirst();
            stats.add(new AdvisorStats(a.id(), states.get(a.id()), Optional.ofNullable(reasons.get(a.id())),
                    Duration.between(since.get(a.id()), clock.instant()), 0, current, offer,
                    attached.contains(a.id()) ? Optional.of("test-node") : Optional.empty()));
        }
        return stats;
    }

    @Override public void tick() { }
    @Override public void close() { }

    private void match() {
        for (InteractionId id : List.copyOf(waiting)) {
            Interaction i = interactions.get(id);
            List<CandidateScore> candidates = new ArrayList<>();
            Optional<Advisor> chosen = Optional.empty();
            for (Advisor a : advisors.values()) {
                boolean eligible = attached.contains(a.id()) && states.get(a.id()) == AdvisorState.READY && a.speaks(i.language());
                candidates.add(new CandidateScore(a.id(), eligible, eligible ? 5 : 0, Duration.ZERO, 0,
                        eligible ? "ready and speaks " + i.language().tag() : "not ready or lacks " + i.language().skillName()));
                if (eligible && chosen.isEmpty()) {
                    chosen = Optional.of(a);
                }
            }
            if (chosen.isPresent()) {
                AgentId advisor = chosen.get().id();
                waiting.remove(id);
                status.put(id, InteractionStatus.OFFERED);
                assigned.put(id, advisor);
                move(advisor, AdvisorState.RESERVED, null);
                explanations.computeIfAbsent(id, k -> new ArrayList<>()).add(new AssignmentExplanation(clock.instant(), id,
                        i.queue(), advisor, 1.0, i.requiredSkills(), "none", "FIRST_READY_SPEAKER", candidates, candidates.size()));
                events.publish(new AdvisorOffered(clock.instant(), id, advisor, clock.instant().plusSeconds(30)));
            }
        }
    }

    private void known(AgentId advisor) {
        if (!advisors.containsKey(advisor)) {
            throw new IllegalArgumentException("unknown advisor " + advisor);
        }
    }

    private void move(AgentId advisor, AdvisorState to, String reason) {
        known(advisor);
        AdvisorState from = states.put(advisor, to);
        since.put(advisor, clock.instant());
        if (reason == null) {
            reasons.remove(advisor);
        } else {
            reasons.put(advisor, reason);
        }
        events.publish(new AdvisorStateChanged(clock.instant(), advisor, from, to, Optional.ofNullable(reason)));
    }
}
