package org.mvtm.web.socket;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * Puts each socket the handler keeps open in {@link BrowserSessionSockets} under the HTTP session its handshake came
 * with (copied by an {@link HttpSessionHandshakeInterceptor}), so that a sign-in or sign-out in that browser reaches
 * it. A socket opened without a session (a customer's bearer token) is not followed.
 */
final class SessionBoundSocketHandler extends WebSocketHandlerDecorator {
    private final BrowserSessionSockets sockets;

    SessionBoundSocketHandler(WebSocketHandler handler, BrowserSessionSockets sockets) {
        super(handler);
        this.sockets = sockets;
    }

    /** What copies the handshake's HTTP session id (and nothing else) into the socket's attributes. */
    static HttpSessionHandshakeInterceptor sessionIdCopy() {
        HttpSessionHandshakeInterceptor copy = new HttpSessionHandshakeInterceptor();
        copy.setCopyAllAttributes(false);
        copy.setCopyHttpSessionId(true);
        copy.setCreateSession(false);
        return copy;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        super.afterConnectionEstablished(session);
        if (session.isOpen()
                && session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME) instanceof String id) {
            sockets.opened(id, session);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        sockets.closed(session);
        super.afterConnectionClosed(session, closeStatus);
    }
}
