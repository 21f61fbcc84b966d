package org.mvtm.sip.internal;

import java.time.Duration;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A B2BUA call is two sides of one interaction, both in the {@link CallTable}: the customer's leg
 * ({@link CustomerCall}, which this edge answers: UAS) and the advisors' desk-phone legs ({@link AdvisorLeg}, which
 * this edge places: UAC; none when the advisor uses the web console, several while an offer moves on). Setting the
 * legs up is {@link CustomerInvites}', {@link CustomerCalls}' and {@link AdvisorLegs}'; this class holds the hang-up
 * rules, who ends what when either side goes:
 *
 * <table>
 *   <caption>hang-up rules</caption>
 *   <tr><th>what happened</th><th>customer leg</th><th>advisor legs</th><th>routing</th><th>media</th></tr>
 *   <tr><td>customer CANCEL, or BYE, while queued</td><td>487 to the INVITE (after CANCEL)</td>
 *       <td>CANCEL ringing</td><td>abandon, unless a callback keeps the caller's place</td><td>release</td></tr>
 *   <tr><td>customer BYE when connected</td><td>200</td><td>BYE connected, CANCEL ringing</td>
 *       <td>complete (CUSTOMER)</td><td>release</td></tr>
 *   <tr><td>advisor phone BYE</td><td>BYE (480 to the INVITE if not yet answered)</td><td>200</td>
 *       <td>complete (ADVISOR)</td><td>release</td></tr>
 *   <tr><td>routing ended it (web hang-up, other node)</td><td>BYE or 480</td><td>BYE or CANCEL</td>
 *       <td>nothing: it published the end</td><td>release</td></tr>
 *   <tr><td>session expired (RFC 4028), edge shut down</td><td>BYE or 480</td><td>BYE or CANCEL</td>
 *       <td>complete (SYSTEM)</td><td>release</td></tr>
 *   <tr><td>routing abandoned it</td><td>-</td><td>CANCEL ringing</td><td>-</td><td>-</td></tr>
 *   <tr><td>customer leg failed (media, routing) before any offer</td><td>4xx/5xx with a Reason</td><td>-</td>
 *       <td>-</td><td>release</td></tr>
 *   <tr><td>an advisor leg failed or was declined ({@link AdvisorLegs})</td><td>stays queued</td>
 *       <td>that leg ends</td><td>decline</td><td>that leg removed</td></tr>
 * </table>
 * Each side's state changes under its own lock, the customer's taken first and an advisor leg's inside it, never the
 * other way round: an advisor's BYE lets go of the leg before the customer's call ends.
 */
final class B2buaCalls {
    private static final Logger log = LoggerFactory.getLogger(B2buaCalls.class);
    /** How long a BYE waits for the caller's ACK: the 200 OK's retransmissions stop after 64 T1 (32 s). */
    private static final long ACK_WAIT_SECONDS = 32;

    private final SipContext sip;
    /** Both legs of every call: customer calls by Call-ID and interaction, advisor legs by interaction. */
    private final CallTable table;
    /** Hangs up and cancels the advisors' legs. */
    private final AdvisorLegEnds advisors;
    private final CallRouting routing;
    private final CallMedia media;
    private final SipCounters counters;
    /** What else ends with the customer's leg: its shared dialog, its IVR, its session timer. */
    private final DialogSharing dialogs;
    private final Ivr ivr;
    private final CustomerSessionTimers sessionTimers;
    private final EarlyProgress earlyProgress;
    private final EdgeTimers timers;
    /** Whether a caller who hangs up while queued keeps their place for a callback. */
    private final CallbackDialer callbacks;

    /** {@code ivr} null: no voice front door. */
    B2buaCalls(SipContext sip, SipEdgePorts ports, CallTable table, AdvisorLegEnds advisors, CallbackDialer callbacks,
               Ivr ivr, SipCounters counters, DialogSharing dialogs, EdgeTimers timers,
               Duration earlyProgressInterval) {
        this.sip = sip;
        this.table = table;
        this.advisors = advisors;
        this.routing = ports.routing();
        this.media = ports.media();
        this.counters = counters;
        this.dialogs = dialogs;
        this.ivr = ivr;
        this.sessionTimers = new CustomerSessionTimers(sip, counters, timers,
                id -> hangUp(id, InteractionEnded.EndedBy.SYSTEM, true));
        this.earlyProgress = new EarlyProgress(sip, timers, earlyProgressInterval);
        this.timers = timers;
        this.callbacks = callbacks;
    }

    /** The customers' RFC 4028 timers: a session that expires is hung up here. */
    CustomerSessionTimers sessionTimers() {
        return sessionTimers;
    }

    /** The 183 repeated to callers who wait to be answered. */
    EarlyProgress earlyProgress() {
        return earlyProgress;
    }

    /** CANCEL for a queued call: 200 to the CANCEL, 487 to the INVITE, abandon in routing. */
    void customerCancelled(RequestEvent ev, ServerTransaction cancelSt) {
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

    /** BYE from the customer: abandoned if still queued, else the advisors' phones are hung up and routing ends it. */
    void customerHungUp(RequestEvent ev, ServerTransaction st, CustomerCall call) {
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
            advisors.hangUpAll(call.interaction.id());
            media.release(call.interaction.id());
        } finally {
            call.lock.unlock();
        }
        complete(call.interaction.id(), InteractionEnded.EndedBy.CUSTOMER);
    }

    /** BYE from an advisor's phone: the customer's leg ends too (if this edge holds it) and routing ends the call. */
    void advisorHungUp(RequestEvent ev, ServerTransaction st, AdvisorLeg leg) {
        sip.respond(st, ev.getRequest(), Response.OK);
        if (!advisors.byeReceived(leg)) {
            return;
        }
        if (table.customer(leg.interaction) != null) {
            hangUp(leg.interaction, InteractionEnded.EndedBy.ADVISOR, true);
        } else {
            complete(leg.interaction, InteractionEnded.EndedBy.ADVISOR); // a web or called-back customer
        }
    }

    /** Routing published the end (web console hang-up, wrap-up, another node): both sides end, nothing published. */
    void ended(InteractionId id, InteractionEnded.EndedBy by) {
        hangUp(id, by, false);
        advisors.hangUpAll(id);
    }

    /** Routing says the customer left (or was withdrawn) before an advisor answered: stop ringing phones. */
    void abandoned(InteractionId id) {
        advisors.cancelAll(id);
    }

    /**
     * The advisor side ended (phone BYE, web console hang-up, session expiry): BYE the customer. Ends the
     * interaction in routing only if {@code publish} (not when routing's own {@code InteractionEnded} asked for it).
     */
    private void hangUp(InteractionId id, InteractionEnded.EndedBy by, boolean publish) {
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
                byeOnceAcknowledged(call);
            } else {
                sip.send(call.invite,
                        sip.response(Response.TEMPORARILY_UNAVAILABLE, call.inviteRequest, call.localTag));
                counters.callFailed("ended-while-queued");
            }
            finish(call);
            advisors.hangUpAll(id);
            media.release(id);
        } finally {
            call.lock.unlock();
        }
        if (publish) {
            complete(id, by);
        }
    }

    /**
     * RFC 3261 15: no BYE before the caller's ACK of our 200 OK has come, or the 200's transaction has timed out
     * (64 T1): a caller who gets the BYE first takes it for a request outside the call (caller holds the call's lock).
     */
    private void byeOnceAcknowledged(CustomerCall call) {
        if (call.acknowledged) {
            sip.bye(call.dialog);
            return;
        }
        call.byeHeldBack = true;
        timers.after(Duration.ofSeconds(ACK_WAIT_SECONDS), () -> {
            call.lock.lock();
            try {
                sendHeldBackBye(call);
            } finally {
                call.lock.unlock();
            }
        });
    }

    /** The caller's ACK of our 200 OK (or of a re-INVITE's): a BYE held back for it goes now. */
    void acknowledged(CustomerCall call) {
        call.lock.lock();
        try {
            call.acknowledged = true;
            sendHeldBackBye(call);
        } finally {
            call.lock.unlock();
        }
    }

    private void sendHeldBackBye(CustomerCall call) {
        if (call.byeHeldBack) {
            call.byeHeldBack = false;
            sip.bye(call.dialog);
        }
    }

    /** The customer left before an advisor answered (caller holds the call's lock). */
    private void abandoned(CustomerCall call) {
        if (callbacks.keepsPlace(call)) {
            finish(call); // still queued in routing: called back when an advisor accepts
            return;
        }
        counters.callsAbandoned.increment();
        finish(call);
        advisors.cancelAll(call.interaction.id());
        try {
            routing.abandon(call.interaction.id());
        } catch (RuntimeException e) {
            log.warn("routing could not abandon {}", call.interaction.id(), e);
        }
        media.release(call.interaction.id());
    }

    /** The customer's leg cannot go on (caller holds the call's lock): a final error response, no advisor yet. */
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

    /** Ends every call (edge shutdown): customers' and advisors' legs, each interaction ended in routing. */
    void closeAll() {
        for (CustomerCall call : table.customers()) {
            hangUp(call.interaction.id(), InteractionEnded.EndedBy.SYSTEM, true);
        }
        advisors.closeAll();
    }

    /** Routing ends the interaction (and publishes {@code InteractionEnded}), so the advisor moves to wrap-up. */
    private void complete(InteractionId id, InteractionEnded.EndedBy by) {
        try {
            routing.complete(id, by);
        } catch (RuntimeException e) {
            log.warn("routing could not end {}", id, e);
        }
    }

    /** The customer's leg leaves the edge: IVR, repeated 183, session timer, shared dialog, table. */
    private void finish(CustomerCall call) {
        if (ivr != null) {
            ivr.ended(call.interaction.id());
        }
        earlyProgress.stop(call);
        sessionTimers.cancel(call);
        dialogs.forget(call.sharedCallId);
        call.sharedCallId = null;
        if (table.customer(call.interaction.id()) == call) {
            counters.activeCalls.decrement();
        }
        table.remove(call);
    }
}
