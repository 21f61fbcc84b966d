package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Party;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.EventBus;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.SessionTimers;

/** A customer's re-INVITE or UPDATE in an established dialog: hold and resume, new SDP, session refresh. */
record CustomerReinvites(SipContext sip, SessionTimers timers, Clock clock, EventBus bus, CallMedia media,
                         CustomerSessionTimers sessionTimers) {
    /** re-INVITE (hold/resume, session refresh) or UPDATE inside an established dialog. */
    void reinvite(RequestEvent ev, ServerTransaction st, CustomerCall call) {
        Request req = ev.getRequest();
        call.lock.lock();
        try {
            if (call.state() != CustomerCall.State.CONNECTED && !Request.UPDATE.equals(req.getMethod())) {
                sip.respond(st, req, Response.REQUEST_PENDING);
                return;
            }
            byte[] body = req.getRawContent();
            Response ok = sip.response(Response.OK, req);
            ok.addHeader(sip.contact(SipContext.transportOf(req)));
            if (body != null && body.length > 0) {
                String offer = new String(body, StandardCharsets.UTF_8);
                String answer;
                try {
                    answer = media.reoffer(call.interaction.id(), Party.CUSTOMER, offer);
                } catch (RuntimeException e) {
                    sip.respond(st, req, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                call.sdpAnswer = answer;
                sip.setSdp(ok, answer);
                boolean hold = SdpFacts.of(offer).hold();
                if (hold != call.held) {
                    call.held = hold;
                    bus.publish(new CallHeld(clock.instant(), call.interaction.id(), hold, CallHeld.By.CUSTOMER));
                }
            } else if (Request.INVITE.equals(req.getMethod())) {
                sip.setSdp(ok, call.sdpAnswer); // offer-less re-INVITE: we offer our current SDP
            }
            int se = SessionTimerHeaders.sessionExpires(req);
            if (se >= 0 && se < timers.minSe().toSeconds()) {
                sip.respond(st, req, 422, r -> sip.addHeader(r, "Min-SE", Long.toString(timers.minSe().toSeconds())));
                return;
            }
            if (se > 0 && call.sessionExpires > 0) {
                call.sessionExpires = se;
            }
            sessionTimers.headers(call, ok);
            sip.send(st, ok);
            sessionTimers.arm(call);
        } finally {
            call.lock.unlock();
        }
    }
}
