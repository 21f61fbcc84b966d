package org.mvtm.core.event;

import java.time.Instant;
import org.mvtm.core.id.InteractionId;

/**
 * A supervisor started ({@code active} true), changed or stopped monitoring a live call: {@code mode} is
 * {@code LISTEN} (hears both sides, nobody hears them), {@code WHISPER} (only the advisor hears them) or
 * {@code BARGE} (everyone hears them). Shown on the recording's timeline.
 */
public record CallMonitored(Instant at, InteractionId interaction, String supervisor, String mode, boolean active)
        implements ContactEvent {}
