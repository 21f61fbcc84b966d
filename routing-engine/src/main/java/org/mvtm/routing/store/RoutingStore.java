package org.mvtm.routing.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.mvtm.core.Advisor;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AssignmentExplanation;

/**
 * Where routing state lives. Every mutating method is atomic on its own (a lock in memory, a Lua script in Redis)
 * and validates the state it expects, so several engines may share one store. Reads are snapshots.
 */
public interface RoutingStore extends AutoCloseable {

    /** Adds a LOGGED_OUT advisor; refuses a known id. */
    Outcome addAdvisor(Advisor advisor, Instant now);

    Outcome updateAdvisor(Advisor advisor);

    Optional<AdvisorRecord> advisor(AgentId id);

    List<AdvisorRecord> advisors();

    /**
     * Advisors who could receive an offer: READY or BUSY, no offer pending, room on some channel by {@code capacity}
     * (callers still check the node).
     */
    List<AdvisorRecord> offerableAdvisors(BiFunction<Advisor, Channel, Integer> capacity);

    void attach(AgentId id, String node);

    /** Clears the advisor's node only when it is {@code node}. */
    void detach(AgentId id, String node);

    /** Moves the advisor to {@code to} if its state is one of {@code allowedFrom}; refusal names the current state. */
    Outcome changeState(AgentId id, AdvisorState to, Set<AdvisorState> allowedFrom, String reason, Instant now);

    /** WRAP_UP to READY, only when the wrap-up time is over. */
    Outcome endWrapUp(AgentId id, Instant now);

    List<AgentId> dueWrapUps(Instant now);

    /** Adds a QUEUED interaction; refuses a known id. value = sequence number. */
    default Outcome enqueue(Interaction interaction, Instant now) {
        return enqueue(interaction, Optional.empty(), now);
    }

    /** Adds a QUEUED interaction that only {@code pinned} may be offered until {@link #unpin}; refuses a known id. */
    Outcome enqueue(Interaction interaction, Optional<AgentId> pinned, Instant now);

    /** A QUEUED interaction pinned to one advisor may go to any advisor of its queue from now on. */
    Outcome unpin(InteractionId id);

    Optional<InteractionRecord> interaction(InteractionId id);

    /** How many customers are QUEUED in {@code queue}. */
    int waitingCount(QueueId queue);

    /** QUEUED interactions, oldest sequence first, at most {@code window}. */
    List<InteractionRecord> waiting(int window);

    /**
     * QUEUED interaction to OFFERED for an advisor that has no pending offer, is READY or BUSY, and has room on the
     * channel ({@code capacity}). value = the new fencing token.
     */
    Outcome reserve(InteractionId id, AgentId advisor, int capacity, String node, Instant now, Instant leaseUntil);

    /** OFFERED (to this advisor, with this token) to CONNECTED; counts the answer. value = wait in ms. */
    Outcome accept(InteractionId id, AgentId advisor, long token, long slaMillis, Instant now);

    /** OFFERED back to QUEUED (same place); a RESERVED advisor goes to {@code advisorNext} with {@code reason}. */
    Outcome decline(InteractionId id, AgentId advisor, long token, AdvisorState advisorNext, String reason, Instant now);

    /** Offers whose lease ended before {@code now}. */
    List<InteractionId> expiredLeases(Instant now);

    /** Returns an OFFERED interaction whose lease ended to its queue; a RESERVED advisor goes NOT_READY. */
    Outcome expireLease(InteractionId id, Instant now);

    /** Extends the leases of offers this node holds (only where the token still matches). */
    void renewLeases(Map<InteractionId, Long> tokens, Instant until);

    /** CONNECTED to ENDED; frees the advisor's slot, WRAP_UP (until {@code wrapUntil}) after the last one. */
    Outcome complete(InteractionId id, Instant now, Instant wrapUntil);

    /** QUEUED or OFFERED to ABANDONED. value = waited ms. */
    Outcome abandon(InteractionId id, Instant now);

    /** CONNECTED back to QUEUED in {@code queue} (optionally only for {@code pinned}); the advisor is freed as by complete. */
    Outcome transfer(InteractionId id, QueueId queue, Optional<AgentId> pinned, Instant now, Instant wrapUntil);

    /** A QUEUED interaction waits in {@code queue} instead, keeping its place in arrival order (a supervisor moved it). */
    Outcome move(InteractionId id, QueueId queue, Instant now);

    void addExplanation(AssignmentExplanation explanation);

    List<AssignmentExplanation> explanations(InteractionId id);

    QueueCounters counters(QueueId queue);

    Optional<AgentId> lastPicked(QueueId queue);

    void setLastPicked(QueueId queue, AgentId advisor);

    void heartbeat(String node, Instant now);

    /** Last heartbeat per node. */
    Map<String, Instant> nodes();

    @Override
    void close();
}
