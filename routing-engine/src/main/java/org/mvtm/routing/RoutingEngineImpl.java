package org.mvtm.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.Refusal;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionDisposed;
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
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.QueuePosition;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.routing.state.AdvisorTransitions;
import org.mvtm.routing.store.AdvisorRecord;
import org.mvtm.routing.store.Capacity;
import org.mvtm.routing.store.InteractionRecord;
import org.mvtm.routing.store.Outcome;
import org.mvtm.routing.store.RoutingStore;

/**
 * The routing engine: validates calls, applies them to the store atomically and publishes the resulting events;
 * matching rounds and timers ({@link OfferRounds}) run through {@link EngineLoop}, reads go to {@link RoutingQueries}. Offers are made only to advisors attached to this node (in
 * the in-memory store every advisor counts as local); the engine keeps the fencing token of each offer it made.
 */
public final class RoutingEngineImpl implements RoutingEngine {
    private final RoutingStore store;
    private final String node;
    private final RoutingConfig config;
    private final Clock clock;
    private final EventBus events;
    private final InputValidator validator;
    private final PresenceEvents presence;
    private final OfferRounds offers;
    private final QueueCatalog queues = new QueueCatalog();
    private volatile TierWeights tierWeights = TierWeights.ranks();
    private final EngineLoop loop;
    private final RoutingQueries queries;
    private volatile boolean closed;

    public RoutingEngineImpl(RoutingStore store, String node, RoutingConfig config, Clock clock, EventBus events, boolean allLocal) {
        this.store = store;
        this.node = node;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.validator = new InputValidator(config.skillCatalogue());
        this.presence = new PresenceEvents(clock, events);
        this.offers = new OfferRounds(store, node, config, clock, events, allLocal, queues.defined(), () -> tierWeights,
                presence, new OfferRounds.Engine() {
                    @Override
                    public int capacity(Advisor advisor, Channel channel) {
                        return RoutingEngineImpl.this.capacity(advisor, channel);
                    }

                    @Override
                    public void requestRound() {
                        loop.requestRound();
                    }

                    @Override
                    public boolean closed() {
                        return closed;
                    }
                });
        store.heartbeat(node, clock.instant());
        this.loop = new EngineLoop(config, node, clock, offers::matchRound, offers::timers);
        this.queries = new RoutingQueries(store, clock, queues.defined(), this::capacity, allLocal);
    }

    int capacity(AdvisorRecord a, Channel c) {
        return capacity(a.profile(), c);
    }

    int capacity(Advisor a, Channel c) {
        return Capacity.of(a, c, config.defaultCapacity());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("routing engine on node " + node + " is closed");
        }
    }

    // ---------------------------------------------------------------- queues and advisors

    @Override
    public void addSkills(Collection<String> names) {
        validator.addSkills(names);
    }

    @Override
    public void defineQueue(QueueConfig queue) {
        checkOpen();
        validator.queue(queue);
        queues.define(queue);
        loop.requestRound();
    }

    @Override
    public void withdrawQueue(QueueId queue) {
        checkOpen();
        queues.withdraw(queue);
    }

    @Override
    public List<QueueConfig> queues() {
        return queues.open();
    }

    @Override
    public void weighTiers(TierWeights weights) {
        tierWeights = Objects.requireNonNull(weights, "tier weights");
        loop.requestRound();
    }

    @Override
    public void registerAdvisor(Advisor advisor) {
        checkOpen();
        validator.advisor(advisor);
        Outcome o = store.addAdvisor(advisor, clock.instant());
        if (!o.applied()) {
            throw new IllegalArgumentException("duplicate advisor id: " + o.failure());
        }
    }

    @Override
    public void updateAdvisor(Advisor advisor) {
        checkOpen();
        validator.advisor(advisor);
        Outcome o = store.updateAdvisor(advisor);
        if (!o.applied()) {
            throw new IllegalArgumentException(o.failure());
        }
        loop.requestRound();
    }

    @Override
    public List<Advisor> advisors() {
        return store.advisors().stream().map(AdvisorRecord::profile).toList();
    }

    private AdvisorRecord known(AgentId id) {
        return store.advisor(id).orElseThrow(() -> new IllegalArgumentException("unknown advisor " + id));
    }

    @Override
    public void attach(AgentId advisor) {
        checkOpen();
        known(advisor);
        store.attach(advisor, node);
        loop.requestRound();
    }

    @Override
    public void detach(AgentId advisor) {
        checkOpen();
        known(advisor);
        store.detach(advisor, node);
    }

    // ---------------------------------------------------------------- advisor state (command subsets: AdvisorTransitions)

    private void change(AgentId advisor, AdvisorState to, Set<AdvisorState> from, String reason) {
        checkOpen();
        Outcome o = store.changeState(advisor, to, from, reason, clock.instant());
        if (!o.applied()) {
            if (o.from() == null) {
                throw new IllegalArgumentException(o.failure());
            }
            if (o.from() == to && to != AdvisorState.NOT_READY) {
                return; // already there: nothing to do (NOT_READY to NOT_READY changes the reason and is applied)
            }
            throw AdvisorTransitions.illegal(advisor, o.from(), to);
        }
        presence.publish(o, reason);
    }

    @Override
    public void login(AgentId advisor) {
        known(advisor);
        store.attach(advisor, node);
        change(advisor, AdvisorState.NOT_READY, AdvisorTransitions.LOGIN_FROM, "logged in");
    }

    @Override
    public void logout(AgentId advisor) {
        change(advisor, AdvisorState.LOGGED_OUT, AdvisorTransitions.LOGOUT_FROM, "logged out");
        store.detach(advisor, node);
    }

    @Override
    public void ready(AgentId advisor) {
        change(advisor, AdvisorState.READY, AdvisorTransitions.READY_FROM, null);
        loop.requestRound();
    }

    @Override
    public void notReady(AgentId advisor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a not-ready reason is required (e.g. 'break', 'training')");
        }
        change(advisor, AdvisorState.NOT_READY, AdvisorTransitions.NOT_READY_FROM, reason.strip());
    }

    @Override
    public void finishWrapUp(AgentId advisor, Optional<InteractionId> interaction, String code, String notes) {
        checkOpen();
        String cleanCode = code == null ? "" : code.strip();
        if (cleanCode.isEmpty()) {
            throw Refusal.of("wrapup.code-required", "a wrap-up code is required");
        }
        Instant now = clock.instant();
        Outcome o = store.changeState(advisor, AdvisorState.READY, AdvisorTransitions.END_WRAP_UP_FROM, null, now);
        if (!o.applied() && o.from() == null) {
            throw new IllegalArgumentException(o.failure());
        }
        if (o.applied()) {
            presence.publish(o, null);
            loop.requestRound();
        }
        // recorded even when the wrap-up time already ran out: the outcome belongs to the interaction, not to presence
        events.publish(new InteractionDisposed(now, advisor, interaction, cleanCode, notes == null ? "" : notes.strip()));
    }

    // ---------------------------------------------------------------- interactions

    @Override
    public QueuePosition enqueue(Interaction interaction) {
        return enqueue(interaction, Optional.empty(), Duration.ZERO);
    }

    @Override
    public QueuePosition enqueueFor(Interaction interaction, AgentId advisor, Duration wait) {
        checkOpen();
        known(advisor);
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException("the wait for the booked advisor must be zero or more, not " + wait);
        }
        return enqueue(interaction, Optional.of(advisor), wait);
    }

    private QueuePosition enqueue(Interaction interaction, Optional<AgentId> booked, Duration bookedWait) {
        checkOpen();
        QueueConfig q = validator.interaction(interaction, queues.defined());
        queues.checkTakesNew(q.id());
        Instant now = clock.instant();
        Outcome o = store.enqueue(interaction, booked, now);
        if (!o.applied()) {
            throw new IllegalArgumentException(o.failure());
        }
        if (booked.isPresent()) {
            offers.pinUntil(interaction.id(), now.plus(bookedWait));
        }
        events.publish(new InteractionQueued(now, interaction));
        int waiting = store.waitingCount(q.id());
        Optional<Duration> wait = store.interaction(interaction.id())
                .flatMap(r -> queries.estimate(r, q, waiting, now));
        QueuePosition pos = new QueuePosition(q.id(), waiting, waiting, Duration.ZERO, wait);
        loop.requestRound();
        return pos;
    }

    private InteractionRecord record(InteractionId id) {
        return store.interaction(id).orElseThrow(() -> new IllegalArgumentException("unknown interaction " + id));
    }

    @Override
    public void abandon(InteractionId interaction) {
        checkOpen();
        record(interaction);
        Instant now = clock.instant();
        Outcome o = store.abandon(interaction, now);
        if (!o.applied()) {
            throw new IllegalStateException(o.failure());
        }
        offers.forget(interaction);
        presence.publish(o, null);
        events.publish(new InteractionAbandoned(now, interaction, Duration.ofMillis(o.value())));
        loop.requestRound();
    }

    private long tokenFor(InteractionId interaction, AgentId advisor) {
        return offers.tokenFor(interaction, advisor, record(interaction));
    }

    @Override
    public void accept(InteractionId interaction, AgentId advisor) {
        checkOpen();
        QueueConfig q = queues.of(record(interaction).queue());
        long token = tokenFor(interaction, advisor);
        Instant now = clock.instant();
        Outcome o = store.accept(interaction, advisor, token, q.sla().threshold().toMillis(), now);
        if (!o.applied()) {
            throw Refusal.of("offer.gone", "advisor " + advisor + " cannot accept: " + o.failure(), "interaction", interaction);
        }
        offers.forget(interaction);
        presence.publish(o, null);
        events.publish(new OfferAccepted(now, interaction, advisor));
    }

    @Override
    public void reject(InteractionId interaction, AgentId advisor) {
        decline(interaction, advisor, OfferDeclined.Cause.REJECTED);
    }

    @Override
    public void noAnswer(InteractionId interaction, AgentId advisor) {
        decline(interaction, advisor, OfferDeclined.Cause.NO_ANSWER);
    }

    private void decline(InteractionId interaction, AgentId advisor, OfferDeclined.Cause cause) {
        checkOpen();
        long token = tokenFor(interaction, advisor);
        offers.decline(interaction, advisor, token, cause);
    }

    private Instant wrapUntil(Instant now) {
        return now.plus(config.wrapUpTime());
    }

    /** With a zero wrap-up time WRAP_UP ends at once. */
    private void afterRelease(Outcome o, Instant now) {
        presence.publish(o, null);
        if (o.to() == AdvisorState.WRAP_UP && config.wrapUpTime().isZero()) {
            presence.publish(store.endWrapUp(o.advisor(), now), null);
        }
        loop.requestRound();
    }

    @Override
    public void complete(InteractionId interaction, InteractionEnded.EndedBy endedBy) {
        checkOpen();
        record(interaction);
        Instant now = clock.instant();
        Outcome o = store.complete(interaction, now, wrapUntil(now));
        if (!o.applied()) {
            if (record(interaction).status() == InteractionStatus.ENDED) {
                return; // both sides hung up at once: the interaction ends once
            }
            throw new IllegalStateException(o.failure());
        }
        events.publish(new InteractionEnded(now, interaction, endedBy));
        afterRelease(o, now);
    }

    @Override
    public void transferToQueue(InteractionId interaction, QueueId queue) {
        checkOpen();
        queues.checkTakesNew(queue);
        transfer(interaction, queue, Optional.empty());
    }

    @Override
    public void transferToAdvisor(InteractionId interaction, AgentId advisor) {
        checkOpen();
        known(advisor);
        transfer(interaction, record(interaction).queue(), Optional.of(advisor));
    }

    private void transfer(InteractionId interaction, QueueId queue, Optional<AgentId> pinned) {
        InteractionRecord before = record(interaction);
        Instant now = clock.instant();
        Outcome o = store.transfer(interaction, queue, pinned, now, wrapUntil(now));
        if (!o.applied()) {
            throw new IllegalStateException("cannot transfer: " + o.failure());
        }
        events.publish(new InteractionTransferred(now, interaction, before.advisor().orElse(null),
                pinned.isPresent() ? Optional.empty() : Optional.of(queue), pinned));
        store.interaction(interaction).ifPresent(r -> events.publish(new InteractionQueued(now, r.interaction())));
        afterRelease(o, now);
    }

    @Override
    public void moveWaiting(InteractionId interaction, QueueId queue) {
        checkOpen();
        queues.checkTakesNew(queue);
        record(interaction);
        Instant now = clock.instant();
        Outcome o = store.move(interaction, queue, now);
        if (!o.applied()) {
            throw new IllegalStateException("cannot move: " + o.failure());
        }
        store.interaction(interaction).map(InteractionRecord::interaction).ifPresent(i -> events.publish(new InteractionQueued(now,
                new Interaction(i.id(), i.conversation(), i.channel(), i.customer(), i.language(), i.requiredSkills(), queue,
                        i.handoff(), i.createdAt()))));
        loop.requestRound();
    }

    // ---------------------------------------------------------------- queries (RoutingQueries)

    @Override
    public Optional<QueuePosition> position(InteractionId interaction) {
        return queries.position(interaction, tierWeights);
    }

    @Override
    public Optional<InteractionView> interaction(InteractionId interaction) {
        return queries.interaction(interaction);
    }

    @Override
    public List<AssignmentExplanation> explanation(InteractionId interaction) {
        return store.explanations(interaction);
    }

    @Override
    public List<InteractionView> waiting() {
        return queries.waiting();
    }

    @Override
    public List<QueueStats> queueStats() {
        return queries.queueStats();
    }

    @Override
    public List<AdvisorStats> advisorStats() {
        return queries.advisorStats();
    }

    // ---------------------------------------------------------------- matching and timers (OfferRounds)

    @Override
    public void tick() {
        checkOpen();
        loop.tickNow();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.close();
        store.close();
    }
}
