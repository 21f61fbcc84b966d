package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.RecordingId;

/** A recording was closed: its manifest is complete, hash-chained and signed. */
public record RecordingSealed(Instant at, RecordingId recording, InteractionId interaction, boolean interrupted)
        implements ContactEvent {}
