package org.mvtm.web.supervisor;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.security.CallRefused;
import org.mvtm.web.security.RequestRefused;
import org.mvtm.web.socket.JsonSocketHandler;
import org.mvtm.web.socket.MessagePermissions;
import org.mvtm.web.socket.SocketPath;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/supervisor}: pushes a {@link SupervisorBoard.Snapshot} every second; {@code explain {interactionId}}
 * answers with the routing explanation; {@code refresh} sends a snapshot now; {@code read-chat {interactionId}}
 * pushes that live chat's lines at each new line ({@link LiveChatReaders}).
 */
@Component
@SocketPath("/ws/supervisor")
public class SupervisorSocketHandler extends JsonSocketHandler {
    static final MessagePermissions PERMISSIONS = new MessagePermissions("/ws/supervisor", Map.of(
            "refresh", Set.of(WebRole.SUPERVISOR, WebRole.ADMIN),
            "explain", Set.of(WebRole.SUPERVISOR, WebRole.ADMIN),
            "read-chat", Set.of(WebRole.SUPERVISOR, WebRole.ADMIN)));

    private final SupervisorBoard board;
    private final WebWorkers workers;
    private final LiveChatReaders chats;
    private final Set<SocketPeer> watchers = ConcurrentHashMap.newKeySet();

    SupervisorSocketHandler(JsonMapper json, SupervisorBoard board, WebWorkers workers, LiveChatReaders chats) {
        super(PERMISSIONS, json);
        this.board = board;
        this.workers = workers;
        this.chats = chats;
        workers.every(1000, "supervisor push", this::pushAll);
    }

    private void pushAll() {
        for (SocketPeer peer : watchers) {
            peer.send(board.snapshot(peer.user()));
        }
    }

    @Override
    protected void opened(SocketPeer peer) {
        watchers.add(peer);
        workers.run("first snapshot", () -> peer.send(board.snapshot(peer.user())));
    }

    @Override
    protected void received(SocketPeer peer, String type, JsonNode message) {
        switch (type) {
            case "refresh" -> workers.run("snapshot", () -> peer.send(board.snapshot(peer.user())));
            case "explain" -> {
                InteractionId id = InteractionId.of(requireText(message, "interactionId"));
                workers.run("explain " + id, () -> {
                    try {
                        peer.send(board.explain(peer.user(), id));
                    } catch (RequestRefused e) {
                        peer.send(new ErrorMessage("forbidden", e.getMessage()));
                    }
                });
            }
            case "read-chat" -> {
                String id = message.path("interactionId").asString("");
                InteractionId chat = id.isBlank() ? null : InteractionId.of(id);
                workers.run("read chat " + id, () -> {
                    try {
                        chats.read(peer, chat);
                    } catch (CallRefused e) {
                        String code = e.status() == HttpStatus.FORBIDDEN ? "forbidden" : "not-found";
                        peer.send(new ErrorMessage(code, e.getMessage()));
                    }
                });
            }
            default -> throw new IllegalArgumentException("unhandled message type " + type);
        }
    }

    @Override
    protected void closed(SocketPeer peer) {
        watchers.remove(peer);
        chats.closed(peer);
    }
}
