package org.mvtm.server.journey;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mvtm.core.Interaction;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recording lifecycle of the customer journey, from events, so no module calls another's internals (the
 * bot's turns are the chatbot's {@code BotTurns}):
 * <ol>
 *   <li>when an advisor accepts ({@link OfferAccepted}) the session is recorded: a recording is started with the
 *       customer, advisor, queue and region, the bot transcript is written to its timeline, and for calls the media
 *       session's legs are tapped into it;</li>
 *   <li>chat lines, holds, transfers and the end go to the same timeline; at {@link InteractionEnded} the media tap
 *       stops and the recording is sealed.</li>
 * </ol>
 * Event handlers only hand work to virtual threads; nothing here blocks the publisher's thread.
 */
public final class JourneyCoordinator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JourneyCoordinator.class);

    private final RoutingEngine routing;
    private final MediaServer media;
    private final RecordingStore recordings;
    private final EventBus bus;
    private final Clock clock;
    private final RecordingPlacement placement;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<ConversationId, ActiveRecording> byConversation = new ConcurrentHashMap<>();
    private final Map<InteractionId, ActiveRecording> byInteraction = new ConcurrentHashMap<>();
    private final Map<InteractionId, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();
    private final Map<ConversationId, java.util.Deque<ChatMessagePosted>> pending = new ConcurrentHashMap<>();
    private static final int MAX_PENDING_LINES = 200;
    private static final int MAX_PENDING_CONVERSATIONS = 10_000;
    private final List<EventBus.Subscription> subscriptions;

    public JourneyCoordinator(RoutingEngine routing, MediaServer media, RecordingStore recordings,
                              EventBus bus, Clock clock, RecordingPlacement placement) {
        this.placement = placement;
        this.routing = routing;
        this.media = media;
        this.recordings = recordings;
        this.bus = bus;
        this.clock = clock;
        this.subscriptions = List.of(
                bus.subscribe(ChatMessagePosted.class, this::onChat),
                bus.subscribe(OfferAccepted.class, e -> inOrder(e.interaction(), () -> startRecording(e))),
                bus.subscribe(InteractionQueued.class, e -> timeline(e.interaction().id(),
                        TimelineEntry.event(e.at(), TimelineEntry.Kind.QUEUED, "routing", "queued in " + e.interaction().queue()))),
                bus.subscribe(CallHeld.class, e -> timeline(e.interaction(), TimelineEntry.event(e.at(),
                        e.held() ? TimelineEntry.Kind.HOLD : TimelineEntry.Kind.RESUMED, "call", e.held() ? "on hold" : "resumed"))),
                bus.subscribe(InteractionTransferred.class, e -> timeline(e.interaction(), TimelineEntry.event(e.at(),
                        TimelineEntry.Kind.TRANSFERRED, e.from().value(), "transferred to "
                                + e.toQueue().map(Object::toString).or(() -> e.toAdvisor().map(Object::toString)).orElse("?")))),
                bus.subscribe(InteractionEnded.class, e -> inOrder(e.interaction(), () -> finish(e))));
    }

    private void onChat(ChatMessagePosted e) {
        ActiveRecording rec = byConversation.get(e.conversation());
        if (rec != null) {
            append(rec, line(e));
        } else {
            remember(e);
        }
    }

    private void startRecording(OfferAccepted e) {
        if (!placement.recordsHere(e.interaction())) {
            return; // another node holds this call's media and records it
        }
        Optional<InteractionView> view = routing.interaction(e.interaction());
        if (view.isEmpty()) {
            log.warn("accepted interaction {} is unknown to routing; not recorded", e.interaction());
            return;
        }
        Interaction i = view.get().interaction();
        String advisorName = routing.advisors().stream().filter(a -> a.id().equals(e.advisor()))
                .map(a -> a.displayName()).findFirst().orElse(e.advisor().value());
        try {
            ActiveRecording rec = recordings.start(new RecordingMetadata(i.id(), i.conversation(), i.channel(),
                    i.customer().id(), i.customer().displayName(), e.advisor(), advisorName, i.queue(),
                    i.customer().region(), i.language(), e.at()));
            byInteraction.put(i.id(), rec);
            java.time.Instant transcriptEnd = java.time.Instant.MIN;
            for (TranscriptTurn turn : i.handoff().transcript()) {
                append(rec, TimelineEntry.turn(turn, turn.speaker() == TranscriptTurn.Speaker.BOT ? ChatMessagePosted.ASSISTANT : i.customer().id().value()));
                transcriptEnd = turn.at().isAfter(transcriptEnd) ? turn.at() : transcriptEnd;
            }
            // from here on lines go straight to the recording; lines written while queued are taken from memory
            byConversation.put(i.conversation(), rec);
            java.util.Deque<ChatMessagePosted> earlier = pending.remove(i.conversation());
            if (earlier != null) {
                synchronized (earlier) {
                    for (ChatMessagePosted line : earlier) {
                        if (line.at().isAfter(transcriptEnd)) {
                            append(rec, line(line));
                        }
                    }
                }
            }
            append(rec, TimelineEntry.event(e.at(), TimelineEntry.Kind.ADVISOR_JOINED, e.advisor().value(), advisorName + " joined"));
            if (i.channel().hasMedia()) {
                media.session(i.id()).startRecording(rec);
            }
        } catch (RuntimeException ex) {
            log.error("could not start recording interaction {}", e.interaction(), ex);
        }
    }

    private void finish(InteractionEnded e) {
        placement.ended(e.interaction());
        ActiveRecording rec = byInteraction.remove(e.interaction());
        if (rec == null) {
            return;
        }
        byConversation.remove(rec.metadata().conversation(), rec);
        pending.remove(rec.metadata().conversation());
        try {
            media.find(e.interaction()).ifPresent(s -> s.stopRecording());
        } catch (RuntimeException ex) {
            log.warn("stopping the media tap of {} failed", e.interaction(), ex);
        }
        append(rec, TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED, e.endedBy().name().toLowerCase(java.util.Locale.ROOT), "ended by " + e.endedBy()));
        try {
            rec.seal();
        } catch (RuntimeException ex) {
            log.error("sealing the recording of {} failed", e.interaction(), ex);
        }
    }

    private static TimelineEntry line(ChatMessagePosted e) {
        return TimelineEntry.turn(new TranscriptTurn(e.at(), e.speaker(), e.text()), e.senderId());
    }

    /** Keeps the last lines of conversations that have no recording yet (e.g. while the customer waits). */
    private void remember(ChatMessagePosted e) {
        if (pending.size() >= MAX_PENDING_CONVERSATIONS && !pending.containsKey(e.conversation())) {
            pending.keySet().stream().findAny().ifPresent(pending::remove);
        }
        java.util.Deque<ChatMessagePosted> lines = pending.computeIfAbsent(e.conversation(), c -> new java.util.ArrayDeque<>());
        synchronized (lines) {
            lines.addLast(e);
            while (lines.size() > MAX_PENDING_LINES) {
                lines.removeFirst();
            }
        }
    }

    private void timeline(InteractionId interaction, TimelineEntry entry) {
        inOrder(interaction, () -> {
            ActiveRecording rec = byInteraction.get(interaction);
            if (rec != null) {
                append(rec, entry);
            }
        });
    }

    /**
     * Runs work for one interaction on a virtual thread, strictly after the work handed in before it for the same
     * interaction, so that a short call's end can never overtake the start of its recording.
     */
    private void inOrder(InteractionId interaction, Runnable task) {
        CompletableFuture<Void> lane = lanes.compute(interaction, (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .thenRunAsync(task, work)
                        .exceptionally(t -> {
                            log.warn("journey step for {} failed", id, t);
                            return null;
                        }));
        lane.whenComplete((v, t) -> lanes.remove(interaction, lane));
    }

    private static void append(ActiveRecording rec, TimelineEntry entry) {
        try {
            rec.appendTimeline(entry);
        } catch (RuntimeException ex) {
            log.warn("timeline append to recording {} failed", rec.id(), ex);
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        work.shutdown();
        // seal whatever is still open so a clean shutdown leaves nothing half-written
        byInteraction.values().forEach(rec -> {
            try {
                rec.seal();
            } catch (RuntimeException ex) {
                log.warn("sealing {} at shutdown failed", rec.id(), ex);
            }
        });
        byInteraction.clear();
        byConversation.clear();
    }
}
