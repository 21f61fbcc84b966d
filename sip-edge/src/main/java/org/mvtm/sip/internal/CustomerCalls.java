package org.mvtm.sip.internal;

import java.time.Clock;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Interaction;
import org.mvtm.core.Party;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer calls into queues: authentication (digest or trusted trunk), 100/183 early media while queued, 200 OK
 * when an advisor accepts, re-INVITE/UPDATE for hold and session refresh (RFC 4028). Media goes only through
 * {@link CallMedia}. A new INVITE is {@link CustomerInvites}', an in-dialog one {@link CustomerReinvites}'; how the
 * call ends (CANCEL, BYE from either side, failures) is {@link B2buaCalls}'.
 */
final class CustomerCalls {
    private static final Logger log = LoggerFactory.getLogger(CustomerCalls.class);

    private final SipContext sip;
    private final CallRouting routing;
    private final CallMedia media;
    private final CallTable table;
    private final SipCounters counters;
    private final DialogSharing dialogs;
    private final B2buaCalls calls;
    private final CustomerInvites invites;
    private final CustomerReinvites reinvites;

    /** {@code ivr} null: every caller is queued at once. */
    CustomerCalls(SipContext sip, SipAuth auth, SipEdgeConfig config, SipEdgePorts ports, Clock clock, EventBus bus,
                  CallTable table, SipCounters counters, DialogSharing dialogs, B2buaCalls calls, Ivr ivr) {
        this.sip = sip;
        this.routing = ports.routing();
        this.media = ports.media();
        this.table = table;
        this.counters = counters;
        this.dialogs = dialogs;
        this.calls = calls;
        this.invites = new CustomerInvites(sip, auth, config, ports, clock, table, counters, calls, ivr, this);
        this.reinvites = new CustomerReinvites(sip, config.sessionTimers(), clock, bus, media, calls.sessionTimers());
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
            calls.fail(call, Response.SERVICE_UNAVAILABLE, "routing", "routing unavailable");
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
            calls.sessionTimers().headers(call, ok);
            sip.setSdp(ok, call.sdpAnswer);
            try {
                media.stopQueueAnnouncement(id); // the caller hears the advisor from now on
            } catch (RuntimeException e) {
                log.warn("the queue music of {} did not stop: {}", id, e.toString());
            }
            call.moveTo(CustomerCall.State.CONNECTED);
            calls.earlyProgress().stop(call);
            counters.callsAnswered.increment();
            sip.send(call.invite, ok);
            calls.sessionTimers().arm(call);
            share(call);
        } finally {
            call.lock.unlock();
        }
    }

    /** The established dialog goes to the shared store, so that a survivor can carry the call on if this node dies. */
    private void share(CustomerCall call) {
        call.sharedCallId = dialogs.share(() -> DialogRecords.answered(call.inviteRequest, call.localTag,
                call.interaction.id(), Party.CUSTOMER));
    }

    /** re-INVITE (hold/resume, session refresh) or UPDATE inside an established dialog. */
    void reinvite(RequestEvent ev, ServerTransaction st, CustomerCall call) {
        reinvites.reinvite(ev, st, call);
    }
}
