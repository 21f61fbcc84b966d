package org.mvtm.sip.api;

import org.mvtm.core.id.InteractionId;

/**
 * The SIP front door: one jain-sip stack with UDP, TCP and TLS listening points, a registrar, customer calls into
 * queues, offers to advisors' desk phones (back-to-back user agent) and SIP MESSAGE chat.
 *
 * <p>Lifecycle: {@link #start()} binds the ports (port 0 in the config means a free port; read the real one with
 * {@link #port(SipTransport)}); {@link #close()} ends every call with BYE, unsubscribes from the event bus, stops
 * the stack and releases the ports. An edge cannot be restarted after close.
 */
public interface SipEdge extends AutoCloseable {

    /** Binds the listening points and starts handling requests. Idempotent. */
    void start();

    /** The port bound for {@code transport}, after {@link #start()}; -1 if that transport is disabled. */
    int port(SipTransport transport);

    /** The SIP domain this edge serves (request URIs {@code sip:<queue>@<domain>}). */
    String domain();

    /**
     * This node now holds the media of {@code interaction}, taken over from {@code deadNode} (its lease ran out): every
     * SIP dialog of the call that {@code deadNode} held gets a leg on this node's relay and a re-INVITE from this node,
     * whose Contact brings the phone's later requests here. Returns at once; the work runs on the edge's threads.
     */
    void takeOverCalls(InteractionId interaction, String deadNode);

    /** A consistent copy of the counters, for the server's metrics endpoint. */
    SipMetrics metrics();

    /** Stops the stack and releases every port; established calls are ended with BYE first. Idempotent. */
    @Override
    void close();
}
