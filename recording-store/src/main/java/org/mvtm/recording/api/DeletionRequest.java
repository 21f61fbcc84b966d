package org.mvtm.recording.api;

import java.time.Instant;
import org.mvtm.core.id.RecordingId;

/**
 * A pending request to delete a recording (four eyes): one officer asks, a different one approves with
 * {@link RecordingStore#approveDeletion}.
 */
public record DeletionRequest(RecordingId recording, String requestedBy, String reason, Instant at) {
}
