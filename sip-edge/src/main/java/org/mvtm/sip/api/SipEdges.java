package org.mvtm.sip.api;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.sip.internal.DefaultSipEdge;

/** Creates the default {@link SipEdge} (jain-sip-ri based). */
public final class SipEdges {
    private SipEdges() {
    }

    /**
     * Creates an edge; call {@link SipEdge#start()} to bind. The edge subscribes to {@code events} for
     * {@code AdvisorOffered}, {@code OfferAccepted}, {@code InteractionEnded}, {@code ChatMessagePosted} and
     * {@code CallHeld} (an advisor's hold: music to the caller), and publishes {@code ChatMessagePosted(CUSTOMER)} and
     * {@code CallHeld} (by the customer) for its calls; routing publishes abandons and ends.
     */
    public static SipEdge create(SipEdgeConfig config, Clock clock, EventBus events, SipEdgePorts ports) {
        return new DefaultSipEdge(config, clock, events, ports);
    }

    /** An edge whose queues with topics greet callers with the voice front door (IVR) before queueing them. */
    public static SipEdge create(SipEdgeConfig config, Clock clock, EventBus events, SipEdgePorts ports,
                                 IvrSettings ivr) {
        return new DefaultSipEdge(config, clock, events, ports, ivr);
    }

    /** An edge with the voice front door ({@code ivr} may be null) and in-queue callbacks of SIP callers. */
    public static SipEdge create(SipEdgeConfig config, Clock clock, EventBus events, SipEdgePorts ports,
                                 IvrSettings ivr, SipCallbackSettings callbacks) {
        return new DefaultSipEdge(config, clock, events, ports, ivr, callbacks);
    }
}
