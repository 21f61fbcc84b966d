package org.mvtm.web.supervisor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mvtm.core.Channel;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.agent.InteractionCatalog;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.InputLimits;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A supervisor reading a live chat of their regions and sending the advisor a private note (the customer never sees
 * it). The first read of a chat by a supervisor and every note are MONITOR entries of the audit log; another region's
 * chat is refused (and the refusal audited). The advisor's console collects its notes with {@link #take}. Who has
 * read a chat is forgotten when its interaction ends.
 */
@Component
public class ChatMonitoring implements DisposableBean {
    private final RoutingEngine routing;
    private final InteractionCatalog catalog;
    private final RecordingStore recordings;
    private final Clock clock;
    /** The supervisors who have read each live chat (its first read is audited). */
    private final Map<InteractionId, Set<String>> readers = new ConcurrentHashMap<>();
    private final Map<AgentId, List<Note>> notes = new ConcurrentHashMap<>();
    private final EventBus.Subscription ended;

    public ChatMonitoring(RoutingEngine routing, InteractionCatalog catalog, RecordingStore recordings, Clock clock,
                          EventBus events) {
        this.routing = routing;
        this.catalog = catalog;
        this.recordings = recordings;
        this.clock = clock;
        this.ended = events.subscribe(InteractionEnded.class, e -> readers.remove(e.interaction()));
    }

    /** A line of the chat as the supervisor reads it. */
    public record Line(Instant at, String speaker, String text) {
    }

    /** A private note from a supervisor to the advisor of an interaction. */
    public record Note(String interactionId, String from, String text, Instant at) {
    }

    List<Line> read(WebUser supervisor, InteractionId interaction) {
        InteractionView chat = liveChat(supervisor, interaction);
        if (readers.computeIfAbsent(interaction, i -> ConcurrentHashMap.newKeySet()).add(supervisor.username())) {
            MonitoredInteractions.audit(recordings, supervisor, chat, "read chat " + interaction.value());
        }
        List<Line> lines = new ArrayList<>();
        for (TranscriptTurn t : catalog.transcript(catalog.find(interaction).orElse(chat.interaction()))) {
            lines.add(new Line(t.at(), t.speaker().name(), t.text()));
        }
        return lines;
    }

    void note(WebUser supervisor, InteractionId interaction, String text) {
        String clean = InputLimits.check("text", text == null ? "" : text.strip(), InputLimits.NOTES);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("text: write the note");
        }
        InteractionView chat = liveChat(supervisor, interaction);
        AgentId advisor = chat.advisor().orElseThrow(() -> CallRefused.notFound(
                "interaction " + interaction.value() + " has no advisor"));
        notes.computeIfAbsent(advisor, a -> new CopyOnWriteArrayList<>())
                .add(new Note(interaction.value(), supervisor.displayName(), clean, clock.instant()));
        MonitoredInteractions.audit(recordings, supervisor, chat,
                "note to " + advisor.value() + " in " + interaction.value());
    }

    /** The notes waiting for the advisor (each is handed out once). */
    public List<Note> take(AgentId advisor) {
        List<Note> waiting = notes.remove(advisor);
        return waiting == null ? List.of() : List.copyOf(waiting);
    }

    private InteractionView liveChat(WebUser supervisor, InteractionId interaction) {
        InteractionView chat = MonitoredInteractions.connected(routing, recordings, supervisor, interaction,
                "interaction", "read chat");
        if (chat.interaction().channel() != Channel.CHAT) {
            throw CallRefused.notFound("interaction " + interaction.value() + " is a call: listen to it");
        }
        return chat;
    }

    @Override
    public void destroy() {
        ended.close();
    }
}
