package org.mvtm.sip.internal;

import java.time.Duration;
import java.util.function.Consumer;
import javax.sip.message.Response;
import org.mvtm.core.id.InteractionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** RFC 4028 session timers of customer calls: the headers of our 200 OKs, and the BYE when no refresh came. */
final class CustomerSessionTimers {
    private static final Logger log = LoggerFactory.getLogger(CustomerSessionTimers.class);

    private final SipContext sip;
    private final SipCounters counters;
    private final EdgeTimers timers;
    private final Consumer<InteractionId> expire;

    /** {@code expire} ends both legs of an interaction whose session expired (called on a worker). */
    CustomerSessionTimers(SipContext sip, SipCounters counters, EdgeTimers timers, Consumer<InteractionId> expire) {
        this.sip = sip;
        this.counters = counters;
        this.timers = timers;
        this.expire = expire;
    }

    /** (Re)starts the call's timer after a 200 OK (under the call's lock). */
    void arm(CustomerCall call) {
        if (call.sessionExpires <= 0) {
            return;
        }
        cancel(call);
        // RFC 4028 section 10: without a refresh, the UAS sends BYE shortly before the session expires
        long delay = Math.max(1, call.sessionExpires - Math.min(32, call.sessionExpires / 3));
        call.sessionTimer = timers.after(Duration.ofSeconds(delay), () -> {
            log.info("session of {} expired without refresh; ending both legs", call.interaction.id());
            counters.callFailed("session-expired");
            expire.accept(call.interaction.id());
        });
    }

    void cancel(CustomerCall call) {
        if (call.sessionTimer != null) {
            call.sessionTimer.cancel(false);
        }
    }

    /** Session-Expires (we refresh nothing: the caller does), Require and Supported on a 2xx. */
    void headers(CustomerCall call, Response r) {
        if (call.sessionExpires > 0) {
            sip.addHeader(r, "Session-Expires", call.sessionExpires + ";refresher=uac");
            sip.addHeader(r, "Require", "timer");
        }
        sip.addHeader(r, "Supported", "timer");
    }
}
