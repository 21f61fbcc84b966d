package org.mvtm.sip.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.CallbackNumber;
import org.mvtm.core.Interaction;
import org.mvtm.core.Party;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.CallbackRequested;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.SipCallbackSettings;
import org.mvtm.sip.api.SipTransport;
import org.mvtm.sip.ivr.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-queue callbacks of SIP callers. A queued caller presses the callback key (SIP INFO, or RFC 4733 while the IVR
 * listens): their number (P-Asserted-Identity or From, see {@link CallerNumber}) is checked, they hear a confirmation
 * and may hang up; the interaction keeps its place in the queue (routing is not told of an abandon). When an advisor
 * accepts it, the edge dials the caller through the configured trunk as a new dialog of the B2BUA (the bridge's SDP
 * offer on the customer leg, so the call is relayed and recorded as an inbound one), retrying refused or unanswered
 * tries every interval up to the configured attempts; the outcome (answered on try n, or FAILED) and every step are
 * SYSTEM lines of the caller's conversation, so they are on the recording's timeline.
 */
final class CallbackDialer {
    private static final Logger log = LoggerFactory.getLogger(CallbackDialer.class);
    static final String SENDER = "callback";

    private final SipContext sip;
    private final Clock clock;
    private final EventBus bus;
    private final CallRouting routing;
    private final CallMedia media;
    private final CallTable table;
    private final SipCallbackSettings settings;
    private final EdgeTimers timers;
    private final Map<InteractionId, CallbackCall> callbacks = new ConcurrentHashMap<>();

    CallbackDialer(SipContext sip, Clock clock, EventBus bus, CallRouting routing, CallMedia media, CallTable table,
                   SipCallbackSettings settings, EdgeTimers timers) {
        this.sip = sip;
        this.clock = clock;
        this.bus = bus;
        this.routing = routing;
        this.media = media;
        this.table = table;
        this.settings = settings;
        this.timers = timers;
    }

    /** A SIP INFO of a customer call the IVR did not take: the callback key, if it is one. */
    void info(CustomerCall call, String contentSubtype, String body) {
        Ivr.infoKey(contentSubtype, body).ifPresent(k -> key(call, k));
    }

    /** A key the caller pressed while queued: asks for a callback if it is the callback key and a trunk is set. */
    void key(CustomerCall call, char key) {
        if (settings.trunk().isEmpty() || key != settings.key()) {
            return;
        }
        Interaction interaction;
        String refused = null;
        call.lock.lock();
        try {
            interaction = call.interaction;
            if (call.state() != CustomerCall.State.QUEUED || callbacks.containsKey(interaction.id())) {
                return;
            }
            try {
                CallbackNumber number = CallerNumber.of(call.inviteRequest);
                callbacks.put(interaction.id(), new CallbackCall(interaction, number));
                bus.publish(new CallbackRequested(clock.instant(), interaction.id(), number.value()));
                record(interaction, "callback requested at " + number.value() + " (key " + key
                        + "); the caller keeps their place in the queue");
            } catch (IllegalArgumentException e) {
                refused = e.getMessage();
                record(interaction, "callback refused: " + refused);
            }
        } finally {
            call.lock.unlock();
        }
        // spoken outside the call's lock: text to speech may take a moment
        say(interaction, (refused == null ? CallbackPrompts.CONFIRMED : CallbackPrompts.REFUSED)
                .in(interaction.language()), refused != null);
    }

    /**
     * The caller of {@code call} hung up while queued (under the call's lock): true if they asked for a callback, so
     * the interaction stays queued; their media leg goes, the session stays for the callback.
     */
    boolean keepsPlace(CustomerCall call) {
        CallbackCall cb = callbacks.get(call.interaction.id());
        if (cb == null || cb.state() != CallbackCall.State.WAITING) {
            return false;
        }
        InteractionId id = call.interaction.id();
        try {
            media.stopQueueAnnouncement(id);
            media.removeLeg(id, Party.CUSTOMER);
        } catch (RuntimeException e) {
            log.debug("the caller's leg of {} was already gone: {}", id, e.toString());
        }
        record(cb.interaction, "the caller hung up and waits in the queue for the callback");
        return true;
    }

    /** An advisor accepted {@code id}: dial the caller if they asked for a callback and are no longer on the line. */
    void accepted(InteractionId id) {
        CallbackCall cb = callbacks.get(id);
        if (cb == null) {
            return;
        }
        if (table.customer(id) != null) { // still on the line: answered like any queued caller
            callbacks.remove(id, cb);
            record(cb.interaction, "callback not needed: the caller stayed on the line");
            return;
        }
        dial(cb);
    }

    /**
     * The node that held {@code id} died and the customer's phone refused this node's re-INVITE: the customer is
     * called back through the trunk at the address of the lost dialog and talks with the same advisor (no queue, no
     * routing offer). Tries and outcome are lines of the conversation, as for a callback asked for in the queue.
     * Without a trunk, or without an address to call, the call ends.
     */
    void reconnect(InteractionId id, String customerAddress) {
        String why = null;
        Optional<Interaction> interaction = Optional.empty();
        CallbackNumber number = null;
        try {
            interaction = routing.interaction(id);
        } catch (RuntimeException e) {
            log.warn("routing could not say what {} is", id, e);
        }
        if (settings.trunk().isEmpty()) {
            why = "no trunk is set to call the customer back through";
        } else if (interaction.isEmpty()) {
            why = "routing no longer holds the call";
        } else {
            try {
                number = CallerNumber.of(sip.addresses.createAddress(customerAddress).getURI());
            } catch (ParseException | IllegalArgumentException e) {
                why = "no number to call back in " + customerAddress + ": " + e.getMessage();
            }
        }
        if (why != null) {
            log.warn("the customer of {} lost their leg and is not called back: {}", id, why);
            try {
                routing.complete(id, InteractionEnded.EndedBy.SYSTEM);
            } catch (RuntimeException e) {
                log.warn("routing could not end {}", id, e);
            }
            return;
        }
        CallbackCall cb = new CallbackCall(interaction.get(), number);
        if (callbacks.putIfAbsent(id, cb) != null) {
            return;
        }
        record(cb.interaction, "the node holding the call stopped and the customer's phone could not be moved to "
                + "another: calling " + number.value() + " back through the trunk, to the same advisor");
        dial(cb);
    }

    private void dial(CallbackCall cb) {
        cb.lock.lock();
        try {
            if (cb.state() != CallbackCall.State.WAITING && cb.state() != CallbackCall.State.RETRYING) {
                return;
            }
            cb.moveTo(CallbackCall.State.DIALLING);
            cb.attempts++;
            cb.heard = false;
            InteractionId id = cb.interaction.id();
            String sdp;
            try {
                sdp = media.offer(id, Party.CUSTOMER);
            } catch (RuntimeException e) {
                log.warn("media could not create the callback leg of {}", id, e);
                failed(cb, "media: " + e.getMessage());
                return;
            }
            try {
                StartedDialogs.place(sip, invite(cb, sdp), cb, (ct, dialog) -> {
                    cb.invite = ct;
                    cb.dialog = dialog;
                });
            } catch (Exception e) {
                failed(cb, "cannot send the INVITE: " + e.getMessage());
                return;
            }
            record(cb.interaction, "callback try " + cb.attempts + " of " + settings.attempts() + ": calling "
                    + cb.number.value() + " through the trunk");
            ClientTransaction sent = cb.invite;
            cb.timer = timers.after(settings.ringTimeout(), () -> noAnswer(cb, sent));
        } finally {
            cb.lock.unlock();
        }
    }

    private Request invite(CallbackCall cb, String sdp) throws ParseException {
        String trunk = settings.trunk().orElseThrow();
        int colon = trunk.indexOf(':');
        String host = colon < 0 ? trunk : trunk.substring(0, colon);
        int port = colon < 0 ? -1 : Integer.parseInt(trunk.substring(colon + 1));
        SipURI target;
        SipURI route = null;
        if (cb.number.kind() == CallbackNumber.Kind.E164) {
            target = sip.addresses.createSipURI(cb.number.value(), host);
            target.setPort(port);
            target.setUserParam("phone");
        } else {
            target = (SipURI) sip.addresses.createURI(cb.number.value());
            route = sip.addresses.createSipURI(null, host);
            route.setPort(port);
            route.setLrParam();
        }
        String queue = cb.interaction.queue().value();
        Request r = sip.invite(target, sip.address(queue), sip.addresses.createAddress(target), SipTransport.UDP, 70,
                "Your callback from queue " + queue, sdp);
        if (route != null) {
            r.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(route)));
        }
        return r;
    }

    /** Whether a response or timeout belongs to a callback's dialog. */
    static boolean owns(ClientTransaction ct, Dialog dialog) {
        return StartedDialogs.owner(ct, dialog, CallbackCall.class) != null;
    }

    /** A response to a callback INVITE (or a retransmitted 2xx). */
    void response(ResponseEvent ev) {
        ClientTransaction ct = ev.getClientTransaction();
        CallbackCall cb = StartedDialogs.owner(ct, ev.getDialog(), CallbackCall.class);
        CSeqHeader cseq = (CSeqHeader) ev.getResponse().getHeader(CSeqHeader.NAME);
        if (cb == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        Response resp = ev.getResponse();
        int status = resp.getStatusCode();
        cb.lock.lock();
        try {
            boolean current = ct == null || ct == cb.invite;
            if (status < 200) {
                StartedDialogs.provisional(sip, ct, cb.heldCancels); // a try we gave up on rings
                cb.heard |= current;
                return;
            }
            if (status < 300) {
                Dialog dialog = ev.getDialog() != null ? ev.getDialog() : cb.dialog;
                StartedDialogs.ack(dialog, cseq.getSeqNumber());
                if (!current || cb.state() != CallbackCall.State.DIALLING) {
                    if (cb.state() != CallbackCall.State.CONNECTED) {
                        sip.bye(dialog); // answered after we gave up on this try
                    }
                    return;
                }
                cb.cancelTimer();
                byte[] body = resp.getRawContent();
                try {
                    if (body == null || body.length == 0) {
                        throw new IllegalArgumentException("the 200 OK has no SDP answer");
                    }
                    media.applyAnswer(cb.interaction.id(), Party.CUSTOMER, new String(body, StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    sip.bye(dialog);
                    failed(cb, "media: " + e.getMessage());
                    return;
                }
                cb.moveTo(CallbackCall.State.CONNECTED);
                record(cb.interaction, "callback answered at " + cb.number.value() + " on try " + cb.attempts);
                return;
            }
            if (current && cb.state() == CallbackCall.State.DIALLING) {
                failed(cb, "the trunk answered " + status + " " + resp.getReasonPhrase());
            }
        } finally {
            cb.lock.unlock();
        }
    }

    /** The trunk never answered the INVITE at all (transaction timeout). */
    void timeout(ClientTransaction ct) {
        if (ct == null || !(ct.getApplicationData() instanceof CallbackCall cb)) {
            return;
        }
        cb.lock.lock();
        try {
            if (ct == cb.invite && cb.state() == CallbackCall.State.DIALLING) {
                failed(cb, "no response from the trunk");
            }
        } finally {
            cb.lock.unlock();
        }
    }

    private void noAnswer(CallbackCall cb, ClientTransaction sent) {
        cb.lock.lock();
        try {
            if (sent != cb.invite || cb.state() != CallbackCall.State.DIALLING) {
                return;
            }
            cancelInvite(cb);
            failed(cb, "no answer within " + human(settings.ringTimeout()));
        } finally {
            cb.lock.unlock();
        }
    }

    /** The current try failed (under the lock): the next after the interval, or the outcome FAILED after the last. */
    private void failed(CallbackCall cb, String why) {
        cb.cancelTimer();
        cb.lastFailure = why;
        InteractionId id = cb.interaction.id();
        try {
            media.removeLeg(id, Party.CUSTOMER);
        } catch (RuntimeException e) {
            log.debug("no callback leg to remove for {}: {}", id, e.toString());
        }
        if (cb.attempts >= settings.attempts()) {
            cb.moveTo(CallbackCall.State.FAILED);
            callbacks.remove(id, cb);
            record(cb.interaction, "callback FAILED: " + cb.number.value() + " not reached after " + cb.attempts
                    + " tries (last: " + why + ")");
            timers.now(() -> {
                try {
                    routing.complete(id, InteractionEnded.EndedBy.SYSTEM);
                } catch (RuntimeException e) {
                    log.warn("routing could not end the unreached callback {}", id, e);
                }
                media.release(id);
            });
            return;
        }
        cb.moveTo(CallbackCall.State.RETRYING);
        record(cb.interaction, "callback try " + cb.attempts + " to " + cb.number.value() + " failed (" + why
                + "); next try in " + human(settings.interval()));
        cb.timer = timers.after(settings.interval(), () -> dial(cb));
    }

    /** BYE from the called-back customer: routing ends the interaction (the advisor's side is hung up on its event). */
    void bye(RequestEvent ev, ServerTransaction st, CallbackCall cb) {
        sip.respond(st, ev.getRequest(), Response.OK);
        cb.lock.lock();
        try {
            if (cb.state() != CallbackCall.State.CONNECTED) {
                return;
            }
            cb.moveTo(CallbackCall.State.ENDED);
            callbacks.remove(cb.interaction.id(), cb);
        } finally {
            cb.lock.unlock();
        }
        try {
            routing.complete(cb.interaction.id(), InteractionEnded.EndedBy.CUSTOMER);
        } catch (RuntimeException e) {
            log.warn("routing could not end {}", cb.interaction.id(), e);
        }
        media.release(cb.interaction.id());
    }

    /** re-INVITE/UPDATE (hold, session refresh) or INFO from the called-back customer. */
    void inDialog(RequestEvent ev, ServerTransaction st, CallbackCall cb) {
        StartedDialogs.inDialog(sip, media, ev, st, cb.interaction.id(), Party.CUSTOMER);
    }

    /** The interaction ended or was abandoned elsewhere (advisor hung up, queue closed): hang up, stop trying. */
    void ended(InteractionId id) {
        CallbackCall cb = callbacks.remove(id);
        if (cb == null) {
            return;
        }
        boolean dialled;
        cb.lock.lock();
        try {
            if (cb.over()) {
                return;
            }
            dialled = cb.state() != CallbackCall.State.WAITING;
            cb.cancelTimer();
            if (cb.state() == CallbackCall.State.CONNECTED) {
                sip.bye(cb.dialog);
            } else if (cb.state() == CallbackCall.State.DIALLING) {
                cancelInvite(cb);
            }
            cb.moveTo(CallbackCall.State.ENDED);
        } finally {
            cb.lock.unlock();
        }
        if (dialled || table.customer(id) == null) {
            media.release(id);
        }
    }

    /** Edge shutdown: every callback ends. */
    void closeAll() {
        callbacks.keySet().forEach(this::ended);
    }

    /** The confirmation or the refusal, spoken in the caller's language; after a refusal the queue music resumes. */
    private void say(Interaction interaction, String sentence, boolean thenMusic) {
        InteractionId id = interaction.id();
        Optional<Path> clip = Optional.empty();
        try {
            if (settings.speech() != null && settings.speech().speaks(interaction.language())) {
                clip = Optional.of(settings.speech().speak(sentence, interaction.language()));
            }
        } catch (RuntimeException e) {
            log.warn("cannot speak the callback prompt for {}: {}", id, e.toString());
        }
        try {
            media.stopQueueAnnouncement(id);
            if (clip.isPresent()) {
                media.playPrompt(id, clip.get());
            }
        } catch (RuntimeException e) {
            log.warn("cannot play the callback prompt to {}: {}", id, e.toString());
        }
        if (thenMusic) {
            long millis = clip.map(CallbackDialer::playMillis).orElse(0L) + 500;
            timers.after(Duration.ofMillis(millis), () -> {
                if (table.customer(id) != null) {
                    media.playQueueAnnouncement(id);
                }
            });
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** How long an 8 kHz mu-law clip plays. */
    private static long playMillis(Path ulaw) {
        try {
            return Files.size(ulaw) / 8;
        } catch (IOException e) {
            return 3000;
        }
    }

    private void record(Interaction interaction, String line) {
        log.info("{}: {}", interaction.id(), line);
        bus.publishInOrder(interaction.conversation(), () -> new ChatMessagePosted(clock.instant(),
                interaction.conversation(), TranscriptTurn.Speaker.SYSTEM, SENDER, line, List.of()));
    }

    private void cancelInvite(CallbackCall cb) {
        StartedDialogs.cancel(sip, cb.invite, cb.heard, cb.heldCancels);
    }
}
