package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor on a SIP desk phone monitors an advisor's call by dialling a feature code and the advisor's extension
 * (their SIP user): {@code *44<ext>} listen (hears both sides, nobody hears them), {@code *45<ext>} whisper (only
 * the advisor hears them), {@code *46<ext>} barge-in (everyone hears them). The phone authenticates with digest like
 * any phone; the server ({@link CallRouting#monitor}) checks the supervisor's regions and audits: another region's
 * call is 403, no call 404, each with the reason. Allowed, the phone's leg joins through the relay in that mode; its
 * BYE stops, and the end of the call hangs it up.
 */
final class SupervisorPhones {
    private static final Logger log = LoggerFactory.getLogger(SupervisorPhones.class);
    private static final Map<String, String> CODES = Map.of("*44", "LISTEN", "*45", "WHISPER", "*46", "BARGE");

    /** A supervisor's phone in a call. */
    record SupervisorLeg(InteractionId interaction, String supervisor, Dialog dialog) {
    }

    private final SipContext sip;
    private final SipAuth auth;
    private final CallRouting routing;
    private final CallMedia media;
    private final Map<InteractionId, List<SupervisorLeg>> legs = new ConcurrentHashMap<>();

    SupervisorPhones(SipContext sip, SipAuth auth, CallRouting routing, CallMedia media) {
        this.sip = sip;
        this.auth = auth;
        this.routing = routing;
        this.media = media;
    }

    /** True for an INVITE to a monitoring feature code ({@code sip:*44alice@domain}). */
    static boolean isFeatureCode(Request req) {
        return req.getRequestURI() instanceof SipURI uri && uri.getUser() != null && uri.getUser().length() > 3
                && CODES.containsKey(uri.getUser().substring(0, 3));
    }

    void invite(RequestEvent ev, ServerTransaction st, String source) {
        Request req = ev.getRequest();
        Optional<String> supervisor = auth.authenticate(st, req, source);
        if (supervisor.isEmpty()) {
            return; // challenged or refused
        }
        String user = ((SipURI) req.getRequestURI()).getUser();
        String mode = CODES.get(user.substring(0, 3));
        CallRouting.Monitoring decision = routing.monitor(supervisor.get(), user.substring(3), mode);
        if (decision.call().isEmpty()) {
            sip.respond(st, req, decision.status(), r -> Registrar.reason(r, decision.reason()));
            return;
        }
        InteractionId call = decision.call().get();
        byte[] body = req.getRawContent();
        String answer;
        try {
            if (body == null || body.length == 0) {
                throw new IllegalArgumentException("the INVITE has no SDP offer");
            }
            answer = media.answerMonitor(call, supervisor.get(), new String(body, StandardCharsets.UTF_8), mode);
        } catch (RuntimeException e) {
            log.info("supervisor {} cannot monitor {}: {}", supervisor.get(), call, e.getMessage());
            routing.monitorStopped(call, supervisor.get());
            sip.respond(st, req, Response.NOT_ACCEPTABLE_HERE, r -> Registrar.reason(r, e.getMessage()));
            return;
        }
        try {
            Dialog dialog = sip.provider.getNewDialog(st);
            SupervisorLeg leg = new SupervisorLeg(call, supervisor.get(), dialog);
            dialog.setApplicationData(leg);
            legs.merge(call, List.of(leg), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            Response ok = sip.response(Response.OK, req, SipContext.newTag());
            ok.addHeader(sip.contact(SipContext.transportOf(req)));
            ok.addHeader(sip.allow());
            sip.setSdp(ok, answer);
            sip.send(st, ok);
        } catch (Exception e) {
            log.warn("cannot answer supervisor {}'s phone for {}", supervisor.get(), call, e);
            stop(call, supervisor.get());
            sip.respond(st, req, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /** BYE from the supervisor's phone: monitoring stops. */
    void bye(RequestEvent ev, ServerTransaction st, SupervisorLeg leg) {
        sip.respond(st, ev.getRequest(), Response.OK);
        if (remove(leg)) {
            stop(leg.interaction(), leg.supervisor());
        }
    }

    /** The call is over: BYE the supervisors' phones in it. */
    void hangUpAll(InteractionId interaction) {
        for (SupervisorLeg leg : legs.getOrDefault(interaction, List.of())) {
            if (remove(leg)) {
                sip.bye(leg.dialog());
                routing.monitorStopped(interaction, leg.supervisor());
            }
        }
    }

    void closeAll() {
        List.copyOf(legs.keySet()).forEach(this::hangUpAll);
    }

    private boolean remove(SupervisorLeg leg) {
        boolean[] removed = {false};
        legs.computeIfPresent(leg.interaction(), (k, v) -> {
            removed[0] = v.contains(leg);
            List<SupervisorLeg> rest = v.stream().filter(l -> l != leg).toList();
            return rest.isEmpty() ? null : rest;
        });
        return removed[0];
    }

    private void stop(InteractionId call, String supervisor) {
        try {
            media.removeMonitor(call, supervisor);
        } catch (RuntimeException e) {
            log.debug("no supervisor leg to remove for {}: {}", call, e.toString());
        }
        routing.monitorStopped(call, supervisor);
    }
}
