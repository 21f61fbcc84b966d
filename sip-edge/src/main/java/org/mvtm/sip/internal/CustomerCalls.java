package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallParty;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.ChatConversations;
import org.mvtm.sip.api.CustomerDirectory;
import org.mvtm.sip.api.SessionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer calls into queues: authentication (digest or trusted trunk), 100/183 early media while queued, 200 OK
 * when an advisor accepts, CANCEL = abandon, BYE from either side, re-INVITE/UPDATE for hold and session refresh
 * (RFC 4028). Media goes only through {@link CallMedia}; advisor phones through {@link AdvisorLegs}.
 */
final class CustomerCalls {
    private static final Logger log = LoggerFactory.getLogger(CustomerCalls.class);

    private final SipContext sip;
    private final SipAuth auth;
    private final java.util.Set<String> queues;
    private final java.util.Set<String> trunks;
    private final SessionTimers timers;
    private final Clock clock;
    private final EventBus bus;
    private final CallRouting routing;
    private final CallMedia media;
    private final CustomerDirectory customers;
    private final ChatConversations conversations;
    private final CallTable table;
    private final SipCounters counters;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.Executor work;
    private AdvisorLegs legs;
    private org.mvtm.sip.ivr.Ivr ivr;

    CustomerCalls(SipContext sip, SipAuth auth, java.util.Set<String> queues, java.util.Set<String> trunks,
                  SessionTimers timers, Clock clock, EventBus bus, CallRouting routing, CallMedia media,
                  CustomerDirectory customers, ChatConversations conversations, CallTable table,
                  SipCounters counters, ScheduledExecutorService scheduler, java.util.concurrent.Executor work) {
        this.sip = sip;
        this.auth = auth;
        this.queues = queues;
        this.trunks = trunks;
        this.timers = timers;
        this.clock = clock;
        this.bus = bus;
        this.routing = routing;
        this.media = media;
        this.customers = customers;
        this.conversations = conversations;
        this.table = table;
        this.counters = counters;
        this.scheduler = scheduler;
        this.work = work;
    }

    void legs(AdvisorLegs legs) {
        this.legs = legs;
    }

    /** The voice front door for queues with topics (null: every caller is queued at once). */
    void ivr(org.mvtm.sip.ivr.Ivr ivr) {
        this.ivr = ivr;
    }

    org.mvtm.sip.ivr.Ivr ivr() {
        return ivr;
    }

    /** Who the caller is: the authenticated user, the From user of a trusted trunk, or empty (already answered). */
    Optional<String> caller(ServerTransaction st, Request req, String sourceAddress) {
        if (trunks.contains(sourceAddress)) {
            FromHeader from = (FromHeader) req.getHeader(FromHeader.NAME);
            String user = from.getAddress().getURI() instanceof SipURI s && s.getUser() != null ? s.getUser() : "trunk";
            return Optional.of(user);
        }
        return auth.authenticate(st, req, sourceAddress);
    }

    /** A new INVITE (no To tag). */
    void invite(RequestEvent ev, ServerTransaction st, String sourceAddress) {
        Request req = ev.getRequest();
        // RFC 3261 8.2: Request-URI (404) before content processing (415/488)
        String queue = queueOf(req);
        if (queue == null) {
            sip.respond(st, req, Response.NOT_FOUND, r -> Registrar.reason(r, "no such queue"));
            counters.rejected("unknown-queue");
            return;
        }
        ContentTypeHeader ct = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
        byte[] body = req.getRawContent();
        if (body == null || body.length == 0) {
            sip.respond(st, req, Response.NOT_ACCEPTABLE_HERE, r -> Registrar.reason(r, "an SDP offer is required"));
            counters.rejected("no-sdp");
            return;
        }
        if (ct == null || !"application".equalsIgnoreCase(ct.getContentType())
                || !"sdp".equalsIgnoreCase(ct.getContentSubType())) {
            sip.respond(st, req, Response.UNSUPPORTED_MEDIA_TYPE, r -> accept(r));
            counters.rejected("415");
            return;
        }
        int requestedSe = SessionTimerHeaders.sessionExpires(req);
        if (requestedSe >= 0 && requestedSe < timers.minSe().toSeconds()) {
            sip.respond(st, req, 422, r -> addHeader(r, "Min-SE", Long.toString(timers.minSe().toSeconds())));
            counters.rejected("422");
            return;
        }
        if (st == null) {
            sip.respond(null, req, Response.BAD_REQUEST, r -> Registrar.reason(r,
                    "cannot establish a dialog (Contact and Max-Forwards are required)"));
            counters.rejected("400");
            return;
        }
        Optional<String> user = caller(st, req, sourceAddress);
        if (user.isEmpty()) {
            return;
        }
        FromHeader from = (FromHeader) req.getHeader(FromHeader.NAME);
        String aor = Registrar.aor(user.get(), sip.domain);
        Optional<Language> lang = RequestLanguage.of(req);
        Customer customer = customers.identify(user.get(), from.getAddress().getDisplayName(), lang);
        String sdpOffer = new String(body, StandardCharsets.UTF_8);
        Channel channel = SdpFacts.of(sdpOffer).video() ? Channel.VIDEO : Channel.VOICE;
        Interaction interaction = new Interaction(InteractionId.random(), conversations.conversationOf(aor), channel,
                customer, customer.language(), List.of(SkillRequirement.of(customer.language().skillName(), 1)),
                QueueId.of(queue), null, clock.instant());
        Dialog dialog;
        try {
            dialog = sip.provider.getNewDialog(st);
        } catch (Exception e) {
            sip.respond(st, req, Response.SERVER_INTERNAL_ERROR);
            counters.callFailed("dialog");
            return;
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) req.getHeader(MaxForwardsHeader.NAME);
        CustomerCall call = new CustomerCall(((javax.sip.header.CallIdHeader) req.getHeader("Call-ID")).getCallId(),
                interaction, st, dialog, clock.instant(), mf == null ? 70 : mf.getMaxForwards(), aor);
        dialog.setApplicationData(call);
        if (SessionTimerHeaders.supportsTimer(req)) {
            call.sessionExpires = (int) (requestedSe > 0 ? requestedSe : timers.sessionExpires().toSeconds());
        }
        call.lock.lock();
        try {
            table.add(call);
            counters.activeCalls.increment();
            try {
                call.sdpAnswer = media.answer(interaction.id(), CallParty.CUSTOMER, sdpOffer);
            } catch (IllegalArgumentException e) {
                fail(call, Response.NOT_ACCEPTABLE_HERE, "media", e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("media refused the customer leg of {}", interaction.id(), e);
                fail(call, Response.SERVICE_UNAVAILABLE, "media", "media bridge unavailable");
                return;
            }
            Response progress = sip.response(Response.SESSION_PROGRESS, req, call.localTag);
            progress.addHeader(sip.contact(SipContext.transportOf(req)));
            setSdp(progress, call.sdpAnswer);
            sip.send(st, progress);
            call.moveTo(CustomerCall.State.QUEUED);
            if (ivr != null && ivr.answers(queue, interaction.language())) {
                ivr.start(interaction.id(), queue, interaction.language(), call.sdpAnswer,
                        context -> IvrHandoff.queue(this, call, context));
                return;
            }
            queue(call);
        } finally {
            call.lock.unlock();
        }
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
            sessionTimerHeaders(call, ok);
            setSdp(ok, call.sdpAnswer);
            try {
                media.stopQueueAnnouncement(id); // the caller hears the advisor from now on
            } catch (RuntimeException e) {
                log.warn("the queue music of {} did not stop: {}", id, e.toString());
            }
            call.moveTo(CustomerCall.State.CONNECTED);
            counters.callsAnswered.increment();
            sip.send(call.invite, ok);
            armSessionTimer(call);
        } finally {
            call.lock.unlock();
        }
    }

    /** CANCEL for a queued call: 200 to the CANCEL, 487 to the INVITE, abandon in routing. */
    void cancel(RequestEvent ev, ServerTransaction cancelSt) {
        Request req = ev.getRequest();
        CustomerCall call = table.byCallId(((javax.sip.header.CallIdHeader) req.getHeader("Call-ID")).getCallId());
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
                sendBye(call.dialog);
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
                    answer = media.reoffer(call.interaction.id(), CallParty.CUSTOMER, offer);
                } catch (RuntimeException e) {
                    sip.respond(st, req, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                call.sdpAnswer = answer;
                setSdp(ok, answer);
                boolean hold = SdpFacts.of(offer).hold();
                if (hold != call.held) {
                    call.held = hold;
                    bus.publish(new CallHeld(clock.instant(), call.interaction.id(), hold, CallHeld.By.CUSTOMER));
                }
            } else if (Request.INVITE.equals(req.getMethod())) {
                setSdp(ok, call.sdpAnswer); // offer-less re-INVITE: we offer our current SDP
            }
            int se = SessionTimerHeaders.sessionExpires(req);
            if (se >= 0 && se < timers.minSe().toSeconds()) {
                sip.respond(st, req, 422, r -> addHeader(r, "Min-SE", Long.toString(timers.minSe().toSeconds())));
                return;
            }
            if (se > 0 && call.sessionExpires > 0) {
                call.sessionExpires = se;
            }
            sessionTimerHeaders(call, ok);
            sip.send(st, ok);
            armSessionTimer(call);
        } finally {
            call.lock.unlock();
        }
    }

    /** Ends every call (edge shutdown). */
    void closeAll() {
        for (CustomerCall call : table.customers()) {
            hangUp(call.interaction.id(), InteractionEnded.EndedBy.SYSTEM, true);
        }
    }

    private void fail(CustomerCall call, int status, String cause, String reason) {
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
        if (call.sessionTimer != null) {
            call.sessionTimer.cancel(false);
        }
        if (table.customer(call.interaction.id()) == call) {
            counters.activeCalls.decrement();
        }
        table.remove(call);
    }

    private void armSessionTimer(CustomerCall call) {
        if (call.sessionExpires <= 0) {
            return;
        }
        if (call.sessionTimer != null) {
            call.sessionTimer.cancel(false);
        }
        // RFC 4028 section 10: without a refresh, the UAS sends BYE shortly before the session expires
        long delay = Math.max(1, call.sessionExpires - Math.min(32, call.sessionExpires / 3));
        call.sessionTimer = scheduler.schedule(() -> work.execute(() -> {
            log.info("session of {} expired without refresh; ending both legs", call.interaction.id());
            counters.callFailed("session-expired");
            hangUp(call.interaction.id(), InteractionEnded.EndedBy.SYSTEM, true);
        }), delay, TimeUnit.SECONDS);
    }

    private void sessionTimerHeaders(CustomerCall call, Response r) {
        if (call.sessionExpires > 0) {
            addHeader(r, "Session-Expires", call.sessionExpires + ";refresher=uac");
            addHeader(r, "Require", "timer");
        }
        addHeader(r, "Supported", "timer");
    }

    void sendBye(Dialog dialog) {
        try {
            if (dialog == null || dialog.getState() == DialogState.TERMINATED) {
                return;
            }
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(sip.provider.getNewClientTransaction(bye));
        } catch (Exception e) {
            log.debug("cannot send BYE: {}", e.toString());
        }
    }

    /** The queue named by the request URI's user part, or null. */
    private String queueOf(Request req) {
        if (req.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
            String user = uri.getUser();
            return queues.contains(user) || routing.takesCallers(user) ? user : null;
        }
        return null;
    }

    void setSdp(javax.sip.message.Message m, String sdp) {
        try {
            m.setContent(sdp, sip.headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept(Response r) {
        try {
            r.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addHeader(javax.sip.message.Message m, String name, String value) {
        try {
            m.addHeader(sip.headers.createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
