package org.mvtm.routing.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.Advisor;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/**
 * Skill-based routing of customers to advisors. One instance per server node; several nodes may share one store
 * (Redis). Thread-safe. Methods change the shared store atomically and return; matching (choosing who gets whom)
 * runs on the engine's own thread and announces its results as events on this node's EventBus:
 * {@code InteractionQueued}, {@code AdvisorOffered} (only for advisors attached to this node), {@code OfferAccepted},
 * {@code OfferDeclined}, {@code InteractionAbandoned}, {@code InteractionTransferred}, {@code InteractionEnded},
 * {@code AdvisorStateChanged}.
 *
 * <p>Errors: bad input (unknown skill, unknown queue or advisor, duplicate advisor id) throws
 * {@link IllegalArgumentException}; an illegal advisor state change throws {@link IllegalStateException} naming both
 * states ("advisor alice cannot go from BUSY to READY"); acting on an offer that is no longer valid throws
 * {@link IllegalStateException}.
 */
public interface RoutingEngine extends AutoCloseable {

    /** Adds skill names to this node's skill catalogue (skills an administrator defined); known names are kept. */
    void addSkills(Collection<String> names);

    /** Defines or replaces a queue on this node (every node defines the same queues). */
    void defineQueue(QueueConfig queue);

    /**
     * Takes a queue an administrator deleted out of service on this node: new customers and transfers into it are
     * refused ({@link IllegalArgumentException} saying it was removed), the customers already waiting in it are still
     * served, and {@link #queues()} no longer lists it. {@link #defineQueue} brings it back.
     */
    void withdrawQueue(QueueId queue);

    /** The queues that take new customers. */
    List<QueueConfig> queues();

    /** The routing weight of each customer tier (VIP tiers as an administrator set them); see {@link TierWeights}. */
    void weighTiers(TierWeights weights);

    /** Adds an advisor profile (LOGGED_OUT). A known id is refused: use {@link #updateAdvisor}. */
    void registerAdvisor(Advisor advisor);

    /** Replaces the profile (skills, capacity) of a known advisor; state and load are kept. */
    void updateAdvisor(Advisor advisor);

    List<Advisor> advisors();

    /** This node hosts the advisor's endpoint (web console or SIP phone): its offers are published here. */
    void attach(AgentId advisor);

    /** The advisor's endpoint left this node; no more offers until attached again. */
    void detach(AgentId advisor);

    /** LOGGED_OUT to NOT_READY("logged in"); also attaches the advisor to this node. */
    void login(AgentId advisor);

    void logout(AgentId advisor);

    void ready(AgentId advisor);

    void notReady(AgentId advisor, String reason);

    /**
     * Puts a customer in its queue ({@code interaction.queue()}) and returns its place in arrival order (the number of
     * customers now waiting in that queue) with a wait estimate; {@link #position} gives the exact priority order.
     * The id must be new.
     */
    QueuePosition enqueue(Interaction interaction);

    /**
     * Puts a customer who booked a meeting with {@code advisor} in its queue: until {@code wait} has passed only that
     * advisor is offered them, ahead of the customers waiting in the queue; then any advisor of the queue may take
     * them, in their place by arrival. Otherwise as {@link #enqueue}.
     */
    QueuePosition enqueueFor(Interaction interaction, AgentId advisor, Duration wait);

    /** The customer left while queued or offered. */
    void abandon(InteractionId interaction);

    /** The advisor accepts the offer made to them: the interaction is CONNECTED, the advisor BUSY. */
    void accept(InteractionId interaction, AgentId advisor);

    /** The advisor refuses the offer: the customer keeps its place; the advisor goes back to READY. */
    void reject(InteractionId interaction, AgentId advisor);

    /**
     * The advisor could not be reached or did not answer (SIP timeout/unreachable): the customer keeps its place,
     * the advisor goes NOT_READY. The engine does the same by itself when the offer timeout passes.
     */
    void noAnswer(InteractionId interaction, AgentId advisor);

    /**
     * The conversation ended (publishes {@code InteractionEnded}); the advisor goes to WRAP_UP if it was their last.
     * Ending an interaction that already ended does nothing, so both sides may hang up at once.
     */
    void complete(InteractionId interaction, InteractionEnded.EndedBy endedBy);

    default void complete(InteractionId interaction) {
        complete(interaction, InteractionEnded.EndedBy.ADVISOR);
    }

    /**
     * WRAP_UP to READY before the wrap-up time ends, and the interaction's disposition (code and notes), published as
     * {@code InteractionDisposed}. The disposition is never a presence reason. When the wrap-up time already ended,
     * only the disposition is recorded.
     */
    void finishWrapUp(AgentId advisor, Optional<InteractionId> interaction, String code, String notes);

    default void finishWrapUp(AgentId advisor, String code, String notes) {
        finishWrapUp(advisor, Optional.empty(), code, notes);
    }

    /** The connected advisor hands the customer to another queue; the advisor moves on as after {@link #complete}. */
    void transferToQueue(InteractionId interaction, QueueId queue);

    /** The connected advisor hands the customer to a named advisor (queued for that advisor only). */
    void transferToAdvisor(InteractionId interaction, AgentId advisor);

    /**
     * A supervisor moves a waiting (QUEUED) customer to another queue: they keep their place in arrival order and are
     * matched by that queue's rules from now on; publishes {@code InteractionQueued} for the new queue. An unknown or
     * removed queue is refused ({@link IllegalArgumentException}), a customer no longer waiting too
     * ({@link IllegalStateException} naming its state).
     */
    void moveWaiting(InteractionId interaction, QueueId queue);

    /** Position and estimated wait of a QUEUED interaction; empty otherwise. */
    Optional<QueuePosition> position(InteractionId interaction);

    Optional<InteractionView> interaction(InteractionId interaction);

    /** Every assignment decision taken for the interaction, oldest first. */
    List<AssignmentExplanation> explanation(InteractionId interaction);

    /** The customers waiting (QUEUED) in every queue, oldest arrival first. */
    List<InteractionView> waiting();

    List<QueueStats> queueStats();

    List<AdvisorStats> advisorStats();

    /**
     * Runs due timers (offer timeouts, wrap-up end, lease renewal and expiry, heartbeat) and a matching round at the
     * clock's current time. The background scheduler calls it every tick interval; with MANUAL scheduling tests and
     * the simulator call it after moving their clock.
     */
    void tick();

    /** Stops the engine's threads and releases its store connection; offers it held expire by lease. */
    @Override
    void close();
}
