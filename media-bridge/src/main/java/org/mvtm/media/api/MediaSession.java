package org.mvtm.media.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.MediaPacketSink;

/**
 * The media of one call: its legs (one per endpoint) and the relay between them. Thread-safe.
 *
 * <p>Every leg belongs to a {@link Party}: {@link Party#CUSTOMER}, {@link Party#ADVISOR} (a colleague in a three-way
 * call is a second advisor) or {@link Party#SUPERVISOR}; by default every new leg is connected to every existing leg
 * of the other party (customer media goes to advisors and back), a supervisor's leg to nobody. Leg ids are unique within the session.
 * Bad input (malformed SDP, unknown leg, duplicate leg id, no common codec) throws {@link MediaException} with a
 * message saying what was wrong; the session is left unchanged.
 */
public interface MediaSession {
    InteractionId interaction();

    /**
     * Adds a browser leg. {@code sdpOffer} is the browser's offer (BUNDLE, rtcp-mux, DTLS fingerprint). Returns
     * the SDP answer: ICE-lite, {@code a=setup:passive}, the server's certificate fingerprint and host
     * candidate(s) on the configured public address. Codecs already used by the other party's legs are preferred
     * so media is relayed without transcoding.
     */
    String addWebRtcLeg(String legId, Party party, String sdpOffer);

    /**
     * Adds a browser leg that carries a shared screen, a transport of its own beside the party's call leg (so the
     * call leg's SDP never changes while sharing is switched on and off): an {@link Party#ADVISOR}'s screen leg sends
     * the screen, a {@link Party#CUSTOMER}'s only receives it. Screen legs are relayed only to the other party's screen leg,
     * never to call legs or monitoring supervisors; the recording taps the advisor's as a leg of its own
     * ({@link org.mvtm.core.media.LegKind#SCREEN}), not the customer's (it sends nothing). Returns the SDP answer as
     * {@link #addWebRtcLeg} does.
     */
    default String addScreenLeg(String legId, Party party, String sdpOffer) {
        throw new MediaException("this media server cannot relay a shared screen");
    }

    /**
     * A trickled browser ICE candidate ({@code candidate:...} or {@code a=candidate:...}); an empty string or
     * {@code end-of-candidates} is accepted and ignored. ICE-lite learns the peer address from its checks, so
     * candidates are only validated and kept for diagnostics.
     */
    void addRemoteCandidate(String legId, String candidateLine);

    /** Adds a SIP leg from the peer's offer (plain RTP/AVP); returns the answer (PCMU/PCMA, telephone-event). */
    String addRtpLeg(String legId, Party party, String sdpOffer);

    /**
     * A new offer from the peer of an existing RTP leg (a SIP re-INVITE or UPDATE: hold, resume, a new address, a
     * session refresh). The leg keeps its port and, when still offered, its codec; the answer carries the direction
     * seen from the bridge ({@code sendonly} offered: {@code recvonly} answered, and nothing is sent to the peer until
     * it offers {@code sendrecv} again).
     */
    String updateRtpLeg(String legId, String sdpOffer);

    /** Creates a plain RTP leg and returns the server's offer, e.g. for an INVITE to a desk phone. */
    String createRtpOffer(String legId, Party party);

    /** Completes a leg made by {@link #createRtpOffer} with the peer's answer. */
    void applyRtpAnswer(String legId, String sdpAnswer);

    /** Relays media between two legs in both directions (needed only for legs of the same party). */
    void connect(String legA, String legB);

    /**
     * Starts the recording tap: every decrypted RTP packet every leg receives from its peer goes to {@code sink}
     * with its arrival time; a keyframe is requested from every video sender. Replaces a previous sink (which is
     * {@link MediaPacketSink#closed() closed}).
     */
    void startRecording(MediaPacketSink sink);

    /** Stops the tap and closes the sink; no-op if not recording. */
    void stopRecording();

    /**
     * Plays a WAV file (16-bit PCM, any rate, mono or stereo) or raw 8 kHz mu-law ({@code .ul}/{@code .pcmu}) into a
     * leg, encoded once per codec (G.711, or Opus for a browser leg on the embedded relay) and cached. Replaces what the leg was playing. While playing, relayed audio to that
     * leg is muted.
     */
    void playAudio(String legId, Path wavOrRaw, boolean loop);

    /** Stops playback on the leg; no-op if nothing plays. */
    void stopAudio(String legId);

    /** Holds (no media relayed to or from the leg) or resumes it. */
    void hold(String legId, boolean onHold);

    /**
     * Mutes ({@code true}) or unmutes the audio a leg sends: nobody else in the call hears it (its video still flows
     * and the recording still taps it), e.g. an advisor who pressed Mute.
     */
    void mute(String legId, boolean muted);

    /**
     * Puts a {@link Party#SUPERVISOR} leg (connected to nobody until then) in {@code mode}: what it hears and who
     * hears it (listen, whisper, barge-in).
     * A leg that receives more than one audio source gets them mixed: a call whose audio cannot be mixed
     * ({@link #cannotMix}) is refused with a {@link MediaException} saying why. Changing the mode of a monitoring leg is allowed at any time; {@link #removeLeg} stops it.
     */
    default void monitor(String supervisorLegId, MonitorMode mode) {
        throw new MediaException("this media server cannot monitor calls (listen, whisper, barge-in)");
    }

    /**
     * Why this call's audio cannot be mixed (needed by a three-way call and by {@link #monitor}), or empty when it
     * can. By default the legs must all speak G.711; the embedded relay also mixes Opus, and G.711 with Opus (it
     * transcodes), when libopus is installed.
     */
    default Optional<String> cannotMix() {
        List<String> audio = legs().stream().flatMap(l -> l.payloadTypes().stream())
                .filter(p -> p.kind() == MediaKind.AUDIO && !p.encoding().equalsIgnoreCase("telephone-event"))
                .map(p -> p.encoding().toUpperCase(Locale.ROOT)).distinct().toList();
        return audio.stream().allMatch(e -> e.equals("PCMU") || e.equals("PCMA")) ? Optional.empty()
                : Optional.of("its audio is " + audio + " and this media server mixes G.711 (PCMU/PCMA) only");
    }

    /** Removes a leg, closing its port; publishes {@link MediaEvent.LegClosed}. */
    void removeLeg(String legId);

    /** Current legs. */
    List<LegInfo> legs();

    /** Removes every leg, stops recording and forgets the session; idempotent. */
    void release();
}
