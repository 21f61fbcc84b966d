package org.mvtm.sip.internal;

import org.mvtm.core.Party;
import org.mvtm.core.event.CallHeld;
import org.mvtm.sip.api.CallMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An advisor's Hold on a SIP caller (from the web console, on whichever node): the caller's leg gets the hold music
 * and nothing else; Resume brings two-way audio back. The caller's own hold (a re-INVITE) is {@link CustomerCalls}'s.
 */
final class AdvisorHolds {
    private static final Logger log = LoggerFactory.getLogger(AdvisorHolds.class);
    private final CallTable table;
    private final CallMedia media;

    AdvisorHolds(CallTable table, CallMedia media) {
        this.table = table;
        this.media = media;
    }

    /** Runs on a worker thread; ignores calls this edge does not hold and holds the caller made. */
    void held(CallHeld e) {
        CustomerCall call = table.customer(e.interaction());
        if (call == null || e.by() != CallHeld.By.ADVISOR) {
            return;
        }
        call.lock.lock();
        try {
            if (call.state() == CustomerCall.State.CONNECTED) {
                media.hold(e.interaction(), Party.CUSTOMER, e.held());
            }
        } catch (RuntimeException ex) {
            log.warn("could not {} the caller of {}: {}", e.held() ? "hold" : "resume", e.interaction(), ex.toString());
        } finally {
            call.lock.unlock();
        }
    }
}
