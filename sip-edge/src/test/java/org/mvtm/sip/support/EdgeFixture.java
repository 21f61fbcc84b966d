package org.mvtm.sip.support;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.sip.api.RegistrationStore;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.api.SipCredentials;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipEdges;
import org.mvtm.sip.api.SipTransport;

/** A started edge on free loopback ports with in-test routing and media, and every published event recorded. */
public final class EdgeFixture implements AutoCloseable {
    public static final String DOMAIN = "bank.example";
    public final InProcessEventBus bus = new InProcessEventBus();
    public final java.util.List<ContactEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final Clock clock;
    public final RecordingRouting routing;
    public final RelayMedia media = new RelayMedia();
    /** What the edge is told of the recording of connected calls: set, it takes no new call (overload-recording). */
    public final java.util.concurrent.atomic.AtomicBoolean recordingBehind = new java.util.concurrent.atomic.AtomicBoolean();
    public final RegistrationStore registrations;
    public final SipEdge edge;

    public EdgeFixture() {
        this(UnaryOperator.identity());
    }

    public EdgeFixture(UnaryOperator<SipEdgeConfig.Builder> tweak) {
        this(tweak, Clock.systemUTC(), RegistrationStores.inMemory());
    }

    public EdgeFixture(UnaryOperator<SipEdgeConfig.Builder> tweak, Clock clock, RegistrationStore registrations) {
        this(tweak, clock, registrations, null);
    }

    /** {@code signIns}: the sign-in throttle the edge shares (null: the edge's own). */
    public EdgeFixture(UnaryOperator<SipEdgeConfig.Builder> tweak, Clock clock, RegistrationStore registrations,
                       org.mvtm.core.signin.SignInThrottle signIns) {
        this(tweak, clock, registrations, signIns, org.mvtm.sip.api.SipCallbackSettings.none());
    }

    /** An edge whose queued callers may ask for callbacks through the trunk of {@code callbacks}. */
    public EdgeFixture(UnaryOperator<SipEdgeConfig.Builder> tweak, org.mvtm.sip.api.SipCallbackSettings callbacks) {
        this(tweak, Clock.systemUTC(), RegistrationStores.inMemory(), null, callbacks, null);
    }

    private EdgeFixture(UnaryOperator<SipEdgeConfig.Builder> tweak, Clock clock, RegistrationStore registrations,
                        org.mvtm.core.signin.SignInThrottle signIns, org.mvtm.sip.api.SipCallbackSettings callbacks) {
        this(tweak, clock, registrations, signIns, callbacks, null);
    }

    /** An edge of a cluster node: its established dialogs go to {@code dialogs}, where it also finds a dead node's. */
    public static EdgeFixture sharingDialogs(UnaryOperator<SipEdgeConfig.Builder> tweak, RegistrationStore registrations,
                                             SharedDialogs dialogs) {
        return new EdgeFixture(tweak, Clock.systemUTC(), registrations, null,
                org.mvtm.sip.api.SipCallbackSettings.none(), dialogs);
    }

    /** A cluster node's edge, as {@link #sharingDialogs}, that calls customers back through the trunk of {@code callbacks}. */
    public static EdgeFixture sharingDialogs(UnaryOperator<SipEdgeConfig.Builder> tweak, RegistrationStore registrations,
                                             SharedDialogs dialogs, org.mvtm.sip.api.SipCallbackSettings callbacks) {
        return new EdgeFixture(tweak, Clock.systemUTC(), registrations, null, callbacks, dialogs);
    }

    private EdgeFixture(UnaryOperator<SipEdgeConfig.Builder> tweak, Clock clock, RegistrationStore registrations,
                        org.mvtm.core.signin.SignInThrottle signIns, org.mvtm.sip.api.SipCallbackSettings callbacks,
                        SharedDialogs dialogs) {
        this.clock = clock;
        this.registrations = registrations;
        bus.subscribe(ContactEvent.class, events::add);
        routing = new RecordingRouting(bus, clock);
        SipEdgeConfig.Builder b = SipEdgeConfig.builder(DOMAIN)
                .queues(Set.of("cards", "loans", "support"))
                .credentials(SipCredentials.of(Map.of("alice", "alice-secret", "bob", "bob-secret",
                        "carol", "carol-secret", "dave", "dave-secret")));
        edge = SipEdges.create(tweak.apply(b).build(), clock, bus,
                SipEdgePorts.of(routing, media, registrations).withSignIns(signIns).withDialogs(dialogs)
                        .withBacklog(recordingBehind::get), null,
                callbacks);
        edge.start();
    }

    public int udp() {
        return edge.port(SipTransport.UDP);
    }

    public int tcp() {
        return edge.port(SipTransport.TCP);
    }

    public int tls() {
        return edge.port(SipTransport.TLS);
    }

    public <E extends ContactEvent> java.util.List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Closes the edge on a background thread: jain-sip's stopStack() sleeps a fixed second or two, and every
     * fixture has its own free ports, so tests need not wait. {@code SipEdgeLifecycleTest} checks close() itself.
     */
    @Override
    public void close() {
        Thread.ofPlatform().daemon().name("edge-close").start(edge::close);
    }
}
