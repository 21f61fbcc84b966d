package org.mvtm.recording.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.BotHandedOff;
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
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;

/**
 * Maps contact-core events to timeline entries, so the server can forward what it observes:
 * {@code TimelineEvents.of(event).ifPresent(recording::appendTimeline)}. Events that are not part of a session
 * timeline give empty.
 */
public final class TimelineEvents {
    private TimelineEvents() {
    }

    public static Optional<TimelineEntry> of(ContactEvent event) {
        if (event instanceof ChatMessagePosted m) {
            return Optional.of(TimelineEntry.turn(new TranscriptTurn(m.at(), m.speaker(), m.text()),
                    m.senderId() == null ? m.speaker().name().toLowerCase(Locale.ROOT) : m.senderId()));
        }
        if (event instanceof InteractionQueued q) {
            return Optional.of(new TimelineEntry(q.at(), TimelineEntry.Kind.QUEUED, "system",
                    "queued in " + q.interaction().queue(), Map.of("queue", q.interaction().queue().value())));
        }
        if (event instanceof OfferAccepted a) {
            return Optional.of(TimelineEntry.event(a.at(), TimelineEntry.Kind.ADVISOR_JOINED, a.advisor().value(),
                    "advisor " + a.advisor() + " joined"));
        }
        if (event instanceof OfferDeclined d) {
            return Optional.of(new TimelineEntry(d.at(), TimelineEntry.Kind.OTHER, d.advisor().value(),
                    "advisor " + d.advisor() + " declined (" + d.cause() + ")", Map.of("cause", d.cause().name())));
        }
        if (event instanceof CallHeld h) {
            return Optional.of(TimelineEntry.event(h.at(), h.held() ? TimelineEntry.Kind.HOLD
                    : TimelineEntry.Kind.RESUMED, h.by().name().toLowerCase(Locale.ROOT),
                    h.held() ? "call on hold" : "call resumed"));
        }
        if (event instanceof CallMuted m) {
            return Optional.of(TimelineEntry.event(m.at(), m.muted() ? TimelineEntry.Kind.MUTED
                    : TimelineEntry.Kind.UNMUTED, m.advisor().value(), m.muted() ? "advisor muted" : "advisor unmuted"));
        }
        if (event instanceof CallMonitored m) {
            String what = switch (m.mode()) {
                case "WHISPER" -> "whispering to the advisor";
                case "BARGE" -> "in the call (barge-in)";
                default -> "listening";
            };
            return Optional.of(new TimelineEntry(m.at(), TimelineEntry.Kind.OTHER, m.supervisor(),
                    m.active() ? "supervisor " + m.supervisor() + " " + what : "supervisor " + m.supervisor()
                            + " stopped monitoring", Map.of("monitor", m.active() ? m.mode() : "STOPPED")));
        }
        if (event instanceof CallParticipation p) {
            String role = p.role().name().toLowerCase(Locale.ROOT);
            return Optional.of(new TimelineEntry(p.at(), p.joined() ? TimelineEntry.Kind.PARTICIPANT_JOINED
                    : TimelineEntry.Kind.PARTICIPANT_LEFT, p.participant(), role + " " + p.participant()
                    + (p.joined() ? " joined" : " left") + " the call (" + p.via() + ")", Map.of(
                            "participant", p.participant(), "role", p.role().name(), "via", p.via())));
        }
        if (event instanceof InteractionDisposed d) {
            return Optional.of(new TimelineEntry(d.at(), TimelineEntry.Kind.WRAP_UP, d.advisor().value(),
                    "wrap-up " + d.code() + (d.notes().isBlank() ? "" : ": " + d.notes()),
                    Map.of("code", d.code(), "notes", d.notes())));
        }
        if (event instanceof InteractionTransferred t) {
            Map<String, String> attrs = new HashMap<>();
            t.toQueue().ifPresent(q -> attrs.put("toQueue", q.value()));
            t.toAdvisor().ifPresent(a -> attrs.put("toAdvisor", a.value()));
            return Optional.of(new TimelineEntry(t.at(), TimelineEntry.Kind.TRANSFERRED, t.from().value(),
                    "transferred to " + t.toAdvisor().map(Object::toString)
                            .orElse(t.toQueue().map(Object::toString).orElse("?")), attrs));
        }
        if (event instanceof InteractionEnded e) {
            return Optional.of(TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED,
                    e.endedBy().name().toLowerCase(Locale.ROOT), "ended by " + e.endedBy()));
        }
        if (event instanceof BotHandedOff b) {
            return Optional.of(TimelineEntry.event(b.at(), TimelineEntry.Kind.SYSTEM_MESSAGE,
                    ChatMessagePosted.ASSISTANT, "the assistant handed the conversation to an advisor"));
        }
        return Optional.empty();
    }
}
