package org.mvtm.sip.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Interaction;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallParty;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.ChatConversations;
import org.mvtm.sip.api.CustomerDirectory;
import org.mvtm.sip.api.SessionTimers;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer calls into queues: authentication (digest or trusted trunk), 100/183 early media while queued, 200 OK
 * when an advisor accepts, CANCEL = abandon, BYE from either side, re-INVITE/UPDATE for hold and session refresh
 * (RFC 4028). Media goes only through {@link CallMedia}; advisor phones through {@link AdvisorLegs}. A new INVITE is
 * {@link CustomerInvites}', an in-dialog one {@link CustomerReinvites}', timers {@link CustomerSessionTimers}'.
 */
final class CustomerCalls {
    private static final Logger log = LoggerFactory.getLogger(CustomerCalls.class);

    private final SipContext sip;
    private final CallRouting routing;
    private final CallMedia media;
    private final CallTable table;
    private final SipCounters counters;
    private final CustomerSessionTimers sessionTimers;
    private final CustomerInvites invites;
    private final CustomerReinvites reinvites;
    private final DialogSharing dialogs;
    private AdvisorLegs legs;
    private Ivr ivr;
    private CallbackDialer callbacks;

    CustomerCalls(SipContext sip, SipAuth auth, Set<String> queues, Set<String> trunks,
                  SessionTimers timers, Clock clock, EventBus bus, CallRouting routing, CallMedia media,
                  CustomerDirectory customers, ChatConversations conversations, CallTable table,
                  SipCounters counters, ScheduledExecutorService scheduler, Executor work, DialogSharing dialogs) {
        this.sip = sip;
        this.dialogs = dialogs;
        this.routing = routing;
        this.media = media;
        this.table = table;
        this.counters = counters;
        this.sessionTimers = new CustomerSessionTimers(sip, counters, scheduler, work,
                id -> hangUp(id, InteractionEnded.EndedBy.SYSTEM, true));
        this.invites = new CustomerInvites(sip, auth, queues, trunks, timers, clock, routing, media, customers,
                conversations, table, counters, this);
        this.reinvites = new CustomerReinvites(sip, timers, clock, bus, media, sessionTimers);
    }

    void legs(AdvisorLegs legs) {
        this.legs = legs;
    }

    /** The voice front door for queues with topics (null: every caller is queued at once). */
    void ivr(Ivr ivr) {
        this.ivr = ivr;
    }

    Ivr ivr() {
        return ivr;
    }

    /** In-queue callbacks: a caller who asked for one keeps their place when they hang up. */
    void callbacks(CallbackDialer callbacks) {
        this.callbacks = callbacks;
    }

    CallbackDialer callbacks() {
        return callbacks;
    }

    /** Who the caller is: the authenticated user, the From user of a trusted trunk, or empty (already answered). */
    Optional<String> caller(ServerTransaction st, Request req, String sourceAddress) {
        return invites.caller(st, req, sourceAddress);
    }

    /** A new INVITE (no To tag). */
    void invite(RequestEvent ev, ServerTransaction st, String sourceAddress) {
        invites.invite(ev, st, sourceAddress);
    }

    /** Queue music, then routing (under the call's lock). */
    void queue(CustomerCall call) {
        Interaction interaction = call.interaction;
        try {
            media.playQueueAnnouncement(interaction.id());
        } catch (RuntimeException e) {
            log.warn("no queue announcement for {}: {}", interaction.id(), e.toString());
        }
        counters.callsOffered.increment();
        try {
            routing.enqueue(interaction);
        } catch (RuntimeException e) {
            log.warn("routing refused {}", interaction.id(), e);
            fail(call, Response.SERVICE_UNAVAILABLE, "routing", "routing unavailable");
        }
    }

    /** Routing says an advisor accepted: answer the customer with 200 OK. */
    void answer(InteractionId id) {
        CustomerCall call = table.customer(id);
        if (call == null) {
            return;
        }
        call.lock.lock();
        try {
            if (call.state() != CustomerCall.State.QUEUED) {
                return;
            }
            Response ok = sip.response(Response.OK, call.inviteRequest, call.localTag);
            ok.addHeader(sip.contact(SipContext.transportOf(call.inviteRequest)));
            ok.addHeader(sip.allow());
            sessionTimers.headers(call, ok);
            sip.setSdp(ok, call.sdpAnswer);
            try {
                media.stopQueueAnnouncement(id); // the caller hears the advisor from now on
            } catch (RuntimeException e) {
                log.warn("the queue music of {} did not stop: {}", id, e.toString());
            }
            call.moveTo(CustomerCall.State.CONNECTED);
            counters.callsAnswered.increment();
            sip.send(call.invite, ok);
            sessionTimers.arm(call);
            share(call);
        } finally {
            call.lock.unlock();
        }
    }

    /** The established dialog goes to the shared store, so that a survivor can carry the call on if this node dies. */
    private void share(CustomerCall call) {
        call.sharedCallId = dialogs.share(() -> DialogRecords.answered(call.inviteRequest, call.localTag,
                call.interaction.id(), CallParty.CUSTOMER));
    }

    /** CANCEL for a queued call: 200 to the CANCEL, 487 to the INVITE, abandon in routing. */
    void cancel(RequestEvent ev, ServerTransaction cancelSt) {
        Request req = ev.getRequest();
        CustomerCall call = table.byCallId(((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId());
        if (call == null) {
            sip.respond(cancelSt, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        sip.respond(cancelSt, req, Response.OK);
        call.lock.lock();
        try {
            if (call.state() == CustomerCall.State.ENDED || call.state() == CustomerCall.State.CONNECTED) {
                return;
            }
            sip.send(call.invite, sip.response(Response.REQUEST_TERMINATED, call.inviteRequest, call.localTag));
            call.moveTo(CustomerCall.State.ENDED);
            abandoned(call);
        } finally {
            call.lock.unlock();
        }
    }

    private void abandoned(CustomerCall call) {
        if (callbacks != null && callbacks.keepsPlace(call)) {
            finish(call); // still queued in routing: called back when an advisor accepts
            return;
        }
        counters.callsAbandoned.increment();
        finish(call);
        legs.cancelAll(call.interaction.id());
        try {
            routing.abandon(call.interaction.id());
        } catch (RuntimeException e) {
            log.warn("routing could not abandon {}", call.interaction.id(), e);
        }
        media.release(call.interaction.id());
    }

    /** BYE from the customer. */
    void bye(RequestEvent ev, ServerTransaction st, CustomerCall call) {
        sip.respond(st, ev.getRequest(), Response.OK);
        call.lock.lock();
        try {
            if (call.state() == CustomerCall.State.ENDED) {
                return;
            }
            boolean connected = call.state() == CustomerCall.State.CONNECTED;
            call.moveTo(CustomerCall.State.ENDED);
            if (!connected) {
                abandoned(call);
                return;
            }
            finish(call);
            legs.hangUpAll(call.interaction.id());
            media.release(call.interaction.id());
        } finally {
            call.lock.unlock();
        }
        ended(call.interaction.id(), InteractionEnded.EndedBy.CUSTOMER);
    }

    /** Routing ends the interaction (and publishes {@code InteractionEnded}), so the advisor moves to wrap-up. */
    private void ended(InteractionId id, InteractionEnded.EndedBy by) {
        try {
            routing.complete(id, by);
        } catch (RuntimeException e) {
            log.warn("routing could not end {}", id, e);
        }
    }

    /**
     * The advisor side ended (phone BYE, web console hang-up, session expiry): BYE the customer. Ends the
     * interaction in routing only if {@code publish} (not when routing's own {@code InteractionEnded} asked for it).
     */
    void hangUp(InteractionId id, InteractionEnded.EndedBy by, boolean publish) {
        CustomerCall call = table.customer(id);
        if (call == null) {
            return;
        }
        call.lock.lock();
        try {
            if (call.state() == CustomerCall.State.ENDED) {
                return;
            }
            CustomerCall.State was = call.state();
            call.moveTo(CustomerCall.State.ENDED);
            if (was == CustomerCall.State.CONNECTED) {
                sip.bye(call.dialog);
            } else {
                sip.send(call.invite, sip.response(Response.TEMPORARILY_UNAVAILABLE, call.inviteRequest, call.localTag));
                counters.callFailed("ended-while-queued");
            }
            finish(call);
            legs.hangUpAll(id);
            media.release(id);
        } finally {
            call.lock.unlock();
        }
        if (publish) {
            ended(id, by);
        }
    }

    /** re-INVITE (hold/resume, session refresh) or UPDATE inside an established dialog. */
    void reinvite(RequestEvent ev, ServerTransaction st, CustomerCall call) {
        reinvites.reinvite(ev, st, call);
    }

    /** Ends every call (edge shutdown). */
    void closeAll() {
        for (CustomerCall call : table.customers()) {
            hangUp(call.interaction.id(), InteractionEnded.EndedBy.SYSTEM, true);
        }
    }

    void fail(CustomerCall call, int status, String cause, String reason) {
        if (call.canMoveTo(CustomerCall.State.ENDED)) {
            call.moveTo(CustomerCall.State.ENDED);
        }
        Response r = sip.response(status, call.inviteRequest, call.localTag);
        Registrar.reason(r, reason);
        sip.send(call.invite, r);
        counters.callFailed(cause);
        finish(call);
        media.release(call.interaction.id());
    }

    private void finish(CustomerCall call) {
        if (ivr != null) {
            ivr.ended(call.interaction.id());
        }
        sessionTimers.cancel(call);
        dialogs.forget(call.sharedCallId);
        call.sharedCallId = null;
        if (table.customer(call.interaction.id()) == call) {
            counters.activeCalls.decrement();
        }
        table.remove(call);
    }
}
