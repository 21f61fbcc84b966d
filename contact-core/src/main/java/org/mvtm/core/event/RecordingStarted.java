package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.RecordingId;

/** Recording of an interaction's media and timeline began. */
public record RecordingStarted(Instant at, RecordingId recording, InteractionId interaction) implements ContactEvent {}
