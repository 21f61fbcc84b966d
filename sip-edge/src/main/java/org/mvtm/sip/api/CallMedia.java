package org.mvtm.sip.api;

import java.nio.file.Path;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;

/**
 * The media the SIP edge needs; the server adapts {@code org.mvtm.media.api.MediaServer} to it (one media session
 * per interaction, plain RTP legs for SIP). The SIP handler never builds media topology itself: it only passes SDP
 * through this port. Called from virtual threads; may block briefly. Every implementation passes the
 * {@code CallMediaContract} tests (sip-edge's test sources), the in-test relay as well as the server's adapter.
 * A {@code party} here is the customer's or the advisor's side of the call ({@link Party#CUSTOMER},
 * {@link Party#ADVISOR}); a supervisor's phone has its own methods ({@link #answerMonitor}).
 */
public interface CallMedia {

    /**
     * Adds the RTP leg of {@code party} from the peer's SDP offer (the first INVITE) and returns the SDP answer.
     *
     * @throws IllegalArgumentException if the offer has no codec the bridge accepts (the edge answers 488)
     */
    String answer(InteractionId interaction, Party party, String sdpOffer);

    /**
     * A new offer on the existing leg of {@code party} (re-INVITE or UPDATE: hold, resume, a new address, a
     * session refresh): the leg keeps its port; the answer carries the direction seen from the bridge
     * ({@code a=sendonly} or {@code a=inactive} offered: nothing is sent to the peer until it offers
     * {@code sendrecv} again).
     *
     * @throws IllegalArgumentException if the offer is unacceptable (the edge answers 488, the call goes on as before)
     */
    String reoffer(InteractionId interaction, Party party, String sdpOffer);

    /**
     * Creates the advisor phone leg and returns its SDP offer ({@code createRtpOffer}).
     *
     * @throws LegTakenException if the call has that leg already (another offer made it and has not removed it)
     */
    String offer(InteractionId interaction, Party party);

    /** Applies the phone's SDP answer to the leg created by {@link #offer} ({@code applyRtpAnswer}). */
    void applyAnswer(InteractionId interaction, Party party, String sdpAnswer);

    /** Starts the queue announcement / music on the customer leg (early media while queued). */
    void playQueueAnnouncement(InteractionId interaction);

    /** An advisor answered: the queue music stops and the caller hears the advisor. */
    void stopQueueAnnouncement(InteractionId interaction);

    /**
     * The advisor put the caller ({@code party}'s leg) on hold: nothing is relayed to or from it and it hears the
     * hold music; resumed ({@code onHold} false), the music stops and audio flows both ways again.
     */
    void hold(InteractionId interaction, Party party, boolean onHold);

    /** Drops the leg of {@code party} (the advisor phone did not answer); the session stays. */
    void removeLeg(InteractionId interaction, Party party);

    /**
     * Plays a prompt (8 kHz mu-law {@code .ul} or a WAV file) once to the caller, through the same playback as the
     * queue music; replaces what the caller hears. Used by the IVR before the call is queued.
     */
    default void playPrompt(InteractionId interaction, Path prompt) {
        throw new UnsupportedOperationException("this media port plays no prompts");
    }

    /** Stops a prompt before its end (the caller pressed a key). */
    default void stopPrompt(InteractionId interaction) {
        stopQueueAnnouncement(interaction);
    }

    /**
     * Hands every RTP packet the caller sends (audio and RFC 4733 telephone-events) to {@code audio} until the
     * returned handle is closed; used by the IVR while the call is not yet queued (close it before queueing).
     */
    default AutoCloseable listen(InteractionId interaction, CallerAudio audio) {
        throw new UnsupportedOperationException("this media port cannot listen to the caller");
    }

    /** The caller's RTP packets; called on media threads: copy what is needed and return at once. */
    @FunctionalInterface
    interface CallerAudio {
        void packet(byte[] rtp, int offset, int length);
    }

    /**
     * A colleague's desk phone joins the call (consult, three-way call): creates its RTP leg, connected to the
     * advisor's legs and, like every advisor leg, to the customer's, and returns its SDP offer. The relay mixes the
     * G.711 audio of a leg that hears several people.
     */
    default String offerColleague(InteractionId interaction, String colleague) {
        throw new UnsupportedOperationException("this media port has no colleague legs");
    }

    /** Applies the colleague phone's SDP answer to the leg created by {@link #offerColleague}. */
    default void applyColleagueAnswer(InteractionId interaction, String colleague, String sdpAnswer) {
        throw new UnsupportedOperationException("this media port has no colleague legs");
    }

    /** The colleague's phone left the call (or never answered): its leg goes, the call stays. */
    default void removeColleague(InteractionId interaction, String colleague) {
    }

    /**
     * A supervisor's desk phone monitors the call: adds its RTP leg from the phone's offer in {@code mode} (LISTEN
     * hears both sides and nobody hears it, WHISPER is heard by the advisor only, BARGE by everyone) and returns the
     * SDP answer.
     *
     * @throws IllegalArgumentException if the offer is unacceptable (488)
     */
    default String answerMonitor(InteractionId interaction, String supervisor, String sdpOffer, String mode) {
        throw new UnsupportedOperationException("this media port has no supervisor legs");
    }

    /** The supervisor's phone left the call: its leg goes. */
    default void removeMonitor(InteractionId interaction, String supervisor) {
    }

    /** The call is over: release the media session. Idempotent. */
    void release(InteractionId interaction);
}
