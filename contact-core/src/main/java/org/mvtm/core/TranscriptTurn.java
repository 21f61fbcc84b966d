package org.mvtm.core;

import java.time.Instant;
import java.util.Objects;

/** One line of a conversation: who said what, when. */
public record TranscriptTurn(Instant at, Speaker speaker, String text) {
    public enum Speaker {
        CUSTOMER,
        BOT,
        ADVISOR,
        SYSTEM
    }

    public TranscriptTurn {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }
}
