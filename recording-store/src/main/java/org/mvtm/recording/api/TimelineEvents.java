package org.mvtm.recording.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallMonitored;
import org.mvtm.core.event.CallMuted;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.InteractionDisposed;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;

/**
 * The one mapping of contact-core events to the entries of a session's timeline, as the server's journey writes them:
 * {@code TimelineEvents.of(event).ifPresent(recording::appendTimeline)}. Events that are not part of a session
 * timeline give empty. An advisor joining is written with their display name ({@link #advisorJoined}), which the
 * event does not carry; a supervisor's forced state change goes on the timeline of each interaction it was made
 * during.
 */
public final class TimelineEvents {
    private TimelineEvents() {
    }

    public static Optional<TimelineEntry> of(ContactEvent event) {
        return Optional.ofNullable(switch (event) {
            case ChatMessagePosted m -> TimelineEntry.turn(new TranscriptTurn(m.at(), m.speaker(), m.text()),
                    m.senderId() == null ? m.speaker().name().toLowerCase(Locale.ROOT) : m.senderId());
            case InteractionQueued q -> queued(q.at(), q.interaction().queue());
            case CallHeld h -> TimelineEntry.event(h.at(), h.held() ? TimelineEntry.Kind.HOLD
                    : TimelineEntry.Kind.RESUMED, lower(h.by().name()), h.held() ? "on hold" : "resumed");
            case CallMuted m -> TimelineEntry.event(m.at(), m.muted() ? TimelineEntry.Kind.MUTED
                    : TimelineEntry.Kind.UNMUTED, m.advisor().value(), m.muted() ? "advisor muted" : "advisor unmuted");
            case CallMonitored m -> monitored(m);
            case CallParticipation p -> new TimelineEntry(p.at(), p.joined() ? TimelineEntry.Kind.PARTICIPANT_JOINED
                    : TimelineEntry.Kind.PARTICIPANT_LEFT, p.participant(), lower(p.role().name()) + " "
                    + p.participant() + (p.joined() ? " joined" : " left") + " the call (" + p.via() + ")", Map.of(
                            "participant", p.participant(), "role", p.role().name(), "via", p.via()));
            case InteractionDisposed d -> new TimelineEntry(d.at(), TimelineEntry.Kind.WRAP_UP, d.advisor().value(),
                    "wrap-up " + d.code() + (d.notes().isBlank() ? "" : ": " + d.notes()),
                    Map.of("code", d.code(), "notes", d.notes()));
            case InteractionTransferred t -> TimelineEntry.event(t.at(), TimelineEntry.Kind.TRANSFERRED,
                    t.from().value(), "transferred to " + t.toQueue().map(Object::toString)
                            .or(() -> t.toAdvisor().map(Object::toString)).orElse("?"));
            case InteractionEnded e -> TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED, lower(e.endedBy().name()),
                    "ended by " + e.endedBy());
            case AdvisorStateForced f -> new TimelineEntry(f.at(), TimelineEntry.Kind.OTHER, f.supervisor(),
                    "supervisor " + f.supervisor() + " set advisor " + f.advisor() + " " + f.to() + ": " + f.reason(),
                    Map.of("action", "forced-state", "advisor", f.advisor().value(), "to", f.to().name(),
                            "reason", f.reason()));
            default -> null;
        });
    }

    /** The interaction was queued in {@code queue} (also the opening of a chat kept when its customer left the queue). */
    public static TimelineEntry queued(Instant at, QueueId queue) {
        return TimelineEntry.event(at, TimelineEntry.Kind.QUEUED, "routing", "queued in " + queue);
    }

    /** An advisor accepted the interaction (the first, or the next after a transfer): named as the consoles show them. */
    public static TimelineEntry advisorJoined(Instant at, AgentId advisor, String displayName) {
        return TimelineEntry.event(at, TimelineEntry.Kind.ADVISOR_JOINED, advisor.value(), displayName + " joined");
    }

    private static TimelineEntry monitored(CallMonitored m) {
        String what = switch (m.mode()) {
            case "WHISPER" -> "whispering to the advisor";
            case "BARGE" -> "in the call (barge-in)";
            default -> "listening";
        };
        return new TimelineEntry(m.at(), TimelineEntry.Kind.OTHER, m.supervisor(), m.active()
                ? "supervisor " + m.supervisor() + " " + what
                : "supervisor " + m.supervisor() + " stopped monitoring", Map.of("monitor", m.active() ? m.mode()
                : "STOPPED"));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
