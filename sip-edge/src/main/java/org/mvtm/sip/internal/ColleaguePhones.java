package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.ColleagueInvited;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.AdvisorPhones;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.RegistrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A colleague on a SIP desk phone brought into a connected call by its advisor ({@link ColleagueInvited}): the
 * B2BUA rings the colleague's registered phone with the media bridge's offer for a new leg connected to the advisor
 * and the customer; 200 OK joins it ({@link CallParticipation} joined, via {@code sip}); the phone's BYE leaves (the
 * call goes on); the end of the call sends BYE. Unanswered after {@link #RING_FOR} or refused, the leg goes and the
 * advisor simply sees nobody join. A colleague without a registered phone is the web console's (agent-web).
 */
final class ColleaguePhones {
    private static final Logger log = LoggerFactory.getLogger(ColleaguePhones.class);
    static final Duration RING_FOR = Duration.ofSeconds(30);

    private final SipContext sip;
    private final Clock clock;
    private final EventBus bus;
    private final CallMedia media;
    private final AdvisorPhones phones;
    private final RegistrationStore registrations;
    private final EdgeTimers timers;
    private final Map<InteractionId, List<ColleagueLeg>> legs = new ConcurrentHashMap<>();

    ColleaguePhones(SipContext sip, Clock clock, EventBus bus, CallMedia media, AdvisorPhones phones,
                    RegistrationStore registrations, EdgeTimers timers) {
        this.sip = sip;
        this.clock = clock;
        this.bus = bus;
        this.media = media;
        this.phones = phones;
        this.registrations = registrations;
        this.timers = timers;
    }

    void invited(ColleagueInvited e) {
        Optional<DeskPhone> phone = DeskPhone.of(phones, registrations, sip.domain, e.colleague(), clock.instant());
        if (phone.isEmpty()) {
            return; // the colleague works in the web console
        }
        URI contact;
        try {
            contact = sip.addresses.createURI(phone.get().contact());
        } catch (ParseException ex) {
            log.info("colleague {} has a bad contact {}", e.colleague(), phone.get().contact());
            return;
        }
        if (!(contact instanceof SipURI target) || sip.isUs(target.getHost(), target.getPort())) {
            return;
        }
        ColleagueLeg leg = new ColleagueLeg(e.interaction(), e.colleague());
        leg.lock.lock();
        try {
            if (legs(e.interaction()).stream().anyMatch(l -> l.colleague.equals(e.colleague()) && l.state() != AdvisorLeg.State.ENDED)) {
                return; // already ringing or in the call
            }
            String sdp = media.offerColleague(e.interaction(), e.colleague().value());
            legs.merge(e.interaction(), List.of(leg), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            Request invite = sip.invite(target, sip.address(e.by().value()), sip.address(phone.get().user()),
                    SipContext.transportOf(target), 70, "Consult from " + e.by().value(), sdp);
            StartedDialogs.place(sip, invite, leg, (ct, dialog) -> {
                leg.invite = ct;
                leg.dialog = dialog;
            });
            leg.deadline = timers.after(RING_FOR, () -> giveUp(leg));
        } catch (Exception ex) {
            log.warn("cannot ring colleague {}'s phone for {}", e.colleague(), e.interaction(), ex);
            end(leg);
        } finally {
            leg.lock.unlock();
        }
    }

    private List<ColleagueLeg> legs(InteractionId interaction) {
        return legs.getOrDefault(interaction, List.of());
    }

    /** A response on a colleague INVITE; false when it is not one (the advisor legs' then). */
    boolean response(ResponseEvent ev) {
        ColleagueLeg leg = StartedDialogs.owner(ev.getClientTransaction(), ev.getDialog(), ColleagueLeg.class);
        if (leg == null) {
            return false;
        }
        Response resp = ev.getResponse();
        CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return true;
        }
        int status = resp.getStatusCode();
        leg.lock.lock();
        try {
            if (status < 200) {
                if (status > 100 && leg.state() == AdvisorLeg.State.CALLING) {
                    leg.moveTo(AdvisorLeg.State.RINGING);
                }
                return true;
            }
            Dialog dialog = ev.getDialog() != null ? ev.getDialog() : leg.dialog;
            if (status >= 300) {
                if (leg.ringing()) {
                    log.info("colleague {}'s phone answered {} for {}", leg.colleague, status, leg.interaction);
                    end(leg);
                }
                return true;
            }
            StartedDialogs.ack(dialog, cseq.getSeqNumber());
            if (!leg.ringing()) {
                if (leg.state() == AdvisorLeg.State.ENDED) {
                    sip.bye(dialog); // answered after we gave up
                }
                return true;
            }
            cancelDeadline(leg);
            try {
                media.applyColleagueAnswer(leg.interaction, leg.colleague.value(),
                        new String(resp.getRawContent() == null ? new byte[0] : resp.getRawContent(), StandardCharsets.UTF_8));
            } catch (RuntimeException ex) {
                log.warn("the answer of colleague {}'s phone is unusable: {}", leg.colleague, ex.getMessage());
                sip.bye(dialog);
                end(leg);
                return true;
            }
            leg.moveTo(AdvisorLeg.State.CONNECTED);
            participation(leg, true);
            return true;
        } finally {
            leg.lock.unlock();
        }
    }

    /** Transaction timeout on the INVITE; false when it is not a colleague's. */
    boolean unreachable(ClientTransaction ct) {
        if (ct == null || !(ct.getApplicationData() instanceof ColleagueLeg leg)) {
            return false;
        }
        giveUp(leg);
        return true;
    }

    /** BYE from the colleague's phone: they leave, the call goes on. */
    void bye(RequestEvent ev, ServerTransaction st, ColleagueLeg leg) {
        sip.respond(st, ev.getRequest(), Response.OK);
        leg.lock.lock();
        try {
            if (leg.state() == AdvisorLeg.State.CONNECTED) {
                end(leg);
                participation(leg, false);
            }
        } finally {
            leg.lock.unlock();
        }
    }

    /** The call is over: BYE the colleagues' phones in it, CANCEL those still ringing. */
    void hangUpAll(InteractionId interaction) {
        for (ColleagueLeg leg : legs(interaction)) {
            leg.lock.lock();
            try {
                if (leg.state() == AdvisorLeg.State.CONNECTED) {
                    sip.bye(leg.dialog);
                    leg.moveTo(AdvisorLeg.State.ENDED);
                    cancelDeadline(leg);
                    participation(leg, false);
                } else if (leg.ringing()) {
                    cancel(leg);
                    leg.moveTo(AdvisorLeg.State.ENDED);
                    cancelDeadline(leg);
                }
            } finally {
                leg.lock.unlock();
            }
        }
        legs.remove(interaction);
    }

    void closeAll() {
        List.copyOf(legs.keySet()).forEach(this::hangUpAll);
    }

    private void giveUp(ColleagueLeg leg) {
        leg.lock.lock();
        try {
            if (leg.ringing()) {
                cancel(leg);
                end(leg);
            }
        } finally {
            leg.lock.unlock();
        }
    }

    /** The leg is over: its media goes; the caller holds the lock. */
    private void end(ColleagueLeg leg) {
        if (leg.state() != AdvisorLeg.State.ENDED) {
            leg.moveTo(AdvisorLeg.State.ENDED);
        }
        cancelDeadline(leg);
        legs.computeIfPresent(leg.interaction, (k, v) -> {
            List<ColleagueLeg> rest = v.stream().filter(l -> l != leg).toList();
            return rest.isEmpty() ? null : rest;
        });
        try {
            media.removeColleague(leg.interaction, leg.colleague.value());
        } catch (RuntimeException e) {
            log.debug("no colleague leg to remove for {}: {}", leg.interaction, e.toString());
        }
    }

    private void participation(ColleagueLeg leg, boolean joined) {
        bus.publish(new CallParticipation(clock.instant(), leg.interaction, leg.colleague.value(),
                CallParticipation.Role.COLLEAGUE, CallParticipation.SIP, joined));
    }

    private static void cancelDeadline(ColleagueLeg leg) {
        if (leg.deadline != null) {
            leg.deadline.cancel(false);
        }
    }

    private void cancel(ColleagueLeg leg) {
        try {
            if (leg.invite != null) {
                sip.provider.getNewClientTransaction(leg.invite.createCancel()).sendRequest();
            }
        } catch (Exception e) {
            log.debug("cannot CANCEL the colleague INVITE of {}: {}", leg.interaction, e.toString());
        }
    }
}
