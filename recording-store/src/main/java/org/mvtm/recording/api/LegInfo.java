package org.mvtm.recording.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.PayloadType;

/**
 * One recorded media leg. {@code mediaType} is the export's content type ({@code video/webm}, {@code audio/wav});
 * {@code kind} whether it is a party's call leg or a shared screen. A leg's export starts at its
 * {@code firstPacketAt}: a player keeps the legs in step by starting each at that offset from the recording's start.
 */
public record LegInfo(String legId, String party, List<PayloadType> payloadTypes, int segments, long packets,
                      Optional<Instant> firstPacketAt, Optional<Instant> lastPacketAt, String mediaType, LegKind kind) {
    public LegInfo {
        payloadTypes = List.copyOf(payloadTypes);
        kind = kind == null ? LegKind.CALL : kind;
    }

    public LegInfo(String legId, String party, List<PayloadType> payloadTypes, int segments, long packets,
                   Optional<Instant> firstPacketAt, Optional<Instant> lastPacketAt, String mediaType) {
        this(legId, party, payloadTypes, segments, packets, firstPacketAt, lastPacketAt, mediaType, LegKind.CALL);
    }
}
