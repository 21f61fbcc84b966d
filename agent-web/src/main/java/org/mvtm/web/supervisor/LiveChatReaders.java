package org.mvtm.web.supervisor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The live chat a supervisor reads on the board, pushed over {@code /ws/supervisor} instead of polled: {@code
 * read-chat {interactionId}} checks the region and audits the first read ({@link ChatMonitoring#read}), answers
 * {@code chat {interactionId, lines}}, and sends the lines again at every new line of that conversation until the
 * supervisor reads another chat, stops ({@code read-chat} without an id) or closes the board. A supervisor only ever
 * receives the lines of a chat the region check let them read.
 */
@Component
public class LiveChatReaders implements DisposableBean {
    private final ChatMonitoring chats;
    private final RoutingEngine routing;
    private final WebWorkers workers;
    private final Map<SocketPeer, Reading> readers = new ConcurrentHashMap<>();
    private final EventBus.Subscription subscription;

    /** What the board receives. */
    public record ChatLines(String type, String interactionId, List<ChatMonitoring.Line> lines) {
        ChatLines(String interactionId, List<ChatMonitoring.Line> lines) {
            this("chat", interactionId, lines);
        }
    }

    private record Reading(InteractionId interaction, ConversationId conversation) {
    }

    public LiveChatReaders(ChatMonitoring chats, RoutingEngine routing, WebWorkers workers, EventBus events) {
        this.chats = chats;
        this.routing = routing;
        this.workers = workers;
        this.subscription = events.subscribe(ChatMessagePosted.class, this::posted);
    }

    /** Starts (or, with null, stops) pushing a chat's lines to the board; throws the refusal of another region. */
    void read(SocketPeer peer, InteractionId interaction) {
        if (interaction == null) {
            readers.remove(peer);
            return;
        }
        List<ChatMonitoring.Line> lines = chats.read(peer.user(), interaction);
        routing.interaction(interaction).ifPresent(v ->
                readers.put(peer, new Reading(interaction, v.interaction().conversation())));
        peer.send(new ChatLines(interaction.value(), lines));
    }

    void closed(SocketPeer peer) {
        readers.remove(peer);
    }

    private void posted(ChatMessagePosted line) {
        readers.forEach((peer, reading) -> {
            if (reading.conversation().equals(line.conversation())) {
                workers.run("chat lines to " + peer.user().username(), () -> push(peer, reading));
            }
        });
    }

    private void push(SocketPeer peer, Reading reading) {
        if (!peer.isOpen() || readers.get(peer) != reading) {
            return;
        }
        try {
            peer.send(new ChatLines(reading.interaction().value(), chats.read(peer.user(), reading.interaction())));
        } catch (CallRefused over) {
            readers.remove(peer, reading); // the chat ended
        }
    }

    @Override
    public void destroy() {
        subscription.close();
    }
}
