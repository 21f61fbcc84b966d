package org.mvtm.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntBiFunction;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RelaxationStep;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.routing.match.AdvisorSelector;
import org.mvtm.routing.match.Priority;
import org.mvtm.routing.match.Requirements;
import org.mvtm.routing.store.AdvisorRecord;
import org.mvtm.routing.store.InteractionRecord;
import org.mvtm.routing.store.QueueCounters;
import org.mvtm.routing.store.RoutingStore;

/**
 * What the routing engine answers without changing anything: a waiting customer's position and honest wait
 * estimate, an interaction's view, and the queue and advisor statistics the supervisor board shows. Reads the store
 * and the engine's live queue definitions.
 */
final class RoutingQueries {
    static final Duration DEFAULT_AHT = Duration.ofMinutes(3);

    private final RoutingStore store;
    private final Clock clock;
    private final Map<QueueId, QueueConfig> queues;
    private final ToIntBiFunction<AdvisorRecord, Channel> capacity;
    private final boolean allLocal;
    private final RecentHandleTimes handleTimes = new RecentHandleTimes();

    RoutingQueries(RoutingStore store, Clock clock, Map<QueueId, QueueConfig> queues,
                   ToIntBiFunction<AdvisorRecord, Channel> capacity, boolean allLocal) {
        this.store = store;
        this.clock = clock;
        this.queues = queues;
        this.capacity = capacity;
        this.allLocal = allLocal;
    }

    /** The customer's place among those waiting in the same queue, in routing's priority order, and an estimate. */
    Optional<QueuePosition> position(InteractionId interaction, TierWeights tierWeights) {
        Optional<InteractionRecord> r = store.interaction(interaction);
        if (r.isEmpty() || r.get().status() != InteractionStatus.QUEUED || !queues.containsKey(r.get().queue())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        QueueId qid = r.get().queue();
        List<Priority.Ranked> same = new ArrayList<>();
        for (InteractionRecord w : store.waiting(Integer.MAX_VALUE)) {
            if (w.queue().equals(qid)) {
                QueueConfig q = queues.get(qid);
                same.add(new Priority.Ranked(w, q, Priority.of(q, w, now, tierWeights)));
            }
        }
        same.sort(Priority.ORDER);
        int pos = 1;
        for (Priority.Ranked x : same) {
            if (x.record().interaction().id().equals(interaction)) {
                break;
            }
            pos++;
        }
        return Optional.of(new QueuePosition(qid, pos, same.size(), Duration.between(r.get().enqueuedAt(), now),
                estimate(r.get(), queues.get(qid), pos, now)));
    }

    /**
     * When the customer at {@code pos} can expect an advisor: the advisors who can serve this customer are those
     * signed in and working (READY, RESERVED, BUSY or WRAP_UP), attached to a live endpoint, taking the channel and
     * meeting the requirements in force; each serves one customer per average handle time (the queue's recent one,
     * {@link RecentHandleTimes}). The requirements relax as the wait reaches each of the queue's relaxation steps, so
     * the wait is walked step by step: advisors who qualify only after a step count from that step on. Empty when no
     * advisor can serve the customer even after the last step: no estimate is better than a made-up one.
     */
    Optional<Duration> estimate(InteractionRecord r, QueueConfig q, int pos, Instant now) {
        Duration aht = handleTimes.average(q.id(), store.counters(q.id()), now);
        Duration waited = Duration.between(r.enqueuedAt(), now);
        List<Duration> steps = new ArrayList<>();
        if (r.pinned().isEmpty()) {
            q.relaxation().stream().map(RelaxationStep::after).filter(a -> a.compareTo(waited) > 0).distinct()
                    .forEach(steps::add);
        }
        double ahead = pos; // customers to be served up to and including this one
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i <= steps.size(); i++) {
            long serving = serving(r, q, waited.plus(elapsed), now);
            Duration phase = i < steps.size() ? steps.get(i).minus(waited).minus(elapsed) : null;
            if (serving > 0) {
                double servedInPhase = phase == null ? Double.MAX_VALUE
                        : (double) serving * phase.toMillis() / Math.max(1, aht.toMillis());
                if (servedInPhase >= ahead) {
                    return Optional.of(elapsed.plus(aht.multipliedBy(Math.round(ahead * 1000)).dividedBy(serving * 1000)));
                }
                ahead -= servedInPhase;
            }
            if (phase != null) {
                elapsed = elapsed.plus(phase);
            }
        }
        return Optional.empty();
    }

    private long serving(InteractionRecord r, QueueConfig q, Duration waited, Instant now) {
        Channel channel = r.interaction().channel();
        List<SkillRequirement> effective = Requirements.effective(q, r.interaction(),
                Requirements.base(q, r.interaction()), waited).skills();
        long n = 0;
        for (AdvisorRecord a : advisorsNow(now)) {
            boolean working = a.state() == AdvisorState.READY || a.state() == AdvisorState.RESERVED
                    || a.state() == AdvisorState.BUSY || a.state() == AdvisorState.WRAP_UP;
            if (!working || capacity.applyAsInt(a, channel) == 0 || (!allLocal && a.node().isEmpty())) {
                continue;
            }
            if (r.pinned().isPresent() ? r.pinned().get().equals(a.profile().id()) : meets(a, effective)) {
                n++;
            }
        }
        return n;
    }

    private static boolean meets(AdvisorRecord a, List<SkillRequirement> requirements) {
        Map<String, Integer> levels = AdvisorSelector.levels(a);
        for (SkillRequirement req : requirements) {
            Integer level = levels.get(req.skill());
            if (level == null || level < req.minLevel()) {
                return false;
            }
        }
        return true;
    }

    private volatile List<AdvisorRecord> advisorsCache = List.of();
    private volatile Instant advisorsAt = Instant.MIN;

    /** Every advisor, read from the store at most once a second (an estimate does not need more). */
    private List<AdvisorRecord> advisorsNow(Instant now) {
        if (Duration.between(advisorsAt, now).compareTo(Duration.ofSeconds(1)) >= 0 || now.isBefore(advisorsAt)) {
            advisorsCache = store.advisors();
            advisorsAt = now;
        }
        return advisorsCache;
    }

    Optional<InteractionView> interaction(InteractionId interaction) {
        return store.interaction(interaction).map(r -> new InteractionView(r.interaction(), r.status(), r.advisor(),
                r.queue(), r.arrivedAt(), r.enqueuedAt(), r.answeredAt()));
    }

    List<InteractionView> waiting() {
        return store.waiting(Integer.MAX_VALUE).stream().map(r -> new InteractionView(r.interaction(), r.status(),
                r.advisor(), r.queue(), r.arrivedAt(), r.enqueuedAt(), r.answeredAt())).toList();
    }

    List<QueueStats> queueStats() {
        Instant now = clock.instant();
        Map<QueueId, int[]> waitingCount = new HashMap<>();
        Map<QueueId, Instant> oldest = new HashMap<>();
        for (InteractionRecord w : store.waiting(Integer.MAX_VALUE)) {
            waitingCount.computeIfAbsent(w.queue(), k -> new int[1])[0]++;
            oldest.merge(w.queue(), w.enqueuedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<QueueStats> out = new ArrayList<>();
        for (QueueConfig q : queues.values()) {
            QueueCounters c = store.counters(q.id());
            long outcomes = c.answered() + c.abandoned();
            double sl = outcomes == 0 ? 1.0 : (double) c.answeredWithinSla() / outcomes;
            Duration asa = c.answered() == 0 ? Duration.ZERO : Duration.ofMillis(c.waitMillisSum() / c.answered());
            double abandonRate = outcomes == 0 ? 0 : (double) c.abandoned() / outcomes;
            Instant first = oldest.get(q.id());
            out.add(new QueueStats(q.id(), waitingCount.getOrDefault(q.id(), new int[1])[0],
                    first == null ? Duration.ZERO : Duration.between(first, now), sl, asa, abandonRate,
                    c.offered(), c.answered(), c.abandoned(), c.answeredWithinSla()));
        }
        out.sort((a, b) -> a.queue().value().compareTo(b.queue().value()));
        return out;
    }

    List<AdvisorStats> advisorStats() {
        Instant now = clock.instant();
        return store.advisors().stream().map(a -> new AdvisorStats(a.profile().id(), a.state(),
                a.state() != AdvisorState.NOT_READY || a.reason().isEmpty() ? Optional.empty() : Optional.of(a.reason()),
                Duration.between(a.since(), now),
                a.occupancy(now), a.active(), a.offer(), a.node())).toList();
    }
}
