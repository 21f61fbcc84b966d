package org.mvtm.webtest;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Channel;
import org.mvtm.core.Interaction;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.media.api.MediaServer;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.api.WebUserDirectory;

/**
 * The recording part of the server's JourneyCoordinator, for the browser journey: start recording on accept (media
 * tap + bot transcript), append chat lines, seal and release on end. Work runs on virtual threads.
 */
final class RecordingCoordinator {
    private final Map<ConversationId, ActiveRecording> byConversation = new ConcurrentHashMap<>();
    private final Map<InteractionId, ActiveRecording> byInteraction = new ConcurrentHashMap<>();
    /** Chat lines that arrive between the accept and the recording being open (the first start warms up the index). */
    private final Map<ConversationId, java.util.List<TimelineEntry>> pending = new ConcurrentHashMap<>();
    /** Interactions that ended before their recording was open: sealed as soon as it opens. */
    private final java.util.Set<InteractionId> endedEarly = ConcurrentHashMap.newKeySet();

    RecordingCoordinator(Clock clock, EventBus events, RoutingEngine routing, MediaServer media, RecordingStore store,
                         WebUserDirectory users) {
        events.subscribe(OfferAccepted.class, e -> {
            Interaction accepted = routing.interaction(e.interaction()).map(InteractionView::interaction).orElseThrow();
            pending.put(accepted.conversation(), new java.util.ArrayList<>());
            Thread.ofVirtual().start(() -> start(accepted, e, clock, media, store, users));
        });
        events.subscribe(ChatMessagePosted.class, e -> {
            TimelineEntry entry = TimelineEntry.turn(new TranscriptTurn(e.at(), e.speaker(), e.text()), e.senderId());
            synchronized (this) {
                ActiveRecording recording = byConversation.get(e.conversation());
                if (recording != null) {
                    recording.appendTimeline(entry);
                } else if (pending.containsKey(e.conversation())) {
                    pending.get(e.conversation()).add(entry);
                }
            }
        });
        events.subscribe(InteractionEnded.class, e -> Thread.ofVirtual().start(() -> {
            ActiveRecording recording;
            synchronized (this) {
                recording = byInteraction.remove(e.interaction());
                if (recording == null) {
                    endedEarly.add(e.interaction());
                }
            }
            if (recording != null) {
                recording.appendTimeline(TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED, e.endedBy().name(), "ended by " + e.endedBy()));
                media.find(e.interaction()).ifPresent(s -> s.stopRecording());
                recording.seal();
                byConversation.remove(recording.metadata().conversation());
            }
            media.find(e.interaction()).ifPresent(s -> s.release());
        }));
    }

    private void start(Interaction i, OfferAccepted e, Clock clock, MediaServer media, RecordingStore store, WebUserDirectory users) {
        {
            long began = System.nanoTime();
            String advisorName = users.findAdvisor(e.advisor()).map(WebUser::displayName).orElse(e.advisor().value());
            ActiveRecording recording = store.start(new RecordingMetadata(i.id(), i.conversation(), i.channel(),
                    i.customer().id(), i.customer().displayName(), e.advisor(), advisorName, i.queue(),
                    i.customer().region(), i.language(), clock.instant()));
            for (TranscriptTurn turn : i.handoff().transcript()) {
                recording.appendTimeline(TimelineEntry.turn(turn, turn.speaker() == TranscriptTurn.Speaker.CUSTOMER
                        ? i.customer().id().value() : "bot"));
            }
            recording.appendTimeline(TimelineEntry.event(clock.instant(), TimelineEntry.Kind.ADVISOR_JOINED, e.advisor().value(), advisorName + " joined"));
            if (i.channel() != Channel.CHAT) {
                media.session(i.id()).startRecording(recording);
            }
            synchronized (this) {
                pending.remove(i.conversation()).forEach(recording::appendTimeline);
                if (endedEarly.remove(i.id())) {
                    media.find(i.id()).ifPresent(session -> session.stopRecording());
                    recording.seal();
                    return;
                }
                byConversation.put(i.conversation(), recording);
                byInteraction.put(i.id(), recording);
            }
            org.slf4j.LoggerFactory.getLogger(RecordingCoordinator.class).info("recording of {} open after {} ms", i.id(), (System.nanoTime() - began) / 1_000_000);
        }
    }
}
