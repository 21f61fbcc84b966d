package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Party;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.CallRouting;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP legs of calls this node took over from a dead node ({@link org.mvtm.sip.api.SipEdge#takeOverCalls}). For
 * each dialog the dead node held for the call: a media leg on this node's relay, a re-INVITE to the phone from this
 * node with that leg's offer (the phone's answer is applied and its 2xx ACKed here, as RFC 3261 13.2.2.4 asks of the
 * UAC), and the dialog saved as held here. A dialog whose media leg is on this node already (only its signalling was
 * on the dead node) gets a re-INVITE without an offer: the phone offers in its 2xx, the leg answers in the ACK. The
 * phone's later requests (BYE, re-INVITE, UPDATE) reach this node by its Contact and are matched by Call-ID
 * ({@link #find}).
 *
 * <p>A re-INVITE that fails (error response, timeout) loses that leg. The advisor's phone is then called again, a new
 * call from this node with a new leg of its relay ({@link AdvisorLegs#reconnect}: no routing offer, the call goes on
 * with the customer once it answers, and ends if it cannot be called). The customer is called back through the trunk
 * ({@link CallbackDialer#reconnect}: the same advisor, no queue); where there is no trunk or no number, a lost
 * customer leg ends the call (the advisor is freed).
 */
final class AdoptedDialogs {
    private static final Logger log = LoggerFactory.getLogger(AdoptedDialogs.class);

    private final SipContext sip;
    private final SharedDialogs store;
    private final CallMedia media;
    private final CallRouting routing;
    /** Calls an advisor's phone again, or the customer back, when it refuses the re-INVITE. */
    private final AdvisorLegs advisors;
    private final CallbackDialer callbacks;
    private final Map<String, AdoptedDialog> byCallId = new ConcurrentHashMap<>();

    AdoptedDialogs(SipContext sip, SharedDialogs store, CallMedia media, CallRouting routing, AdvisorLegs advisors,
                   CallbackDialer callbacks) {
        this.sip = sip;
        this.store = store;
        this.media = media;
        this.routing = routing;
        this.advisors = advisors;
        this.callbacks = callbacks;
    }

    /** This node now holds {@code interaction}'s media: re-INVITE every phone of it whose dialog {@code deadNode} held. */
    void takeOver(InteractionId interaction, String deadNode) {
        for (SharedDialog d : store.heldBy(deadNode)) {
            if (d.interaction().equals(interaction) && !byCallId.containsKey(d.callId())) {
                reinvite(d);
            }
        }
    }

    private void reinvite(SharedDialog d) {
        AdoptedDialog dialog = new AdoptedDialog(d);
        byCallId.put(d.callId(), dialog);
        store.save(d); // held here from now on: a second survivor leaves it alone
        dialog.lock.lock();
        try {
            String offer = null;
            try {
                offer = media.offer(d.interaction(), d.party());
            } catch (RuntimeException e) {
                // the leg is here already: the call's media lived on this node, only the dialog on the dead one.
                // A re-INVITE without an offer (RFC 3261 14.1) moves the signalling here and leaves the media as it
                // is: the phone offers in its 2xx and the relay's leg answers in the ACK
                log.info("the {} leg of {} has its media here already ({}): re-INVITE without an offer",
                        d.party(), d.interaction(), e.getMessage());
                dialog.answerInAck = true;
            }
            Request invite = dialog.request(sip, Request.INVITE, ++dialog.localCseq);
            invite.addHeader(sip.contact(d.transport()));
            invite.addHeader(sip.allow());
            if (offer != null) {
                sip.setSdp(invite, offer);
            }
            try {
                ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
                ct.setApplicationData(dialog);
                dialog.reinvite = ct;
                ct.sendRequest();
            } catch (Exception e) {
                fail(dialog, "cannot send the re-INVITE: " + e, true);
                return;
            }
            log.info("re-INVITE of the {} leg of {} (dialog {}) sent from this node after {} died", d.party(),
                    d.interaction(), d.callId(), d.node());
        } finally {
            dialog.lock.unlock();
        }
    }

    /** A response for a request of an adopted dialog (also a 2xx retransmitted after its transaction ended). */
    boolean owns(ResponseEvent ev) {
        ClientTransaction ct = ev.getClientTransaction();
        return ct != null ? ct.getApplicationData() instanceof AdoptedDialog : find(callId(ev.getResponse())) != null;
    }

    void response(ResponseEvent ev) {
        Response resp = ev.getResponse();
        ClientTransaction ct = ev.getClientTransaction();
        AdoptedDialog dialog = ct != null && ct.getApplicationData() instanceof AdoptedDialog a ? a : find(callId(resp));
        CSeqHeader cseq = (CSeqHeader) resp.getHeader(CSeqHeader.NAME);
        int status = resp.getStatusCode();
        if (dialog == null || !Request.INVITE.equals(cseq.getMethod()) || status < 200) {
            return;
        }
        dialog.lock.lock();
        try {
            if (status >= 300) {
                if (dialog.state() == AdoptedDialog.State.REINVITING) {
                    fail(dialog, "the phone answered the re-INVITE " + status, true);
                }
                return;
            }
            ContactHeader contact = (ContactHeader) resp.getHeader(ContactHeader.NAME);
            if (contact != null) {
                dialog.remoteTarget = contact.getAddress().getURI().toString();
            }
            if (dialog.state() != AdoptedDialog.State.REINVITING) {
                ack(dialog, cseq.getSeqNumber());
                return; // a retransmitted 2xx: ACKed again
            }
            String answer = sdp(resp);
            SharedDialog d = dialog.saved;
            try {
                if (dialog.answerInAck) {
                    dialog.ackSdp = media.reoffer(d.interaction(), d.party(), answer); // the phone's offer
                } else {
                    media.applyAnswer(d.interaction(), d.party(), answer);
                }
            } catch (RuntimeException e) {
                ack(dialog, cseq.getSeqNumber());
                fail(dialog, "the phone's SDP does not fit: " + e.getMessage(), false);
                bye(dialog);
                return;
            }
            ack(dialog, cseq.getSeqNumber());
            dialog.moveTo(AdoptedDialog.State.CONFIRMED);
            store.save(dialog.current(answer));
            log.info("the {} leg of {} has media through this node again", d.party(), d.interaction());
        } finally {
            dialog.lock.unlock();
        }
    }

    /** The re-INVITE timed out: the phone is gone. */
    boolean timeout(ClientTransaction ct) {
        if (ct == null || !(ct.getApplicationData() instanceof AdoptedDialog dialog)) {
            return false;
        }
        dialog.lock.lock();
        try {
            if (dialog.state() == AdoptedDialog.State.REINVITING) {
                fail(dialog, "the phone did not answer the re-INVITE", true);
            }
        } finally {
            dialog.lock.unlock();
        }
        return true;
    }

    /** The adopted dialog of an in-dialog request, or null. */
    AdoptedDialog find(String callId) {
        return callId == null ? null : byCallId.get(callId);
    }

    static String callId(Message m) {
        CallIdHeader h = (CallIdHeader) m.getHeader(CallIdHeader.NAME);
        return h == null ? null : h.getCallId();
    }

    /** BYE from a phone: the call ends for everyone. */
    void bye(RequestEvent ev, ServerTransaction st, AdoptedDialog dialog) {
        sip.respond(st, ev.getRequest(), Response.OK);
        SharedDialog d = dialog.saved;
        dialog.lock.lock();
        try {
            if (dialog.state() == AdoptedDialog.State.ENDED) {
                return;
            }
            end(dialog);
        } finally {
            dialog.lock.unlock();
        }
        log.info("the {} of {} hung up (BYE at this node, which took the call over)", d.party(), d.interaction());
        hangUp(d.interaction());
        media.release(d.interaction());
        try {
            routing.complete(d.interaction(), d.party() == Party.CUSTOMER
                    ? InteractionEnded.EndedBy.CUSTOMER : InteractionEnded.EndedBy.ADVISOR);
        } catch (RuntimeException e) {
            log.warn("routing could not end {}", d.interaction(), e);
        }
    }

    /** re-INVITE or UPDATE from the phone (hold, resume, new address): the relay answers. */
    void inDialog(RequestEvent ev, ServerTransaction st, AdoptedDialog dialog) {
        StartedDialogs.inDialog(sip, media, ev, st, dialog.saved.interaction(), dialog.saved.party());
    }

    /** The call is over (ended elsewhere, or by one of its phones): BYE every other adopted dialog of it. */
    void hangUp(InteractionId interaction) {
        for (AdoptedDialog dialog : List.copyOf(byCallId.values())) {
            if (!dialog.saved.interaction().equals(interaction)) {
                continue;
            }
            dialog.lock.lock();
            try {
                if (dialog.state() != AdoptedDialog.State.ENDED) {
                    bye(dialog);
                    end(dialog);
                }
            } finally {
                dialog.lock.unlock();
            }
        }
    }

    /** Ends every adopted dialog with BYE (edge shutdown), as the edge does for its own calls. */
    void closeAll() {
        for (AdoptedDialog dialog : List.copyOf(byCallId.values())) {
            hangUp(dialog.saved.interaction());
        }
    }

    /**
     * The leg is lost; if {@code callAgain} (the phone may have lost the dialog) an advisor's phone is called again and
     * a customer is called back.
     */
    private void fail(AdoptedDialog dialog, String why, boolean callAgain) {
        SharedDialog d = dialog.saved;
        log.warn("the {} leg of {} could not be carried on from this node: {}", d.party(), d.interaction(), why);
        end(dialog);
        try {
            media.removeLeg(d.interaction(), d.party());
        } catch (RuntimeException e) {
            log.debug("removing the {} leg of {}: {}", d.party(), d.interaction(), e.toString());
        }
        if (d.party() == Party.ADVISOR && callAgain) {
            advisors.reconnect(d.interaction(), d.remoteUri(), d.localUri());
        } else if (d.party() == Party.CUSTOMER && callAgain) {
            callbacks.reconnect(d.interaction(), d.remoteUri());
        } else if (d.party() == Party.CUSTOMER) {
            try {
                routing.complete(d.interaction(), InteractionEnded.EndedBy.SYSTEM);
            } catch (RuntimeException e) {
                log.warn("routing could not end {}", d.interaction(), e);
            }
        }
    }

    private void end(AdoptedDialog dialog) {
        if (dialog.state() != AdoptedDialog.State.ENDED) {
            dialog.moveTo(AdoptedDialog.State.ENDED);
        }
        byCallId.remove(dialog.saved.callId(), dialog);
        store.remove(dialog.saved.callId());
    }

    /** ACK of a 2xx, a transaction of its own (RFC 3261 13.2.2.4), sent statelessly; with the answer if it has one. */
    private void ack(AdoptedDialog dialog, long cseq) {
        try {
            Request ack = dialog.request(sip, Request.ACK, cseq);
            if (dialog.ackSdp != null) {
                sip.setSdp(ack, dialog.ackSdp);
            }
            sip.provider.sendRequest(ack);
        } catch (Exception e) {
            log.debug("cannot ACK the 2xx of {}: {}", dialog.saved.callId(), e.toString());
        }
    }

    private void bye(AdoptedDialog dialog) {
        try {
            Request bye = dialog.request(sip, Request.BYE, ++dialog.localCseq);
            ClientTransaction ct = sip.provider.getNewClientTransaction(bye);
            ct.setApplicationData(dialog);
            ct.sendRequest();
        } catch (Exception e) {
            log.debug("cannot send BYE in {}: {}", dialog.saved.callId(), e.toString());
        }
    }

    private static String sdp(Response r) {
        byte[] body = r.getRawContent();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
