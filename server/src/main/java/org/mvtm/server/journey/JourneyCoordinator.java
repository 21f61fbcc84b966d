package org.mvtm.server.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.mvtm.core.Interaction;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.concurrent.KeyedLanes;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.BotConversationEnded;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallMonitored;
import org.mvtm.core.event.CallMuted;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.ChatTranscripts;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionDisposed;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.RecordingPaused;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.media.api.MediaServer;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.TimelineEvents;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recording lifecycle of the customer journey, from events, so no module calls another's internals (the
 * bot's turns are the chatbot's {@code BotTurns}):
 * <ol>
 *   <li>when an advisor accepts ({@link OfferAccepted}) the session is recorded: a recording is started with the
 *       customer, advisor, queue and region; every chat line of the conversation so far goes to its timeline, and
 *       each later one as it is delivered ({@link ChatTranscripts}: the lines the customer was shown, once, in that
 *       order, with their own times); for calls the media session's legs are tapped into it;</li>
 *   <li>holds, the advisor's mute, colleagues and supervisors joining and leaving ({@link CallParticipation}),
 *       transfers and the end go to the same timeline. A transfer keeps the recording: the next advisor's
 *       accept adds a join, not a second recording. At {@link InteractionEnded} (or when a transferred customer
 *       leaves the queue) the media tap stops and the recording is sealed. The wrap-up that follows
 *       ({@link InteractionDisposed}) is attached to the sealed recording as an annotation.</li>
 *   <li>a PCI pause ({@link RecordingPaused}, from the advisor's button or the customer's app) is applied to the
 *       recording at once, on the publisher's thread (it only sets a flag and queues the mark), so a line written right
 *       after the button is already redacted; a call that ends while paused is resumed at its end.</li>
 *   <li>a conversation that never reaches an advisor is kept too ({@link ChatOnlyRecordings}): one that ends with
 *       the assistant ({@link BotConversationEnded}) or is abandoned in the queue ({@link InteractionAbandoned})
 *       becomes a sealed chat-only recording with its transcript.</li>
 * </ol>
 * Event handlers only hand work to virtual threads; nothing here blocks the publisher's thread.
 */
public final class JourneyCoordinator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JourneyCoordinator.class);
    /** A conversation without a line for this long is forgotten if nobody records it (chats that end with the bot). */
    static final Duration IDLE_CONVERSATION = Duration.ofHours(4);

    private final RoutingEngine routing;
    private final MediaServer media;
    private final RecordingStore recordings;
    private final RecordingPlacement placement;
    private final Clock clock;
    private final ChatTranscripts transcripts;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<InteractionId, Recorded> byInteraction = new ConcurrentHashMap<>();
    /** Interactions waiting in a queue (not accepted yet), kept in case the customer leaves before an advisor. */
    private final Map<InteractionId, Interaction> waiting = new ConcurrentHashMap<>();
    private final ChatOnlyRecordings chatOnly;
    private final KeyedLanes<InteractionId> lanes = new KeyedLanes<>("journey");
    /**
     * PCI pauses and resumes of calls not recorded here (yet), in order, by interaction; also the lock under which a
     * recording is opened to its lines.
     */
    private final Map<InteractionId, List<RecordingPaused>> pauses = new ConcurrentHashMap<>();
    /** Who joined the call besides its customer and advisor, and is still in it (to mark them leaving at the end). */
    private final Map<InteractionId, Map<String, CallParticipation>> inCall = new ConcurrentHashMap<>();
    /** Accepted on another node while no node held the call's media yet: recorded here if the media comes here. */
    private final Map<InteractionId, OfferAccepted> acceptedBeforeMedia = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions;
    private final UnstartedRecordings unstarted;

    /** An open recording and the conversation lines it follows. */
    private record Recorded(ActiveRecording recording, ChatTranscripts.Followed lines) {
    }

    /**
     * @param maxRecordingLag how long an accept may wait to be handled (for a call recorded here: its recording to
     *                        start) before this node counts itself behind ({@link #recordingBehind()})
     */
    public JourneyCoordinator(RoutingEngine routing, MediaServer media, RecordingStore recordings,
                              EventBus bus, Clock clock, RecordingPlacement placement, Duration maxRecordingLag) {
        this.placement = placement;
        this.unstarted = new UnstartedRecordings(clock, maxRecordingLag, work);
        this.clock = clock;
        this.routing = routing;
        this.media = media;
        this.recordings = recordings;
        this.transcripts = new ChatTranscripts(bus, clock, IDLE_CONVERSATION);
        this.chatOnly = new ChatOnlyRecordings(recordings);
        this.subscriptions = List.of(
                bus.subscribe(OfferAccepted.class, e -> {
                    boolean acceptedElsewhere = bus.relayed();
                    unstarted.heard(e.interaction(), e.at());
                    inOrder(e.interaction(), () -> {
                        try {
                            accepted(e, acceptedElsewhere);
                        } finally {
                            unstarted.handled(e.interaction());
                        }
                    });
                }),
                bus.subscribe(InteractionQueued.class, e -> {
                    if (!byInteraction.containsKey(e.interaction().id())) {
                        waiting.putIfAbsent(e.interaction().id(), e.interaction());
                    }
                    timeline(e.interaction().id(), e);
                }),
                bus.subscribe(CallHeld.class, e -> timeline(e.interaction(), e)),
                bus.subscribe(CallMuted.class, e -> timeline(e.interaction(), e)),
                bus.subscribe(CallMonitored.class, e -> timeline(e.interaction(), e)),
                bus.subscribe(CallParticipation.class, e -> inOrder(e.interaction(), () -> participation(e))),
                // after the end (same lane): the call's recording is sealed by then, so the wrap-up is an annotation
                bus.subscribe(InteractionDisposed.class, e -> e.interaction().ifPresent(id -> inOrder(id,
                        () -> wrappedUp(id, TimelineEvents.of(e).orElseThrow())))),
                bus.subscribe(InteractionTransferred.class, e -> timeline(e.interaction(), e)),
                bus.subscribe(InteractionEnded.class, e -> inOrder(e.interaction(),
                        () -> finish(e.interaction(), TimelineEvents.of(e).orElseThrow()))),
                bus.subscribe(InteractionAbandoned.class, e -> inOrder(e.interaction(), () -> {
                    if (byInteraction.containsKey(e.interaction())) { // a transferred customer left the queue
                        finish(e.interaction(), TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED, "customer",
                                "left while transferred"));
                    } else {
                        abandoned(e);
                    }
                })),
                bus.subscribe(AdvisorStateForced.class, e -> e.during().forEach(id -> timeline(id, e))),
                bus.subscribe(BotConversationEnded.class, e -> work.execute(() -> botOnly(e))),
                bus.subscribe(RecordingPaused.class, this::pciPause));
    }

    /**
     * Applied at once when the recording is open; pauses and resumes before it opens (the customer's app right after
     * the accept, or a journey behind under load) are kept and applied in order when it opens, before any line or
     * packet reaches it: the earlier lines it is given and the media the relay kept from before it are stored
     * redacted or not at all over those windows.
     */
    private void pciPause(RecordingPaused e) {
        synchronized (pauses) {
            Recorded recorded = byInteraction.get(e.interaction());
            if (recorded != null) {
                pciPause(recorded.recording(), e);
            } else {
                pauses.computeIfAbsent(e.interaction(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    private static void pciPause(ActiveRecording rec, RecordingPaused e) {
        String party = e.party().name();
        boolean changed = e.paused() ? rec.pause(e.at(), e.by(), party, e.reason())
                : rec.resume(e.at(), e.by(), party, e.reason());
        if (changed) {
            log.info("recording {} of {} {} by {} ({}): {}", rec.id(), e.interaction(),
                    e.paused() ? "paused" : "resumed", e.by(), party, e.reason());
        }
    }

    /** Left the queue before any advisor answered: the conversation so far is kept as a chat-only recording. */
    private void abandoned(InteractionAbandoned e) {
        Interaction i = waiting.remove(e.interaction());
        if (i == null || !placement.recordsHere(e.interaction())) {
            return;
        }
        chatOnly.keep(i.id(), i.conversation(), i.customer(), i.language(), i.queue(), i.createdAt(),
                transcripts.lines(i.conversation()), i.handoff().transcript(), List.of(
                        TimelineEvents.queued(i.createdAt(), i.queue()),
                        TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED, "customer",
                                "left the queue after " + e.waited().toSeconds() + " s without an advisor")));
        transcripts.forget(i.conversation());
        placement.ended(i.id());
    }

    /** Ended with the assistant, never handed to a person: kept as a chat-only recording all the same. */
    private void botOnly(BotConversationEnded e) {
        chatOnly.keep(InteractionId.random(), e.conversation(), e.customer(), e.language(),
                QueueId.of(ChatOnlyRecordings.ASSISTANT_QUEUE), e.startedAt(), transcripts.lines(e.conversation()),
                List.of(), List.of(TimelineEntry.event(e.at(), TimelineEntry.Kind.ENDED, "customer",
                        "ended with the assistant")));
        transcripts.forget(e.conversation());
    }

    private void accepted(OfferAccepted e, boolean acceptedElsewhere) {
        waiting.remove(e.interaction());
        Recorded open = byInteraction.get(e.interaction());
        if (open != null) {
            // a transfer: the same interaction, the same recording, another advisor
            append(open.recording(), TimelineEvents.advisorJoined(e.at(), e.advisor(), advisorName(e.advisor())));
            return;
        }
        startRecording(e, acceptedElsewhere);
    }

    /**
     * The node where the advisor accepted claims the call's media and records it; a node that only hears of the
     * accept from another node records it only when the media is here already (a leg offered here first), or when
     * it comes here later ({@link #mediaClaimedHere}): on a busy cluster the customer's leg can reach this node after
     * it heard of the accept and before the accepting node looked for the media, and then each node would leave the
     * recording to the other. So a call's media lives with the advisor's node, where the consoles of both parties
     * usually are too, and is recorded where it lives.
     */
    private void startRecording(OfferAccepted e, boolean acceptedElsewhere) {
        if (acceptedElsewhere && !placement.alreadyHere(e.interaction())) {
            acceptedBeforeMedia.put(e.interaction(), e);
            return; // the media is elsewhere (that node records it), or nowhere yet
        }
        if (!acceptedElsewhere && !placement.recordsHere(e.interaction())) {
            return; // another node holds this call's media and records it
        }
        acceptedBeforeMedia.remove(e.interaction());
        Optional<InteractionView> view = routing.interaction(e.interaction());
        if (view.isEmpty()) {
            log.warn("accepted interaction {} is unknown to routing; not recorded", e.interaction());
            return;
        }
        String advisorName = advisorName(e.advisor());
        record(view.get().interaction(), e.advisor(), advisorName, e.at(),
                TimelineEvents.advisorJoined(e.at(), e.advisor(), advisorName));
    }

    /**
     * This node is the first to hold the interaction's media ({@code MediaHome.onFirstClaim}): when another node's
     * advisor accepted it before the media came, it is recorded here, as {@link #startRecording} explains.
     */
    public void mediaClaimedHere(InteractionId interaction) {
        inOrder(interaction, () -> {
            OfferAccepted accepted = acceptedBeforeMedia.remove(interaction);
            if (accepted != null && !byInteraction.containsKey(interaction)) {
                log.info("recording {} here: accepted on another node before its media came here", interaction);
                startRecording(accepted, false);
            }
        });
    }

    /**
     * This node took the call's media over from {@code deadNode}, which recorded it until it died
     * ({@code MediaHome.onTakeover}): the rest of the call is recorded here as the same recording continued, its next
     * part, whose chain starts from the chain head the dead node last published ({@link RecordingPlacement#lastChainPoint})
     * and whose timeline marks the gap first (media lost with the dead node until this node's relay took the call); the
     * part before the gap stays on the dead node's disk. When the dead node published nothing for the call, a new
     * recording of the interaction, the gap marked all the same. Nothing happens for a call this node records already
     * or that has no advisor any more.
     */
    public void continueAfterNodeDied(InteractionId interaction, String deadNode, String thisNode) {
        Instant at = clock.instant();
        inOrder(interaction, () -> {
            Optional<InteractionView> view = routing.interaction(interaction);
            if (byInteraction.containsKey(interaction) || view.isEmpty() || view.get().advisor().isEmpty()) {
                return;
            }
            AgentId advisor = view.get().advisor().get();
            Optional<ChainPoint> previous = placement.lastChainPoint(interaction, deadNode);
            log.info("recording the rest of {} here: its media node {} died ({})", interaction, deadNode, previous
                    .map(p -> "continuing recording " + p.recording() + " after segment " + p.segments())
                    .orElse("it published no recording to continue"));
            Map<String, String> gap = new LinkedHashMap<>(Map.of("gap", "media-node-died", "deadNode",
                    deadNode, "node", thisNode));
            previous.ifPresent(p -> gap.put("continuesAfterSegment", Integer.toString(p.segments())));
            record(view.get().interaction(), advisor, advisorName(advisor), at, new TimelineEntry(at,
                    TimelineEntry.Kind.OTHER, "cluster", "gap: the node holding the call's media (" + deadNode
                    + ") died; the call continues and is recorded on " + thisNode + " from here", gap),
                    md -> previous.map(p -> recordings.continueRecording(md, p, deadNode))
                            .orElseGet(() -> recordings.start(md)));
        });
    }

    private void record(Interaction i, AgentId advisor, String advisorName, Instant at, TimelineEntry opening) {
        record(i, advisor, advisorName, at, opening, recordings::start);
    }

    private void record(Interaction i, AgentId advisor, String advisorName, Instant at, TimelineEntry opening,
                        Function<RecordingMetadata, ActiveRecording> starting) {
        try {
            ActiveRecording rec = starting.apply(new RecordingMetadata(i.id(), i.conversation(), i.channel(),
                    i.customer().id(), i.customer().displayName(), advisor, advisorName, i.queue(),
                    i.customer().region(), i.language(), at));
            synchronized (pauses) { // PCI pauses of before the opening apply before the first line
                Optional.ofNullable(pauses.remove(i.id())).ifPresent(before -> before.forEach(p -> pciPause(rec, p)));
                // every line the customer was shown, from the first, then each new one as it is delivered
                ChatTranscripts.Followed lines = transcripts.follow(i.conversation(),
                        line -> append(rec, TimelineEvents.of(line).orElseThrow()));
                if (lines.earlierLines() == 0) {
                    // this node saw none of the conversation (e.g. it started since): the hand-off context has it
                    for (TranscriptTurn turn : i.handoff().transcript()) {
                        append(rec, TimelineEntry.turn(turn, turn.speaker() == TranscriptTurn.Speaker.CUSTOMER
                                ? i.customer().id().value() : ChatMessagePosted.ASSISTANT));
                    }
                }
                byInteraction.put(i.id(), new Recorded(rec, lines));
            }
            append(rec, opening);
            if (i.channel().hasMedia()) {
                media.session(i.id()).startRecording(rec);
            }
        } catch (RuntimeException ex) {
            log.error("could not start recording interaction {}", i.id(), ex);
        }
    }

    private String advisorName(AgentId advisor) {
        return routing.advisors().stream().filter(a -> a.id().equals(advisor))
                .map(a -> a.displayName()).findFirst().orElse(advisor.value());
    }

    private void finish(InteractionId interaction, TimelineEntry end) {
        waiting.remove(interaction);
        if (!byInteraction.containsKey(interaction)) {
            inCall.remove(interaction);
        }
        pauses.remove(interaction);
        acceptedBeforeMedia.remove(interaction);
        placement.ended(interaction);
        Recorded recorded = byInteraction.remove(interaction);
        if (recorded == null) {
            return;
        }
        ActiveRecording rec = recorded.recording();
        recorded.lines().close();
        transcripts.forget(rec.metadata().conversation());
        // a PCI pause cannot outlive the call: it ends where the call ends. The end goes on the timeline before the
        // media tap stops: a stopped tap seals the recording on its own thread, after which nothing can be appended
        rec.resume(end.at(), "system", RecordingPaused.Party.SYSTEM.name(), "the call ended during a PCI pause");
        // whoever is still in the call leaves with its end (their own hang-up comes after the seal)
        Optional.ofNullable(inCall.remove(interaction)).ifPresent(present -> present.values().forEach(p -> append(rec,
                TimelineEvents.of(new CallParticipation(end.at(), interaction, p.participant(), p.role(), p.via(), false))
                        .orElseThrow())));
        append(rec, end);
        try {
            media.find(interaction).ifPresent(s -> s.stopRecording());
        } catch (RuntimeException ex) {
            log.warn("stopping the media tap of {} failed", interaction, ex);
        }
        try {
            rec.seal();
        } catch (RuntimeException ex) {
            log.error("sealing the recording of {} failed", interaction, ex);
        }
    }

    private void participation(CallParticipation e) {
        Recorded recorded = byInteraction.get(e.interaction());
        if (recorded == null) {
            return;
        }
        Map<String, CallParticipation> present = inCall.computeIfAbsent(e.interaction(), k -> new ConcurrentHashMap<>());
        String who = e.role() + " " + e.participant();
        if (e.joined()) {
            present.put(who, e);
        } else {
            present.remove(who);
        }
        append(recorded.recording(), TimelineEvents.of(e).orElseThrow());
    }

    /** The wrap-up goes with the recording where this node recorded it (another node's recording is not here). */
    private void wrappedUp(InteractionId interaction, TimelineEntry wrapUp) {
        try {
            if (recordings.annotate(interaction, wrapUp).isEmpty()) {
                log.debug("no recording of {} on this node to keep its wrap-up with", interaction);
            }
        } catch (RuntimeException ex) {
            log.warn("keeping the wrap-up of {} with its recording failed", interaction, ex);
        }
    }

    /** Puts the event on the interaction's timeline ({@link TimelineEvents}) when its recording is open here. */
    private void timeline(InteractionId interaction, ContactEvent event) {
        TimelineEntry entry = TimelineEvents.of(event).orElseThrow();
        inOrder(interaction, () -> {
            Recorded recorded = byInteraction.get(interaction);
            if (recorded != null) {
                append(recorded.recording(), entry);
            }
        });
    }

    /**
     * Whether an accepted call has waited longer than the limit for this node to start its recording (or to find it is
     * recorded elsewhere): the SIP edge takes no new call meanwhile. Cheap enough to ask for every new call.
     */
    public boolean recordingBehind() {
        return unstarted.behind();
    }

    /**
     * Runs work for one interaction on a virtual thread, strictly after the work handed in before it for the same
     * interaction, so that a short call's end can never overtake the start of its recording.
     */
    private void inOrder(InteractionId interaction, Runnable task) {
        if (!lanes.submit(interaction, "journey step", task)) {
            log.debug("journey closed: a step of {} dropped", interaction);
        }
    }

    /**
     * Puts an entry on the recording's timeline. A recording whose media had been over for its grace period before the
     * journey's end reached it (a node too busy, or the end relayed late from another node) has sealed itself: the
     * entry is then kept with the sealed recording as an annotation, on the interaction's lane as a wrap-up is, not
     * lost.
     */
    private void append(ActiveRecording rec, TimelineEntry entry) {
        try {
            rec.appendTimeline(entry);
        } catch (IllegalStateException sealed) {
            InteractionId interaction = rec.metadata().interaction();
            inOrder(interaction, () -> keepAfterSeal(interaction, rec, entry));
        } catch (RuntimeException ex) {
            log.warn("timeline append to recording {} failed", rec.id(), ex);
        }
    }

    private void keepAfterSeal(InteractionId interaction, ActiveRecording rec, TimelineEntry entry) {
        try {
            if (recordings.annotate(interaction, entry).isEmpty()) {
                log.warn("recording {} of {} sealed before its {} entry came, and no sealed recording took it",
                        rec.id(), interaction, entry.kind());
            } else {
                log.info("recording {} of {} sealed before its {} entry came: kept as an annotation", rec.id(),
                        interaction, entry.kind());
            }
        } catch (RuntimeException ex) {
            log.warn("keeping the {} entry with the sealed recording {} failed", entry.kind(), rec.id(), ex);
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        transcripts.close();
        lanes.close();
        work.shutdown();
        // seal whatever is still open so a clean shutdown leaves nothing half-written
        byInteraction.values().forEach(recorded -> {
            recorded.lines().close();
            try {
                recorded.recording().seal();
            } catch (RuntimeException ex) {
                log.warn("sealing {} at shutdown failed", recorded.recording().id(), ex);
            }
        });
        byInteraction.clear();
    }
}
