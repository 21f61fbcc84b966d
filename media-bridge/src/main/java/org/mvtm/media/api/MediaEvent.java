package org.mvtm.media.api;

import java.time.Duration;
import java.time.Instant;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.MediaKind;

/** What happened to a leg, in past tense. Every event names the call, the leg and when it happened. */
public sealed interface MediaEvent {
    InteractionId interaction();

    String legId();

    Instant at();

    /** ICE (browser) or the first packet (RTP) and DTLS completed: the leg can carry media. */
    record LegConnected(InteractionId interaction, String legId, Instant at) implements MediaEvent {}

    /** The first RTP packet of {@code kind} arrived from the leg's peer. */
    record MediaFlowing(InteractionId interaction, String legId, MediaKind kind, Instant at) implements MediaEvent {}

    /** No valid STUN binding request within the ICE timeout, or consent freshness expired. */
    record IceFailed(InteractionId interaction, String legId, String reason, Instant at) implements MediaEvent {}

    /** The DTLS handshake failed or timed out, or the peer's certificate did not match the SDP fingerprint. */
    record DtlsFailed(InteractionId interaction, String legId, String reason, Instant at) implements MediaEvent {}

    /** A connected leg received no RTP for {@code silentFor}; published once per silence. */
    record NoMedia(InteractionId interaction, String legId, Duration silentFor, Instant at) implements MediaEvent {}

    /** Packets that were neither STUN, DTLS nor valid (S)RTP arrived; published once per leg. */
    record GarbageReceived(InteractionId interaction, String legId, String reason, Instant at) implements MediaEvent {}

    /** The leg was removed and its port closed. */
    record LegClosed(InteractionId interaction, String legId, String reason, Instant at) implements MediaEvent {}
}
