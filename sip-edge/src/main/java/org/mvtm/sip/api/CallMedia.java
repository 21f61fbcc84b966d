package org.mvtm.sip.api;

import org.mvtm.core.id.InteractionId;

/**
 * The media the SIP edge needs; the server adapts {@code org.mvtm.media.api.MediaServer} to it (one media session
 * per interaction, plain RTP legs for SIP). The SIP handler never builds media topology itself: it only passes SDP
 * through this port. Called from virtual threads; may block briefly.
 */
public interface CallMedia {

    /**
     * Adds (or replaces, for a re-INVITE) the RTP leg of {@code party} with the peer's SDP offer and returns the
     * SDP answer. {@code MediaServer.session(id).addRtpLeg(legId, party, sdpOffer)}.
     *
     * @throws IllegalArgumentException if the offer has no codec the bridge accepts (the edge answers 488)
     */
    String answer(InteractionId interaction, CallParty party, String sdpOffer);

    /** Creates the advisor phone leg and returns its SDP offer ({@code createRtpOffer}). */
    String offer(InteractionId interaction, CallParty party);

    /** Applies the phone's SDP answer to the leg created by {@link #offer} ({@code applyRtpAnswer}). */
    void applyAnswer(InteractionId interaction, CallParty party, String sdpAnswer);

    /** Starts the queue announcement / music on the customer leg (early media while queued). */
    void playQueueAnnouncement(InteractionId interaction);

    /** Drops the leg of {@code party} (the advisor phone did not answer); the session stays. */
    void removeLeg(InteractionId interaction, CallParty party);

    /** The call is over: release the media session. Idempotent. */
    void release(InteractionId interaction);
}
