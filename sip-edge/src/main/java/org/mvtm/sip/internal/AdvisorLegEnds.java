package org.mvtm.sip.internal;

import org.mvtm.core.Party;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.CallMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an advisor's desk-phone leg ends: a ringing phone gets CANCEL (held until its first provisional response if it
 * said nothing yet), a connected one BYE; the leg leaves the call table and, where this node made it, its relay leg is
 * freed. {@link B2buaCalls} asks when the call ends or the customer leaves, routing when it withdraws an offer, and
 * {@link AdvisorLegs} when a phone it placed fails. Each change of a leg's state is under the leg's lock; this record
 * holds only the edge's collaborators.
 */
record AdvisorLegEnds(SipContext sip, CallTable table, CallMedia media, SipCounters counters, DialogSharing dialogs) {
    private static final Logger log = LoggerFactory.getLogger(AdvisorLegEnds.class);

    /** The customer left before the phone answered, or routing withdrew the offer: CANCEL ringing phones. */
    void cancelAll(InteractionId id) {
        for (AdvisorLeg leg : table.legs(id)) {
            cancel(leg);
        }
    }

    /** Routing says this advisor's offer is over (declined elsewhere, timed out in routing): CANCEL their phone. */
    void offerWithdrawn(InteractionId id, AgentId advisor) {
        for (AdvisorLeg leg : table.legs(id)) {
            if (!leg.reconnect && leg.advisor.equals(advisor)) {
                cancel(leg);
            }
        }
    }

    /** CANCEL a ringing leg and free its relay leg (before it leaves the table, so a next offer finds it gone). */
    void cancel(AdvisorLeg leg) {
        leg.lock.lock();
        try {
            if (!leg.ringing()) {
                return;
            }
            leg.moveTo(AdvisorLeg.State.ENDED);
            cancelDeadline(leg);
            sendCancel(leg);
            removeMedia(leg);
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

    /** The edge stops: every phone hung up or cancelled. */
    void closeAll() {
        for (AdvisorLeg leg : table.allLegs()) {
            hangUpAll(leg.interaction);
        }
    }

    /** Frees the relay leg this node made for {@code leg}. */
    void removeMedia(AdvisorLeg leg) {
        try {
            if (leg.mediaMade) { // else the call's advisor leg may be another offer's (placed by another node)
                media.removeLeg(leg.interaction, Party.ADVISOR);
            }
        } catch (RuntimeException e) {
            log.debug("no advisor leg to remove for {}: {}", leg.interaction, e.toString());
        }
    }

    /** The leg no longer waits for its offer to expire. */
    void cancelDeadline(AdvisorLeg leg) {
        if (leg.deadline != null) {
            leg.deadline.cancel(false);
        }
    }

    /** CANCEL of the leg's INVITE, held until the phone's first provisional response if it said nothing yet. */
    void sendCancel(AdvisorLeg leg) {
        StartedDialogs.cancel(sip, leg.invite, leg.heard, leg.heldCancels);
    }
}
