package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.AdvisorPhones;
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
 * What ends the call once a phone answered, and what a leg does when the customer goes, is {@link B2buaCalls}'; how
 * a leg ends (CANCEL, BYE, out of the table) is {@link AdvisorLegEnds}'.
 * {@link #reconnect} calls an advisor's phone again for a call this node took over from a dead node.
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
    private final EdgeTimers timers;
    private final Duration offerTimeout;
    private final BooleanSupplier edgeLate; // the edge's workers are behind (CallAdmission)
    private final UdpPortProbe portProbe;
    private final DialogSharing dialogs;
    private final AdvisorRelayLeg relayLeg;
    private final AdvisorLegEnds ends;

    AdvisorLegs(SipContext sip, Clock clock, SipEdgePorts ports, CallTable table, SipCounters counters,
                EdgeTimers timers, Duration offerTimeout, BooleanSupplier edgeLate, DialogSharing dialogs,
                AdvisorLegEnds ends) {
        this.sip = sip;
        this.clock = clock;
        this.routing = ports.routing();
        this.media = ports.media();
        this.phones = ports.advisorPhones();
        this.registrations = ports.registrations();
        this.table = table;
        this.counters = counters;
        this.timers = timers;
        this.portProbe = new UdpPortProbe(Duration.ofMillis(500), 64);
        this.offerTimeout = offerTimeout;
        this.edgeLate = edgeLate;
        this.dialogs = dialogs;
        this.relayLeg = new AdvisorRelayLeg(media, clock, timers);
        this.ends = ends;
    }

    /** Routing reserved {@code e.advisor()}: ring their phone if they have a registered one. */
    void offer(AdvisorOffered e) {
        Instant now = clock.instant();
        Optional<DeskPhone> phone = DeskPhone.of(phones, registrations, sip.domain, e.advisor(), now);
        if (phone.isEmpty()) {
            return; // not a desk-phone advisor (web console) or not registered: agent-web handles the offer
        }
        // routing offers a call to one advisor at a time: a phone still ringing for it is an offer routing gave up on
        // (its decline may be queued behind this offer); end it first, so this offer gets the advisor's relay leg
        for (AdvisorLeg earlier : table.legs(e.interaction())) {
            if (!earlier.reconnect) {
                ends.cancel(earlier);
            }
        }
        AdvisorLeg leg = new AdvisorLeg(e.interaction(), e.advisor(), false);
        leg.lock.lock();
        try {
            table.add(leg);
            CustomerCall customer = table.customer(e.interaction());
            Instant deadline = e.expiresAt() != null && e.expiresAt().isBefore(now.plus(offerTimeout))
                    ? e.expiresAt() : now.plus(offerTimeout);
            place(leg, phone.get(), from(customer), "Customer call from queue " + queue(customer),
                    customer == null ? 70 : customer.maxForwards - 1, deadline);
        } finally {
            leg.lock.unlock();
        }
    }

    /**
     * The advisor's phone refused the re-INVITE of this node, which took the call over from a dead node (the phone
     * lost the dialog): a new call to the phone registered for {@code advisorAddress} (the To of the lost dialog),
     * from {@code callerAddress} (its From), with a new leg of this node's relay for the same call. Routing is not
     * asked: the call stays accepted by the advisor; on the phone's 200 the two talk again. If the phone cannot be
     * called (no registration, busy, no answer) the call ends ({@code SYSTEM}), the customer hears BYE.
     */
    void reconnect(InteractionId interaction, String advisorAddress, String callerAddress) {
        Instant now = clock.instant();
        Address from;
        Address advisor;
        try {
            from = sip.addresses.createAddress(callerAddress);
            advisor = sip.addresses.createAddress(advisorAddress);
        } catch (ParseException e) {
            endReconnected(interaction, "bad address in the lost dialog: " + e.getMessage());
            return;
        }
        if (!(advisor.getURI() instanceof SipURI advisorUri) || advisorUri.getUser() == null) {
            endReconnected(interaction, "no SIP user in the lost dialog's To " + advisorAddress);
            return;
        }
        String user = advisorUri.getUser();
        // the phone's SIP user stands for the advisor: routing is never asked about this leg
        AdvisorLeg leg = new AdvisorLeg(interaction, AgentId.of(user), true);
        leg.lock.lock();
        try {
            table.add(leg);
            Optional<DeskPhone> phone = DeskPhone.registered(registrations, sip.domain, user, now);
            if (phone.isEmpty()) {
                decline(leg, OfferDeclined.Cause.UNREACHABLE, "no phone registered for " + advisorAddress);
                return;
            }
            log.info("calling the advisor's phone {} again for {}: it lost its dialog with the dead node", user,
                    interaction);
            place(leg, phone.get(), from, "Your call, reconnected", 70, now.plus(offerTimeout));
        } finally {
            leg.lock.unlock();
        }
    }

    /**
     * Calls {@code phone} for {@code leg}: its contact checked, the relay leg made ({@link AdvisorRelayLeg}), the
     * INVITE sent; given up at {@code deadline}. Caller holds the leg's lock.
     */
    private void place(AdvisorLeg leg, DeskPhone phone, Address from, String subject, int maxForwards,
                       Instant deadline) {
        URI contact;
        try {
            contact = sip.addresses.createURI(phone.contact());
        } catch (ParseException ex) {
            decline(leg, OfferDeclined.Cause.UNREACHABLE, "bad contact " + phone.contact());
            return;
        }
        if (!(contact instanceof SipURI sipContact) || sip.isUs(sipContact.getHost(), sipContact.getPort())) {
            decline(leg, OfferDeclined.Cause.UNREACHABLE, "loop: contact " + phone.contact() + " is this edge");
            return;
        }
        if (maxForwards <= 0) {
            decline(leg, OfferDeclined.Cause.UNREACHABLE, "Max-Forwards exhausted (loop)");
            return;
        }
        relayLeg.make(leg, deadline, sdp -> invite(leg, sipContact, phone, from, subject, maxForwards, deadline, sdp),
                why -> decline(leg, OfferDeclined.Cause.UNREACHABLE, why));
    }

    /** The INVITE with the relay leg's SDP offer, given up at {@code deadline}; caller holds the leg's lock. */
    private void invite(AdvisorLeg leg, SipURI sipContact, DeskPhone phone, Address from, String subject,
                        int maxForwards, Instant deadline, String sdp) {
        SipTransport transport = SipContext.transportOf(sipContact);
        Request invite = sip.invite(sipContact, from, sip.address(phone.user()), transport, maxForwards, subject, sdp);
        try {
            StartedDialogs.place(sip, invite, leg, (ct, dialog) -> {
                leg.invite = ct;
                leg.dialog = dialog;
            });
        } catch (Exception ex) {
            decline(leg, OfferDeclined.Cause.UNREACHABLE, "cannot send INVITE to " + phone.contact() + ": " + ex);
            return;
        }
        if (transport == SipTransport.UDP) {
            ClientTransaction sent = leg.invite;
            String host = sipContact.getHost();
            int port = sipContact.getPort() > 0 ? sipContact.getPort() : 5060;
            portProbe.probe(host, port, () -> unreachable(sent, "ICMP port unreachable from " + host + ":" + port));
        }
        leg.deadline = timers.after(Duration.between(clock.instant(), deadline), () -> expire(leg));
    }

    private static String queue(CustomerCall customer) {
        return customer == null ? "contact-center" : customer.interaction.queue().value();
    }

    /** The caller as the advisor's phone shows it: the queue's address with the customer's name. */
    private Address from(CustomerCall customer) {
        Address from = sip.address(queue(customer));
        if (customer != null) {
            try {
                from.setDisplayName(customer.interaction.customer().displayName());
            } catch (ParseException e) {
                throw new IllegalStateException("cannot build the INVITE to an advisor phone", e);
            }
        }
        return from;
    }

    /** A response on an advisor INVITE (or its retransmitted 2xx). */
    void response(ResponseEvent ev) {
        Response resp = ev.getResponse();
        CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
        AdvisorLeg leg = StartedDialogs.owner(ev.getClientTransaction(), ev.getDialog(), AdvisorLeg.class);
        if (leg == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        int status = resp.getStatusCode();
        leg.lock.lock();
        try {
            leg.heard = true;
            if (status < 200) {
                StartedDialogs.provisional(sip, ev.getClientTransaction(), leg.heldCancels); // rings after we gave up
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
                ends.cancelDeadline(leg);
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
                if (leg.reconnect) {
                    StartedDialogs.ack(dialog, cseq.getSeqNumber());
                    leg.moveTo(AdvisorLeg.State.CONNECTED);
                    share(leg, resp);
                    log.info("the advisor's phone talks with the customer of {} again (a new call from this node)",
                            leg.interaction);
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
                    ends.removeMedia(leg);
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
                share(leg, resp);
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

    /** The answered leg's dialog goes to the shared store, so that a survivor can carry it on. */
    private void share(AdvisorLeg leg, Response ok) {
        Request sent = leg.invite.getRequest();
        leg.sharedCallId = dialogs.share(() -> DialogRecords.placed(sent, ok, leg.interaction, Party.ADVISOR));
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
            ends.sendCancel(leg); // held until its first provisional response if the phone said nothing yet
            if (leg.heard) {
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
        leg.moveTo(AdvisorLeg.State.ENDED);
        ends.cancelDeadline(leg);
        table.remove(leg);
        ends.removeMedia(leg);
        if (leg.reconnect) {
            endReconnected(leg.interaction, cause + ", " + why);
            return;
        }
        log.info("offer of {} to {} over SIP failed: {} ({})", leg.interaction, leg.advisor, cause, why);
        counters.phoneOffer(cause.name());
        try {
            routing.decline(leg.interaction, leg.advisor, cause);
        } catch (RuntimeException e) {
            log.warn("routing could not take the decline of {} by {}", leg.interaction, leg.advisor, e);
        }
    }

    /** The advisor's phone could not be called again after a node died: the call ends, the customer hears BYE. */
    private void endReconnected(InteractionId interaction, String why) {
        log.warn("the advisor's phone of {} could not be called again from this node ({}): the call ends",
                interaction, why);
        try {
            routing.complete(interaction, InteractionEnded.EndedBy.SYSTEM);
        } catch (RuntimeException e) {
            log.warn("routing could not end {}", interaction, e);
        }
    }

    /** In-dialog re-INVITE/UPDATE/OPTIONS from a phone: answer with the bridge's current view. */
    void inDialog(RequestEvent ev, ServerTransaction st, AdvisorLeg leg) {
        StartedDialogs.inDialog(sip, media, ev, st, leg.interaction, Party.ADVISOR);
    }
}
