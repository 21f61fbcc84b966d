package org.mvtm.recording.api;

import java.time.Instant;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.RecordingId;

/** Writing a recording failed (e.g. disk full); the call continues, the recording is DEGRADED. */
public record RecordingFailed(Instant at, RecordingId recording, InteractionId interaction, String reason)
        implements ContactEvent {
}
