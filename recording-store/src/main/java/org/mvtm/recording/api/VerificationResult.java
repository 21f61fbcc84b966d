package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Optional;
import org.mvtm.core.id.RecordingId;

/**
 * Outcome of verifying a recording: ok, or the first bad segment and why.
 *
 * @param badLeg     leg of the first bad segment ({@code _timeline} for the timeline stream)
 * @param badSegment index of the first bad segment within its leg
 * @param reason     human-readable reason naming the segment, e.g.
 *                   {@code "segment customer/3 (legs/customer/000003.seg) content changed: ..."}
 */
public record VerificationResult(RecordingId recording, boolean ok, int segmentsChecked, Optional<String> badLeg,
                                 Optional<Integer> badSegment, String reason, Instant checkedAt) {

    public static VerificationResult ok(RecordingId id, int checked, Instant at) {
        return new VerificationResult(id, true, checked, Optional.empty(), Optional.empty(), "ok", at);
    }

    public static VerificationResult failed(RecordingId id, int checked, String leg, Integer segment, String reason,
                                            Instant at) {
        return new VerificationResult(id, false, checked, Optional.ofNullable(leg), Optional.ofNullable(segment),
                reason, at);
    }
}
