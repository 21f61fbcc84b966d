package org.mvtm.recording.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.id.RecordingId;

/**
 * What the compliance console lists for a recording.
 *
 * @param coveredUntil  the end of the last segment safely on disk (for an interrupted recording: exactly how far it
 *                      covers)
 * @param retainUntil   when retention ends (empty while recording)
 * @param lastVerification result of the last verification, if one ran in this process
 * @param deletionRequest  a deletion asked for by one officer and waiting for a second one's approval
 */
public record RecordingSummary(RecordingId id, RecordingMetadata metadata, RecordingState state,
                               Optional<Instant> endedAt, Instant coveredUntil, Duration duration,
                               List<LegInfo> legs, boolean legalHold, Optional<Instant> retainUntil,
                               String masterKeyId, Optional<VerificationResult> lastVerification,
                               Optional<DeletionRequest> deletionRequest) {
    public RecordingSummary {
        legs = List.copyOf(legs);
    }

    public boolean interrupted() {
        return state == RecordingState.INTERRUPTED;
    }
}
