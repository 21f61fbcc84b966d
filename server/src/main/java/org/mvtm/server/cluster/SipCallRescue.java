package org.mvtm.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.log.FailureStreakLog;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.api.SipEdge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries on the SIP calls of a node that died. A browser whose node died comes back by itself (it reconnects and
 * offers again, {@link MediaTakeover}); a phone does not, so every {@code every} this looks for nodes that hold SIP
 * dialogs ({@link SharedDialogs}) and whose lease ran out, claims each of their calls through {@link MediaHome}'s
 * fenced takeover (one survivor wins a call; the others see it alive elsewhere) and lets this node's edge re-INVITE
 * the phones from here ({@link SipEdge#takeOverCalls}). The claim also makes the coordinator record the rest of the
 * call here ({@code MediaHome.onTakeover}).
 *
 * <p>Runs on its own scheduler thread (Redis round trips only); the SIP work is handed to the edge's threads.
 */
public final class SipCallRescue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipCallRescue.class);

    private final MediaHome home;
    private final SharedDialogs dialogs;
    private final SipEdge edge;
    private final ScheduledExecutorService scheduler;
    private final FailureStreakLog failures;

    public SipCallRescue(MediaHome home, SharedDialogs dialogs, SipEdge edge, Duration every, Clock clock) {
        this.home = home;
        this.dialogs = dialogs;
        this.edge = edge;
        this.failures = new FailureStreakLog(log, "looking for SIP calls of dead nodes", clock, Duration.ofMinutes(1));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sip-call-rescue").factory());
        scheduler.scheduleWithFixedDelay(this::rescue, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: the calls of every dead node that held dialogs, each claimed, those won taken over here. */
    void rescue() {
        failures.run(this::takeOverDeadNodesCalls);
    }

    private void takeOverDeadNodesCalls() {
        for (String node : dialogs.nodes()) {
            if (node.equals(home.self()) || home.leaseLeft(node).isPositive()) {
                continue;
            }
            Set<InteractionId> calls = new LinkedHashSet<>();
            for (SharedDialog d : dialogs.heldBy(node)) {
                calls.add(d.interaction());
            }
            for (InteractionId call : calls) {
                String holder = home.claim(call);
                if (holder.equals(home.self())) {
                    log.info("taking over the SIP legs of {} from dead node {}", call, node);
                    edge.takeOverCalls(call, node);
                }
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
