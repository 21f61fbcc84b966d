package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.mvtm.core.TranscriptTurn;

/**
 * One line of the session timeline.
 *
 * @param actor who caused it (customer id, advisor id, {@code bot}, {@code system})
 * @param text  chat text or a human-readable description of the event
 * @param attributes extra details (e.g. {@code toQueue} for a transfer); copied
 */
public record TimelineEntry(Instant at, Kind kind, String actor, String text, Map<String, String> attributes) {

    public enum Kind {
        CUSTOMER_MESSAGE, BOT_MESSAGE, ADVISOR_MESSAGE, SYSTEM_MESSAGE,
        QUEUED, ADVISOR_JOINED, HOLD, RESUMED, MUTED, UNMUTED, TRANSFERRED, LEG_ADDED, ENDED, RECORDING_STARTED, RECORDING_SEALED,
        OTHER,
        /** a PCI pause began: no media and no chat in clear until {@link #RECORDING_RESUMED} */
        RECORDING_PAUSED, RECORDING_RESUMED,
        /** a document (PDF or image) one party showed the other; its bytes are a document leg of the recording */
        DOCUMENT,
        /** a form the customer filled and signed in the call: the canonical signed document is a document leg */
        SIGNED_DOCUMENT,
        /**
         * someone other than the customer and the advisor who took the call joined or left it: a colleague (consult,
         * three-way call) or a supervisor (listen, whisper, barge-in); attributes {@code participant}, {@code role}
         * ({@code COLLEAGUE}, {@code SUPERVISOR}) and {@code via} ({@code web}, {@code sip})
         */
        PARTICIPANT_JOINED, PARTICIPANT_LEFT,
        /**
         * the advisor's wrap-up: attributes {@code code} and {@code notes}; given after the call was sealed it is an
         * annotation of the recording (attribute {@code annotation} = its place in the annotation chain)
         */
        WRAP_UP;

        /** True for chat and bot turns (indexed as transcript text). */
        public boolean isTranscript() {
            return this == CUSTOMER_MESSAGE || this == BOT_MESSAGE || this == ADVISOR_MESSAGE
                    || this == SYSTEM_MESSAGE;
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        actor = actor == null ? "" : actor;
        text = text == null ? "" : text;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A chat or bot turn. */
    public static TimelineEntry turn(TranscriptTurn turn, String actor) {
        Kind kind = switch (turn.speaker()) {
            case CUSTOMER -> Kind.CUSTOMER_MESSAGE;
            case BOT -> Kind.BOT_MESSAGE;
            case ADVISOR -> Kind.ADVISOR_MESSAGE;
            case SYSTEM -> Kind.SYSTEM_MESSAGE;
        };
        return new TimelineEntry(turn.at(), kind, actor, turn.text(), Map.of());
    }

    /** A call event (queued, advisor joined, hold, transfer, ended...). */
    public static TimelineEntry event(Instant at, Kind kind, String actor, String text) {
        return new TimelineEntry(at, kind, actor, text, Map.of());
    }
}
