package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Party;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.ChatConversations;
import org.mvtm.sip.api.CustomerDirectory;
import org.mvtm.sip.api.SessionTimers;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's new INVITE (no To tag): the queue from the Request-URI, the SDP offer, the session timer, the caller
 * (digest or trusted trunk), then 183 with early media and the IVR or the queue. Later steps are {@link CustomerCalls}'.
 */
final class CustomerInvites {
    private static final Logger log = LoggerFactory.getLogger(CustomerInvites.class);

    private final SipContext sip;
    private final SipAuth auth;
    private final Set<String> queues;
    private final Set<String> trunks;
    private final SessionTimers timers;
    private final Clock clock;
    private final CallRouting routing;
    private final CallMedia media;
    private final CustomerDirectory customers;
    private final ChatConversations conversations;
    private final CallTable table;
    private final SipCounters counters;
    private final B2buaCalls b2bua;
    private final Ivr ivr;
    private final CustomerCalls calls;

    CustomerInvites(SipContext sip, SipAuth auth, SipEdgeConfig config, SipEdgePorts ports, Clock clock,
                    CallTable table, SipCounters counters, B2buaCalls b2bua, Ivr ivr, CustomerCalls calls) {
        this.sip = sip;
        this.auth = auth;
        this.queues = config.queues();
        this.trunks = config.trustedTrunks();
        this.timers = config.sessionTimers();
        this.clock = clock;
        this.routing = ports.routing();
        this.media = ports.media();
        this.customers = ports.customers();
        this.conversations = ports.conversations();
        this.table = table;
        this.counters = counters;
        this.b2bua = b2bua;
        this.ivr = ivr;
        this.calls = calls;
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
            sip.respond(st, req, 422, r -> sip.addHeader(r, "Min-SE", Long.toString(timers.minSe().toSeconds())));
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
        CustomerCall call = new CustomerCall(((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(),
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
                call.sdpAnswer = media.answer(interaction.id(), Party.CUSTOMER, sdpOffer);
            } catch (IllegalArgumentException e) {
                b2bua.fail(call, Response.NOT_ACCEPTABLE_HERE, "media", e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("media refused the customer leg of {}", interaction.id(), e);
                b2bua.fail(call, Response.SERVICE_UNAVAILABLE, "media", "media bridge unavailable");
                return;
            }
            Response progress = sip.response(Response.SESSION_PROGRESS, req, call.localTag);
            progress.addHeader(sip.contact(SipContext.transportOf(req)));
            sip.setSdp(progress, call.sdpAnswer);
            sip.send(st, progress);
            call.moveTo(CustomerCall.State.QUEUED);
            b2bua.earlyProgress().start(call, progress);
            if (ivr != null && ivr.answers(queue, interaction.language())) {
                ivr.start(interaction.id(), queue, interaction.language(), call.sdpAnswer,
                        context -> IvrHandoff.queue(calls, call, context));
                return;
            }
            calls.queue(call);
        } finally {
            call.lock.unlock();
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

    private void accept(Response r) {
        try {
            r.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
