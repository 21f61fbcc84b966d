package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Party;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.AdvisorPhones;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.RegistrationStore;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B2BUA towards advisors' desk phones: on {@code AdvisorOffered} for an advisor with a registered phone, a new
 * dialog (own Call-ID, tags, Via; nothing of the customer's topology) carrying the media bridge's SDP offer.
 * 200 OK = routing accept; 486/600/603 = REJECTED; no answer before the offer expires = NO_ANSWER (CANCEL);
 * silence, transport errors, 408/480/503 and other failures = UNREACHABLE, so the advisor never stays RESERVED.
 * What ends the call once a phone answered, and what a leg does when the customer goes, is {@link B2buaCalls}'.
 */
final class AdvisorLegs {
    private static final Logger log = LoggerFactory.getLogger(AdvisorLegs.class);

    private final SipContext sip;
    private final Clock clock;
    private final CallRouting routing;
    private final CallMedia media;
    private final AdvisorPhones phones;
    private final RegistrationStore registrations;
    private final CallTable table;
    private final SipCounters counters;
    private final ScheduledExecutorService scheduler;
    private final Executor work;
    private final Duration offerTimeout;
    private final BooleanSupplier edgeLate; // the edge's workers are behind (CallAdmission)
    private final UdpPortProbe portProbe;
    private final DialogSharing dialogs;

    AdvisorLegs(SipContext sip, Clock clock, SipEdgePorts ports, CallTable table, SipCounters counters,
                ScheduledExecutorService scheduler, Executor work, Duration offerTimeout, BooleanSupplier edgeLate,
                DialogSharing dialogs) {
        this.sip = sip;
        this.clock = clock;
        this.routing = ports.routing();
        this.media = ports.media();
        this.phones = ports.advisorPhones();
        this.registrations = ports.registrations();
        this.table = table;
        this.counters = counters;
        this.scheduler = scheduler;
        this.portProbe = new UdpPortProbe(Duration.ofMillis(500), 64);
        this.work = work;
        this.offerTimeout = offerTimeout;
        this.edgeLate = edgeLate;
        this.dialogs = dialogs;
    }

    /** Routing reserved {@code e.advisor()}: ring their phone if they have a registered one. */
    void offer(AdvisorOffered e) {
        Optional<String> user = phones.sipUser(e.advisor());
        if (user.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Binding> bindings = registrations.bindings(Registrar.aor(user.get(), sip.domain), now);
        if (bindings.isEmpty()) {
            return; // not a desk-phone advisor (web console) or not registered: agent-web handles the offer
        }
        AdvisorLeg leg = new AdvisorLeg(e.interaction(), e.advisor());
        leg.lock.lock();
        try {
            table.add(leg);
            Binding target = bindings.get(0);
            URI contact;
            try {
                contact = sip.addresses.createURI(target.contact());
            } catch (ParseException ex) {
                decline(leg, OfferDeclined.Cause.UNREACHABLE, "bad contact " + target.contact());
                return;
            }
            if (!(contact instanceof SipURI sipContact) || sip.isUs(sipContact.getHost(), sipContact.getPort())) {
                decline(leg, OfferDeclined.Cause.UNREACHABLE, "loop: contact " + target.contact() + " is this edge");
                return;
            }
            CustomerCall customer = table.customer(e.interaction());
            int maxForwards = customer == null ? 70 : customer.maxForwards - 1;
            if (maxForwards <= 0) {
                decline(leg, OfferDeclined.Cause.UNREACHABLE, "Max-Forwards exhausted (loop)");
                return;
            }
            String sdp;
            try {
                sdp = media.offer(e.interaction(), Party.ADVISOR);
            } catch (RuntimeException ex) {
                log.warn("media could not create the advisor leg of {}", e.interaction(), ex);
                decline(leg, OfferDeclined.Cause.UNREACHABLE, "media");
                return;
            }
            SipTransport transport = SipContext.transportOf(sipContact);
            Request invite = invite(sipContact, transport, user.get(), customer, maxForwards, sdp);
            try {
                StartedDialogs.place(sip, invite, leg, (ct, dialog) -> {
                    leg.invite = ct;
                    leg.dialog = dialog;
                });
            } catch (Exception ex) {
                decline(leg, OfferDeclined.Cause.UNREACHABLE, "cannot send INVITE to " + target.contact() + ": " + ex);
                return;
            }
            if (transport == SipTransport.UDP) {
                ClientTransaction sent = leg.invite;
                String host = sipContact.getHost();
                int port = sipContact.getPort() > 0 ? sipContact.getPort() : 5060;
                portProbe.probe(host, port, () -> unreachable(sent, "ICMP port unreachable from " + host + ":" + port));
            }
            Instant deadline = e.expiresAt() != null && e.expiresAt().isBefore(now.plus(offerTimeout))
                    ? e.expiresAt() : now.plus(offerTimeout);
            long delay = Math.max(0, Duration.between(now, deadline).toMillis());
            leg.deadline = scheduler.schedule(() -> work.execute(() -> expire(leg)), delay, TimeUnit.MILLISECONDS);
        } finally {
            leg.lock.unlock();
        }
    }

    private Request invite(SipURI target, SipTransport transport, String advisorUser, CustomerCall customer,
                           int maxForwards, String sdp) {
        String queue = customer == null ? "contact-center" : customer.interaction.queue().value();
        Address from = sip.address(queue);
        if (customer != null) {
            try {
                from.setDisplayName(customer.interaction.customer().displayName());
            } catch (ParseException e) {
                throw new IllegalStateException("cannot build the INVITE to an advisor phone", e);
            }
        }
        return sip.invite(target, from, sip.address(advisorUser), transport, maxForwards,
                "Customer call from queue " + queue, sdp);
    }

    /** A response on an advisor INVITE (or its retransmitted 2xx). */
    void response(ResponseEvent ev) {
        Response resp = ev.getResponse();
        CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
        ClientTransaction ct = ev.getClientTransaction();
        AdvisorLeg leg = ct != null && ct.getApplicationData() instanceof AdvisorLeg l ? l
                : ev.getDialog() != null && ev.getDialog().getApplicationData() instanceof AdvisorLeg l2 ? l2 : null;
        if (leg == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        int status = resp.getStatusCode();
        leg.lock.lock();
        try {
            leg.heard = true;
            if (status < 200) {
                if (status > 100 && leg.state() == AdvisorLeg.State.CALLING) {
                    leg.moveTo(AdvisorLeg.State.RINGING);
                }
                return;
            }
            if (status < 300) {
                Dialog dialog = ev.getDialog() != null ? ev.getDialog() : leg.dialog;
                if (!leg.ringing()) {
                    StartedDialogs.ack(dialog, cseq.getSeqNumber());
                    if (leg.state() == AdvisorLeg.State.ENDED) {
                        sip.bye(dialog); // answered after we gave up: hang up at once
                    }
                    return;
                }
                cancelDeadline(leg);
                byte[] body = resp.getRawContent();
                try {
                    if (body == null || body.length == 0) {
                        throw new IllegalArgumentException("the phone's 200 OK has no SDP answer");
                    }
                    media.applyAnswer(leg.interaction, Party.ADVISOR, new String(body, StandardCharsets.UTF_8));
                } catch (RuntimeException ex) {
                    StartedDialogs.ack(dialog, cseq.getSeqNumber());
                    sip.bye(dialog);
                    decline(leg, OfferDeclined.Cause.UNREACHABLE, "media: " + ex.getMessage());
                    return;
                }
                boolean accepted;
                try {
                    accepted = routing.accept(leg.interaction, leg.advisor);
                } catch (RuntimeException ex) {
                    log.warn("routing accept failed for {}", leg.interaction, ex);
                    accepted = false;
                }
                if (!accepted) {
                    StartedDialogs.ack(dialog, cseq.getSeqNumber());
                    leg.moveTo(AdvisorLeg.State.ENDED);
                    sip.bye(dialog);
                    removeMedia(leg);
                    table.remove(leg);
                    counters.phoneOffer("WITHDRAWN");
                    return;
                }
                // the phone talks as soon as it has the ACK: the caller's queue music stops first, or the relay,
                // which plays the music instead of relaying, would eat the advisor's first words
                try {
                    media.stopQueueAnnouncement(leg.interaction);
                } catch (RuntimeException ex) {
                    log.warn("the queue music of {} did not stop: {}", leg.interaction, ex.toString());
                }
                StartedDialogs.ack(dialog, cseq.getSeqNumber());
                leg.moveTo(AdvisorLeg.State.CONNECTED);
                counters.phoneOffer("ANSWERED");
                Request sent = leg.invite.getRequest();
                leg.sharedCallId = dialogs.share(
                        () -> DialogRecords.placed(sent, resp, leg.interaction, Party.ADVISOR));
                return;
            }
            if (!leg.ringing()) {
                return; // e.g. 487 after our CANCEL
            }
            OfferDeclined.Cause cause = switch (status) {
                case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> OfferDeclined.Cause.REJECTED;
                default -> OfferDeclined.Cause.UNREACHABLE;
            };
            decline(leg, cause, "phone answered " + status);
        } finally {
            leg.lock.unlock();
        }
    }

    /** Transaction timeout or I/O error on the INVITE: the phone is gone. */
    void unreachable(ClientTransaction ct, String why) {
        if (ct == null || !(ct.getApplicationData() instanceof AdvisorLeg leg)) {
            return;
        }
        leg.lock.lock();
        try {
            if (leg.ringing()) {
                decline(leg, silence(leg), why);
            }
        } finally {
            leg.lock.unlock();
        }
    }

    /** An I/O error (connection refused/reset) towards {@code host:port}: every phone INVITE there failed. */
    void unreachableHost(String host, int port) {
        for (AdvisorLeg leg : table.allLegs()) {
            if (leg.invite != null && leg.invite.getRequest().getRequestURI() instanceof SipURI uri
                    && host.equals(uri.getHost()) && (port == uri.getPort() || uri.getPort() <= 0 && port == 5060)) {
                unreachable(leg.invite, "I/O error towards " + host + ":" + port);
            }
        }
    }

    private void expire(AdvisorLeg leg) {
        leg.lock.lock();
        try {
            if (!leg.ringing()) {
                return;
            }
            if (leg.heard) {
                sendCancel(leg);
                decline(leg, OfferDeclined.Cause.NO_ANSWER, "no answer before the offer expired");
            } else {
                decline(leg, silence(leg), "no response at all from the phone");
            }
        } finally {
            leg.lock.unlock();
        }
    }

    /** Silence: NO_ANSWER if it rang or if the edge itself is late (the answer may sit in our queue), else UNREACHABLE. */
    private OfferDeclined.Cause silence(AdvisorLeg leg) {
        return leg.heard || edgeLate.getAsBoolean() ? OfferDeclined.Cause.NO_ANSWER : OfferDeclined.Cause.UNREACHABLE;
    }

    /** Ends a ringing leg and tells routing why; caller holds the lock. */
    private void decline(AdvisorLeg leg, OfferDeclined.Cause cause, String why) {
        log.info("offer of {} to {} over SIP failed: {} ({})", leg.interaction, leg.advisor, cause, why);
        leg.moveTo(AdvisorLeg.State.ENDED);
        cancelDeadline(leg);
        table.remove(leg);
        counters.phoneOffer(cause.name());
        removeMedia(leg);
        try {
            routing.decline(leg.interaction, leg.advisor, cause);
        } catch (RuntimeException e) {
            log.warn("routing could not take the decline of {} by {}", leg.interaction, leg.advisor, e);
        }
    }

    private void removeMedia(AdvisorLeg leg) {
        try {
            media.removeLeg(leg.interaction, Party.ADVISOR);
        } catch (RuntimeException e) {
            log.debug("no advisor leg to remove for {}: {}", leg.interaction, e.toString());
        }
    }

    /** The customer left before the phone answered, or routing withdrew the offer: CANCEL ringing phones. */
    void cancelAll(InteractionId id) {
        for (AdvisorLeg leg : table.legs(id)) {
            cancel(leg);
        }
    }

    /** Routing says this advisor's offer is over (declined elsewhere, timed out in routing). */
    void offerWithdrawn(InteractionId id, AgentId advisor) {
        for (AdvisorLeg leg : table.legs(id)) {
            if (leg.advisor.equals(advisor)) {
                cancel(leg);
            }
        }
    }

    private void cancel(AdvisorLeg leg) {
        leg.lock.lock();
        try {
            if (!leg.ringing()) {
                return;
            }
            leg.moveTo(AdvisorLeg.State.ENDED);
            cancelDeadline(leg);
            sendCancel(leg);
            table.remove(leg);
            counters.phoneOffer("CANCELLED");
        } finally {
            leg.lock.unlock();
        }
    }

    /** The call is over: BYE connected phones, CANCEL ringing ones. No event is published. */
    void hangUpAll(InteractionId id) {
        for (AdvisorLeg leg : table.legs(id)) {
            leg.lock.lock();
            try {
                if (leg.state() == AdvisorLeg.State.CONNECTED) {
                    leg.moveTo(AdvisorLeg.State.ENDED);
                    sip.bye(leg.dialog);
                    table.remove(leg);
                    dialogs.forget(leg.sharedCallId);
                } else if (leg.ringing()) {
                    leg.moveTo(AdvisorLeg.State.ENDED);
                    cancelDeadline(leg);
                    sendCancel(leg);
                    table.remove(leg);
                }
            } finally {
                leg.lock.unlock();
            }
        }
    }

    /**
     * BYE from the advisor's phone (answered by {@link B2buaCalls}): the leg ends. True if it was connected, so the
     * rest of the call ends too.
     */
    boolean byeReceived(AdvisorLeg leg) {
        leg.lock.lock();
        try {
            if (leg.state() != AdvisorLeg.State.CONNECTED) {
                return false;
            }
            leg.moveTo(AdvisorLeg.State.ENDED);
            table.remove(leg);
            dialogs.forget(leg.sharedCallId);
            return true;
        } finally {
            leg.lock.unlock();
        }
    }

    /** In-dialog re-INVITE/UPDATE/OPTIONS from a phone: answer with the bridge's current view. */
    void inDialog(RequestEvent ev, ServerTransaction st, AdvisorLeg leg) {
        StartedDialogs.inDialog(sip, media, ev, st, leg.interaction, Party.ADVISOR);
    }

    void closeAll() {
        for (AdvisorLeg leg : table.allLegs()) {
            hangUpAll(leg.interaction);
        }
    }

    private void cancelDeadline(AdvisorLeg leg) {
        if (leg.deadline != null) {
            leg.deadline.cancel(false);
        }
    }

    private void sendCancel(AdvisorLeg leg) {
        StartedDialogs.cancel(sip, leg.invite, leg.heard);
    }
}
