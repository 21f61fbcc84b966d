package org.mvtm.sip.internal;

import java.time.Duration;
import javax.sip.message.Response;

/**
 * RFC 3261 13.3.1.1: a customer's INVITE that is not answered yet (the caller is in the IVR or the queue) gets its
 * 183 Session Progress again every interval, in the same dialog and with the same answer, so that no proxy on the
 * way cancels a call that waits long. The repeats stop when the call leaves the queue.
 */
record EarlyProgress(SipContext sip, EdgeTimers timers, Duration interval) {

    /** Repeats {@code progress} (the call's first 183) while the call is queued (under the call's lock). */
    void start(CustomerCall call, Response progress) {
        stop(call);
        call.progressRepeat = timers.every(interval, () -> repeat(call, progress));
    }

    void stop(CustomerCall call) {
        if (call.progressRepeat != null) {
            call.progressRepeat.cancel(false);
            call.progressRepeat = null;
        }
    }

    private void repeat(CustomerCall call, Response progress) {
        call.lock.lock();
        try {
            if (call.state() != CustomerCall.State.QUEUED) {
                stop(call);
                return;
            }
            sip.send(call.invite, (Response) progress.clone());
        } finally {
            call.lock.unlock();
        }
    }
}
