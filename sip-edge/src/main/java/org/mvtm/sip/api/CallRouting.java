package org.mvtm.sip.api;

import java.util.Optional;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

/**
 * The routing the SIP edge needs; the server adapts {@code org.mvtm.routing.api.RoutingEngine} to it.
 * Called from virtual threads, never from a SIP I/O thread; implementations may block briefly (Redis).
 *
 * <p>Expected reactions on the {@link org.mvtm.core.event.EventBus}: after {@link #enqueue} routing publishes
 * {@code AdvisorOffered} when it reserves an advisor; after {@link #accept} it publishes {@code OfferAccepted}
 * (the edge then answers the customer with 200 OK); web-console advisors accept through routing directly and
 * the same {@code OfferAccepted} reaches the edge.
 */
public interface CallRouting {

    /**
     * Whether {@code queue} (the user part of {@code sip:<queue>@domain}) takes new callers now: queues an
     * administrator creates are reachable at once, deleted ones no longer. Queues listed in
     * {@code SipEdgeConfig.queues} are always reachable.
     */
    default boolean takesCallers(String queue) {
        return false;
    }

    /**
     * The interaction as routing holds it (queue, language, conversation): for a leg the edge must place anew without
     * the call that carried it, such as a customer called back after the node holding their call died. Empty if
     * routing no longer holds it.
     */
    default Optional<Interaction> interaction(InteractionId interaction) {
        return Optional.empty();
    }

    /** A SIP customer is waiting for an advisor in {@code interaction.queue()}. */
    void enqueue(Interaction interaction);

    /** The customer hung up (CANCEL/BYE) before an advisor answered; the interaction leaves its queue. */
    void abandon(InteractionId interaction);

    /**
     * The call ended after an advisor answered (either side's BYE, a session timer, the edge shutting down): routing
     * ends the interaction once and publishes {@code InteractionEnded}, which moves the advisor to wrap-up; the edge
     * hangs up the other side when that event arrives. A call still waiting leaves its queue as abandoned; an
     * interaction routing already ended is left alone.
     */
    void complete(InteractionId interaction, InteractionEnded.EndedBy endedBy);

    /**
     * The advisor's desk phone answered (200 OK). Returns false if routing no longer holds that offer (it expired
     * or was withdrawn); the edge then hangs the phone up.
     */
    boolean accept(InteractionId interaction, AgentId advisor);

    /**
     * The advisor's desk phone rejected (486/603 → REJECTED), did not answer in time (NO_ANSWER) or could not be
     * reached (ICMP/TCP reset/408/503/no registration → UNREACHABLE). The customer keeps their place and the
     * advisor must not stay RESERVED.
     */
    void decline(InteractionId interaction, AgentId advisor, OfferDeclined.Cause cause);

    /**
     * A supervisor's desk phone dialled a monitoring feature code ({@code *44} listen, {@code *45} whisper,
     * {@code *46} barge-in, followed by the advisor's extension): the server checks that {@code supervisor} is a
     * supervisor whose regions hold the advisor's connected call, audits the attempt either way and, when allowed,
     * publishes the start ({@code CallMonitored}, {@code CallParticipation}). {@code mode} is LISTEN, WHISPER or BARGE.
     */
    default Monitoring monitor(String supervisor, String advisorExtension, String mode) {
        return Monitoring.refused(403, "this server takes no supervisor phones");
    }

    /** The supervisor's phone hung up (or the call ended): audited and published as the stop. */
    default void monitorStopped(InteractionId interaction, String supervisor) {
    }

    /** The call a supervisor may monitor, or the SIP status and reason of the refusal (403 region, 404 no call). */
    record Monitoring(Optional<InteractionId> call, int status, String reason) {
        public static Monitoring allowed(InteractionId call) {
            return new Monitoring(Optional.of(call), 200, "OK");
        }

        public static Monitoring refused(int status, String reason) {
            return new Monitoring(Optional.empty(), status, reason);
        }
    }
}
