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
     * {@code AdvisorOffered}, {@code OfferAccepted}, {@code InteractionEnded} and {@code ChatMessagePosted}, and
     * publishes {@code ChatMessagePosted(CUSTOMER)}, {@code InteractionAbandoned}, {@code InteractionEnded} and
     * {@code CallHeld} for its calls.
     */
    public static SipEdge create(SipEdgeConfig config, Clock clock, EventBus events, SipEdgePorts ports) {
        return new DefaultSipEdge(config, clock, events, ports);
    }
}
