package org.mvtm.recording.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.media.PayloadType;

/** One recorded media leg. {@code mediaType} is the export's content type ({@code video/webm}, {@code audio/wav}). */
public record LegInfo(String legId, String party, List<PayloadType> payloadTypes, int segments, long packets,
                      Optional<Instant> firstPacketAt, Optional<Instant> lastPacketAt, String mediaType) {
    public LegInfo {
        payloadTypes = List.copyOf(payloadTypes);
    }
}
