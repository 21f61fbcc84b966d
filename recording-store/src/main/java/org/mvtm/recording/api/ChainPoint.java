package org.mvtm.recording.api;

import java.util.Objects;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.RecordingId;

/**
 * How far a recording's part is chained on disk: {@code segments} segments are listed in its signed manifest and the
 * last one's chain link is {@code chainHead} ({@code 0...0} when none is). A store reports one each time the part's
 * manifest with new segments is on disk ({@link RecordingStore#onChainAdvanced}); a node that takes a call over from
 * a dead node continues the recording from the last point the dead node reported
 * ({@link RecordingStore#continueRecording}).
 *
 * @param part the part of the recording (1 for the node that started it, 2 for the first continuation ...)
 */
public record ChainPoint(RecordingId recording, InteractionId interaction, int part, int segments, String chainHead) {
    public ChainPoint {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(interaction, "interaction");
        if (part < 1) {
            throw new IllegalArgumentException("part must be at least 1 but was " + part);
        }
        if (segments < 0) {
            throw new IllegalArgumentException("segments must not be negative but was " + segments);
        }
        if (chainHead == null || !chainHead.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("chainHead must be 64 lower-case hex digits but was " + chainHead);
        }
    }
}
