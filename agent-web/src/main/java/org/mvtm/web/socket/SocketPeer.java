package org.mvtm.web.socket;

import java.io.IOException;
import org.mvtm.web.api.WebUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open WebSocket of a signed-in user. {@link #send} is thread-safe (the session is a
 * {@code ConcurrentWebSocketSessionDecorator}) so event subscribers on any thread may push to it.
 */
public final class SocketPeer {
    private static final Logger LOG = LoggerFactory.getLogger(SocketPeer.class);
    private final WebSocketSession session;
    private final WebUser user;
    private final JsonMapper json;

    SocketPeer(WebSocketSession session, WebUser user, JsonMapper json) {
        this.session = session;
        this.user = user;
        this.json = json;
    }

    public WebUser user() {
        return user;
    }

    public String id() {
        return session.getId();
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Sends one message (a record or map serialised as JSON); a closed socket drops it quietly. */
    public void send(Object message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(message)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send to {} ({}): {}", user.username(), session.getId(), e.toString());
        }
    }

    public void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            LOG.debug("close of {} failed: {}", session.getId(), e.toString());
        }
    }
}
