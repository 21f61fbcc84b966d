package org.mvtm.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.mvtm.core.Party;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.LegTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the call's advisor leg in the relay for a phone offer. Routing offers a call to one advisor at a time, so an
 * advisor leg still there belongs to an offer routing has moved on from. On this node that offer's phone is cancelled
 * first ({@link AdvisorLegs#offer}); a phone rung from another node (the node its advisor's console is on) frees its
 * leg only when the end of its offer reaches that node, and until then the relay refuses the leg as taken. So a taken
 * leg is tried again every {@link #RETRY} until half the time to the offer's deadline has passed (so that the phone
 * still rings for the other half: 7.5 s of routing's default 15 s); only then is the offer given up. Nothing blocks:
 * each try runs on the edge's work executor under the leg's lock, and the tries stop as soon as the leg is no longer
 * calling (routing withdrew the offer, the customer left). An offer routing has already moved on from (it reached this
 * node late, its call is with another advisor) waits the same way and is then given up.
 */
record AdvisorRelayLeg(CallMedia media, Clock clock, EdgeTimers timers) {
    private static final Logger log = LoggerFactory.getLogger(AdvisorRelayLeg.class);
    static final Duration RETRY = Duration.ofMillis(200);

    /**
     * Makes {@code leg}'s relay leg, then calls {@code made} with its SDP offer; or calls {@code failed} with the
     * reason. Either is called under the leg's lock, which the caller holds now.
     */
    void make(AdvisorLeg leg, Instant deadline, Consumer<String> made, Consumer<String> failed) {
        Instant now = clock.instant();
        attempt(leg, now.plus(Duration.between(now, deadline).dividedBy(2)), made, failed, true);
    }

    private void attempt(AdvisorLeg leg, Instant giveUp, Consumer<String> made, Consumer<String> failed,
                         boolean first) {
        String sdp;
        try {
            sdp = media.offer(leg.interaction, Party.ADVISOR);
        } catch (LegTakenException taken) {
            if (clock.instant().plus(RETRY).isAfter(giveUp)) {
                failed.accept("media: the call's advisor leg stayed another offer's: " + taken.getMessage());
                return;
            }
            if (first) {
                log.info("the advisor leg of {} is still another offer's (usually a phone rung from another node, "
                        + "whose offer's end has not reached it yet): trying again until {}", leg.interaction, giveUp);
            }
            timers.after(RETRY, () -> {
                leg.lock.lock();
                try {
                    if (leg.state() == AdvisorLeg.State.CALLING) {
                        attempt(leg, giveUp, made, failed, false);
                    }
                } finally {
                    leg.lock.unlock();
                }
            });
            return;
        } catch (RuntimeException ex) {
            log.warn("media could not create the advisor leg of {}", leg.interaction, ex);
            failed.accept("media");
            return;
        }
        leg.mediaMade = true;
        made.accept(sdp);
    }
}
