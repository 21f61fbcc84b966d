package org.mvtm.sip.internal;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.ColleagueInvited;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.sip.api.IvrSettings;
import org.mvtm.sip.api.SipCallbackSettings;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipMetrics;
import org.mvtm.sip.api.SipTransport;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one jain-sip stack (its own instance, unique name, no {@code SipFactory} singleton) with the handlers and
 * the event bus subscriptions. Thread model: jain-sip's transport threads classify and hand off; handlers run on
 * virtual threads; timers on one scheduler thread that hands off too.
 */
public final class DefaultSipEdge implements SipEdge {
    private static final Logger log = LoggerFactory.getLogger(DefaultSipEdge.class);

    private final SipEdgeConfig config;
    private final Clock clock;
    private final EventBus bus;
    private final SipEdgePorts ports;
    private final SipCounters counters = new SipCounters();
    private final Map<SipTransport, Integer> bound = new EnumMap<>(SipTransport.class);
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private SipStackImpl stack;
    private SipProvider provider;
    private EdgeListener listener;
    private ExecutorService work;
    private ScheduledExecutorService scheduler;
    private B2buaCalls calls;
    private AdvisorLegs advisors;
    private ColleaguePhones colleagues;
    private SupervisorPhones supervisors;
    private AdoptedDialogs adopted;
    private volatile boolean started;
    private volatile boolean closed;

    private final IvrSettings ivr;
    private final SipCallbackSettings callbackSettings;
    private CallbackDialer callbacks;

    public DefaultSipEdge(SipEdgeConfig config, Clock clock, EventBus bus, SipEdgePorts ports) {
        this(config, clock, bus, ports, null);
    }

    /** With the voice front door ({@code ivr} null: none). */
    public DefaultSipEdge(SipEdgeConfig config, Clock clock, EventBus bus, SipEdgePorts ports,
                          IvrSettings ivr) {
        this(config, clock, bus, ports, ivr, SipCallbackSettings.none());
    }

    /** With the voice front door and in-queue callbacks through a trunk. */
    public DefaultSipEdge(SipEdgeConfig config, Clock clock, EventBus bus, SipEdgePorts ports,
                          IvrSettings ivr, SipCallbackSettings callbacks) {
        this.ivr = ivr;
        this.callbackSettings = Objects.requireNonNull(callbacks, "callback settings");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "event bus");
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this SIP edge was closed; create a new one");
        }
        if (started) {
            return;
        }
        try {
            startStack();
        } catch (Exception e) {
            shutdown();
            throw new IllegalStateException("cannot start the SIP edge on " + config.bindAddress() + ": " + e, e);
        }
        started = true;
        log.info("SIP edge for {} listening on {} {}", config.domain(), config.bindAddress(), bound);
    }

    private void startStack() throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "mvtm-sip-" + UUID.randomUUID());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "32");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        // a non-INVITE server transaction lingers 32 s over UDP (Timer J): at hundreds of calls per second the
        // default table of 10,000 fills and the stack starts dropping requests; size it for 500 calls/s
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // also the size of the buffer jain-sip allocates for every received datagram (and keeps while it is queued):
        // at 64 KiB a backlog of a few thousand datagrams held hundreds of MB and young collections took seconds.
        // SIP over UDP stays under the path MTU (RFC 3261 18.1.1: larger requests go over TCP); 8 KiB is ample.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "8192");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", CheckingParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        // named, so the stack does not warn "using default tls security policy" at every start
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
        if (config.tlsPort() >= 0) {
            Path keyStore;
            String password;
            if (config.tls().generated()) {
                byte[] r = new byte[12];
                new SecureRandom().nextBytes(r);
                password = HexFormat.of().formatHex(r);
                keyStore = DevCertificate.generate(config.domain(), config.bindAddress(), password.toCharArray(), clock);
                log.info("generated a development TLS certificate for {}", config.domain());
            } else {
                keyStore = config.tls().keyStore();
                password = config.tls().password();
            }
            p.setProperty("javax.net.ssl.keyStore", keyStore.toString());
            p.setProperty("javax.net.ssl.keyStorePassword", password);
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", keyStore.toString());
            p.setProperty("javax.net.ssl.trustStorePassword", password);
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                    "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 "
                            + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_RSA_WITH_AES_128_CBC_SHA");
        }
        stack = new KeyedResponseStack(p);
        Map<SipTransport, ListeningPoint> points = new EnumMap<>(SipTransport.class);
        int shared = FreePorts.find(config.bindAddress());
        addPoint(points, SipTransport.UDP, config.udpPort(), shared);
        addPoint(points, SipTransport.TCP, config.tcpPort(), shared);
        addPoint(points, SipTransport.TLS, config.tlsPort(), -1);
        for (ListeningPoint lp : points.values()) {
            if (provider == null) {
                provider = stack.createSipProvider(lp);
            } else {
                provider.addListeningPoint(lp);
            }
        }
        work = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-edge-timers");
            t.setDaemon(true);
            return t;
        });
        listener = null;
        SipContext sip = new SipContext(provider, new AddressFactoryImpl(), new HeaderFactoryImpl(),
                new MessageFactoryImpl(), config.domain(), config.advertisedAddress(), points);
        DigestAuthenticator digest = new DigestAuthenticator(config.domain(), config.credentials(), clock,
                config.nonceLifetime());
        SignInThrottle signIns = ports.signIns() != null ? ports.signIns()
                : SignInThrottle.inMemory(clock, ThrottleSettings.defaults());
        SipAuth auth = new SipAuth(sip, digest, signIns, counters);
        CallTable table = new CallTable();
        CallAdmission admission = new CallAdmission(config.admission(), clock, work, ports.backlog());
        EdgeTimers timers = new EdgeTimers(scheduler, work);
        Registrar registrar = new Registrar(sip, auth, ports.registrations(), clock, config.minRegistration(),
                config.maxRegistration(), counters);
        DialogSharing sharing = new DialogSharing(ports.dialogs());
        Ivr voiceFrontDoor = ivr == null ? null : new Ivr(ivr, ports.media(), clock, scheduler);
        callbacks = new CallbackDialer(sip, clock, bus, ports.routing(), ports.media(), table, callbackSettings,
                timers);
        AdvisorLegEnds advisorEnds = new AdvisorLegEnds(sip, table, ports.media(), counters, sharing);
        advisors = new AdvisorLegs(sip, clock, ports, table, counters, timers, config.offerTimeout(),
                admission::late, sharing, advisorEnds);
        calls = new B2buaCalls(sip, ports, table, advisorEnds, callbacks, voiceFrontDoor, counters, sharing, timers,
                config.earlyProgress());
        CustomerCalls customers = new CustomerCalls(sip, auth, config, ports, clock, bus, table, counters, sharing,
                calls, voiceFrontDoor);
        adopted = new AdoptedDialogs(sip, ports.dialogs(), ports.media(), ports.routing(), advisors, callbacks);
        ChatRelay chat = new ChatRelay(sip, clock, bus, ports.conversations(), ports.registrations(), counters);
        colleagues = new ColleaguePhones(sip, clock, bus, ports.media(), ports.advisorPhones(), ports.registrations(),
                timers);
        supervisors = new SupervisorPhones(sip, auth, ports.routing(), ports.media());
        listener = new EdgeListener(sip, new FloodGuard(config.flood(), clock), counters, admission,
                new EdgeListener.Handlers(registrar, customers, advisors, calls, callbacks, voiceFrontDoor, chat,
                        colleagues, supervisors, adopted));
        subscriptions.add(bus.subscribe(ColleagueInvited.class, e -> admission.handOver(() -> colleagues.invited(e))));
        provider.addSipListener(listener);
        stack.start();
        subscriptions.add(bus.subscribe(AdvisorOffered.class, e -> admission.handOver(() -> advisors.offer(e))));
        subscriptions.add(bus.subscribe(OfferAccepted.class, e -> admission.handOver(() -> {
            customers.answer(e.interaction());
            callbacks.accepted(e.interaction());
        })));
        AdvisorHolds holds = new AdvisorHolds(table, ports.media());
        subscriptions.add(bus.subscribe(CallHeld.class, e -> admission.handOver(() -> holds.held(e))));
        subscriptions.add(bus.subscribe(OfferDeclined.class,
                e -> admission.handOver(() -> advisorEnds.offerWithdrawn(e.interaction(), e.advisor()))));
        subscriptions.add(bus.subscribe(InteractionAbandoned.class,
                e -> admission.handOver(() -> {
                    calls.abandoned(e.interaction());
                    callbacks.ended(e.interaction());
                })));
        subscriptions.add(bus.subscribe(InteractionEnded.class, e -> admission.handOver(() -> {
            calls.ended(e.interaction(), e.endedBy());
            adopted.hangUp(e.interaction());
            callbacks.ended(e.interaction());
            colleagues.hangUpAll(e.interaction());
            supervisors.hangUpAll(e.interaction());
        })));
        subscriptions.add(bus.subscribe(ChatMessagePosted.class, e -> {
            if (e.speaker() == TranscriptTurn.Speaker.BOT || e.speaker() == TranscriptTurn.Speaker.ADVISOR) {
                admission.handOver(() -> chat.posted(e));
            }
        }));
    }

    private void addPoint(Map<SipTransport, ListeningPoint> points, SipTransport t, int configured, int shared)
            throws Exception {
        if (configured < 0) {
            return;
        }
        int port = configured > 0 ? configured : shared > 0 ? shared : FreePorts.find(config.bindAddress());
        ListeningPoint lp = stack.createListeningPoint(config.bindAddress(), port, t.token());
        points.put(t, lp);
        bound.put(t, lp.getPort());
    }

    @Override
    public int port(SipTransport transport) {
        return bound.getOrDefault(transport, -1);
    }

    @Override
    public String domain() {
        return config.domain();
    }

    @Override
    public void takeOverCalls(InteractionId interaction, String deadNode) {
        if (!started || closed) {
            return;
        }
        work.execute(() -> {
            try {
                adopted.takeOver(interaction, deadNode);
            } catch (RuntimeException e) {
                log.warn("could not take over the SIP legs of {} from {}", interaction, deadNode, e);
            }
        });
    }

    @Override
    public SipMetrics metrics() {
        return counters.snapshot();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (EventBus.Subscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
        try {
            if (calls != null) {
                calls.closeAll();
            }
            if (callbacks != null) {
                callbacks.closeAll();
            }
            if (adopted != null) {
                adopted.closeAll();
            }
            if (colleagues != null) {
                colleagues.closeAll();
                supervisors.closeAll();
            }
        } catch (RuntimeException e) {
            log.warn("error ending calls on close", e);
        }
        shutdown();
    }

    private void shutdown() {
        if (stack != null) {
            try {
                if (provider != null) {
                    for (ListeningPoint lp : provider.getListeningPoints()) {
                        try {
                            provider.removeListeningPoint(lp);
                            stack.deleteListeningPoint(lp);
                        } catch (Exception e) {
                            log.debug("removing listening point: {}", e.toString());
                        }
                    }
                    if (listener != null) {
                        provider.removeSipListener(listener);
                    }
                    stack.deleteSipProvider(provider);
                }
            } catch (Exception e) {
                log.debug("deleting provider: {}", e.toString());
            }
            stack.stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (work != null) {
            work.shutdown();
            try {
                if (!work.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                    work.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static UncheckedIOException io(IOException e) {
        return new UncheckedIOException(e);
    }
}
