package org.mvtm.media.embedded;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.EmbeddedMediaConfig;
import org.mvtm.media.api.MediaEvent;
import org.mvtm.media.dtls.DtlsCertificate;
import org.mvtm.media.opus.OpusCodec;
import org.mvtm.media.support.AbstractMediaServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Java relay. Owns: the DTLS certificate, the port allocator, one platform scheduler thread
 * ("media-timer": watchdog every 200 ms and announcement pacing), one I/O selector loop per core
 * ("media-io-N") serving every leg's socket, and the virtual DTLS threads of browser legs ("media-dtls-ID": one
 * per handshake, and one while DTLS records that arrive after it are processed). {@link #close()} releases every
 * session and stops the scheduler and the loops.
 */
public final class EmbeddedMediaServer extends AbstractMediaServer<EmbeddedMediaSession> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMediaServer.class);
    final EmbeddedMediaConfig config;
    final Clock clock;
    final PortAllocator ports;
    final DtlsCertificate certificate;
    final BcTlsCrypto tlsCrypto = new BcTlsCrypto(new SecureRandom());
    final ScheduledExecutorService scheduler;
    final AudioClips clips;
    /** libopus, for mixing Opus audio (unavailable: Opus calls are relayed but not mixed). */
    final OpusCodec opus;
    final ReceiveLoops loops = new ReceiveLoops(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /** Media of calls that ended before their recording started, waiting for it. */
    final EndedCalls endedCalls;
    private final AtomicInteger mediaThreads = new AtomicInteger();

    public EmbeddedMediaServer(EmbeddedMediaConfig config, Clock clock) {
        this(config, clock, OpusCodec.load());
    }

    /** With the given libopus (unavailable: three-way calls and monitoring are refused for Opus calls). */
    public EmbeddedMediaServer(EmbeddedMediaConfig config, Clock clock, OpusCodec opus) {
        this.opus = opus;
        this.clips = new AudioClips(opus);
        if (!opus.available()) {
            LOG.warn("Opus audio will not be mixed (no three-way calls or monitoring of Opus browser calls): {}",
                    opus.problem());
        }
        this.config = config;
        this.clock = clock;
        this.endedCalls = new EndedCalls(clock);
        this.ports = new PortAllocator(config.bindAddress(), config.portMin(), config.portMax());
        this.certificate = DtlsCertificate.generate(clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "media-timer");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::watchdog, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    protected EmbeddedMediaSession newSession(InteractionId interaction) {
        return new EmbeddedMediaSession(this, interaction);
    }

    @Override
    protected void closeResources() {
        scheduler.shutdownNow();
        loops.close();
    }

    /** UDP media sockets currently open. */
    public int openPorts() {
        return ports.openPorts();
    }

    /** Legs registered with the I/O loops plus DTLS threads currently running ({@link #startThread}). */
    public int mediaThreads() {
        return mediaThreads.get();
    }

    void threadStarted() {
        mediaThreads.incrementAndGet();
    }

    void threadStopped() {
        mediaThreads.decrementAndGet();
    }

    /** Starts a virtual thread that {@link #mediaThreads()} counts from now until {@code job} returns. */
    Thread startThread(String name, Runnable job) {
        threadStarted();
        try {
            return Thread.ofVirtual().name(name).start(() -> {
                try {
                    job.run();
                } finally {
                    threadStopped();
                }
            });
        } catch (RuntimeException | Error e) {
            threadStopped();
            throw e;
        }
    }

    void forget(EmbeddedMediaSession session) {
        sessions.forget(session.interaction(), session);
    }

    /** Closes a leg off the thread that noticed its failure (which may be the leg's own thread). */
    void closeLater(Leg leg) {
        Thread.ofVirtual().name("media-close-" + leg.id).start(leg::close);
    }

    void publish(MediaEvent event) {
        sessions.publish(event);
    }

    private void watchdog() {
        try {
            Instant now = clock.instant();
            endedCalls.letGo(now);
            for (EmbeddedMediaSession s : sessions.sessions()) {
                for (Leg leg : s.snapshot()) {
                    leg.check(now, config.noMediaTimeout());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("media watchdog failed", e);
        }
    }
}
