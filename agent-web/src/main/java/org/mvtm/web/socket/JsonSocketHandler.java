package org.mvtm.web.socket;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.Refusal;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.mvtm.web.security.InputLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket endpoint speaking JSON objects {@code {"type": "...", ...}}. Every incoming message is checked
 * against the endpoint's {@link MessagePermissions} before it is dispatched; refusals and bad input are answered
 * with {@code {"type":"error","code":...,"message":...}} and the socket stays open.
 */
public abstract class JsonSocketHandler extends TextWebSocketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonSocketHandler.class);
    private final MessagePermissions permissions;
    protected final JsonMapper json;
    private final Map<String, SocketPeer> peers = new ConcurrentHashMap<>();

    protected JsonSocketHandler(MessagePermissions permissions, JsonMapper json) {
        this.permissions = permissions;
        this.json = json;
    }

    /**
     * An error reply: a stable {@code code} and its {@code params}, which the page translates (i18n key
     * {@code error.<code>}), and an English {@code message} for logs and API clients.
     */
    public record ErrorMessage(String type, String code, String message, Map<String, String> params) {
        public ErrorMessage(String code, String message) {
            this("error", code, message, Map.of());
        }

        /** A refusal with its own code and parameters; anything else as {@code rejected}. */
        public static ErrorMessage of(RuntimeException e) {
            if (e instanceof InputLimits.FieldTooLongException f) {
                return new ErrorMessage("error", "field.too-long", f.getMessage(),
                        Map.of("field", f.field(), "max", String.valueOf(f.max())));
            }
            return e instanceof Refusal r ? new ErrorMessage("error", r.code(), r.getMessage(), r.params())
                    : new ErrorMessage("rejected", e.getMessage());
        }

        /**
         * What the page is told when its message {@code type} failed with {@code e}: a refusal ({@link #of}) for an
         * illegal argument or state, else that it failed.
         */
        public static ErrorMessage failed(String type, RuntimeException e) {
            return e instanceof IllegalArgumentException || e instanceof IllegalStateException ? of(e)
                    : new ErrorMessage("failed", type + " failed: " + e.getMessage());
        }
    }

    @Override
    public final void afterConnectionEstablished(WebSocketSession session) {
        Optional<WebUser> user = CurrentUser.of(session.getPrincipal());
        if (user.isEmpty()) {
            closeQuietly(session, CloseStatus.POLICY_VIOLATION.withReason("not signed in"));
            return;
        }
        SocketPeer peer = new SocketPeer(new ConcurrentWebSocketSessionDecorator(session, 10_000, 1 << 20), user.get(), json);
        peers.put(session.getId(), peer);
        opened(peer);
    }

    @Override
    protected final void handleTextMessage(WebSocketSession session, TextMessage message) {
        SocketPeer peer = peers.get(session.getId());
        if (peer == null) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            peer.send(new ErrorMessage("bad-json", "message is not JSON: " + e.getOriginalMessage()));
            return;
        }
        String type = node.path("type").asString("");
        Optional<String> refusal = permissions.refusal(peer.user(), type);
        if (refusal.isPresent()) {
            LOG.warn("refused {} from {}: {}", type, peer.user().username(), refusal.get());
            peer.send(new ErrorMessage("forbidden", refusal.get()));
            return;
        }
        try {
            received(peer, type, node);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            peer.send(ErrorMessage.failed(type, refused));
        } catch (RuntimeException e) {
            LOG.warn("{} from {} failed", type, peer.user().username(), e);
            peer.send(ErrorMessage.failed(type, e));
        }
    }

    @Override
    public final void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SocketPeer peer = peers.remove(session.getId());
        if (peer != null) {
            closed(peer);
        }
    }

    protected abstract void opened(SocketPeer peer);

    protected abstract void received(SocketPeer peer, String type, JsonNode message);

    protected abstract void closed(SocketPeer peer);

    protected static String requireText(JsonNode message, String field) {
        String value = message.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is required");
        }
        return value;
    }

    private static void closeQuietly(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException ignored) {
            // already gone
        }
    }
}
