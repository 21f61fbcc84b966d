package org.mvtm.web.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open WebSockets of each browser session (the HTTP session whose cookie their handshake carried). Every tab of
 * a browser shares that session, so on a shared desk a sign-in or a sign-out in one tab concerns the sockets of all:
 * once someone else signs in ({@link #signedIn}) the sockets opened for the previous user are closed, and once the
 * session is signed out or ends ({@link #signedOut}, {@link #ended}) all of them are, with {@link #CLOSE_CODE}; the
 * page then goes to {@code /} (the console of whoever is signed in now, or the sign-in page). Each close is an
 * {@code event.action=socket-user-changed} or {@code socket-signed-out} line on {@code mvtm.security}. Sending the
 * close frame may wait on a slow peer, so it runs on a virtual thread, never on the caller's.
 */
public final class BrowserSessionSockets {
    /** The close code a page answers by going to {@code /}. */
    public static final int CLOSE_CODE = 4409;
    private static final Logger SECURITY = LoggerFactory.getLogger("mvtm.security");
    private final Executor closer;
    private final Map<String, Set<WebSocketSession>> bySession = new HashMap<>();
    private final Map<WebSocketSession, String> sessionOf = new HashMap<>();

    BrowserSessionSockets() {
        this(task -> Thread.ofVirtual().name("browser-session-socket-close").start(task));
    }

    BrowserSessionSockets(Executor closer) {
        this.closer = closer;
    }

    synchronized void opened(String httpSession, WebSocketSession socket) {
        bySession.computeIfAbsent(httpSession, id -> new HashSet<>()).add(socket);
        sessionOf.put(socket, httpSession);
    }

    synchronized void closed(WebSocketSession socket) {
        String httpSession = sessionOf.remove(socket);
        if (httpSession != null) {
            bySession.computeIfPresent(httpSession, (id, sockets) -> sockets.remove(socket) && sockets.isEmpty()
                    ? null : sockets);
        }
    }

    /**
     * {@code username} signed in in the session {@code before}, which is now {@code after} (session fixation
     * protection): its sockets of another user are closed, those of the same user follow it to its new id.
     */
    public void signedIn(String before, String after, String username) {
        List<WebSocketSession> leaving = new ArrayList<>();
        synchronized (this) {
            for (WebSocketSession socket : take(before)) {
                if (username.equals(userOf(socket))) {
                    opened(after, socket);
                } else {
                    leaving.add(socket);
                }
            }
        }
        leaving.forEach(socket -> close(socket, "socket-user-changed", "SIGNED_IN_USER_CHANGED", username,
                username + " has signed in in this browser since"));
    }

    /** {@code username} signed out of the session: its sockets are closed. */
    public void signedOut(String httpSession, String username) {
        takeAll(httpSession).forEach(socket -> close(socket, "socket-signed-out", "SIGNED_OUT", username,
                "signed out in this browser"));
    }

    /** The browser sessions that have sockets open. */
    synchronized Set<String> sessions() {
        return Set.copyOf(bySession.keySet());
    }

    /** The session ended (it expired, or was dropped): its sockets are closed. */
    public void ended(String httpSession) {
        takeAll(httpSession).forEach(socket -> close(socket, "socket-signed-out", "SESSION_ENDED", userOf(socket),
                "the session ended"));
    }

    private synchronized List<WebSocketSession> takeAll(String httpSession) {
        return take(httpSession);
    }

    private List<WebSocketSession> take(String httpSession) {
        Set<WebSocketSession> sockets = bySession.remove(httpSession);
        if (sockets == null) {
            return List.of();
        }
        sockets.forEach(sessionOf::remove);
        return List.copyOf(sockets);
    }

    private static String userOf(WebSocketSession socket) {
        return CurrentUser.of(socket.getPrincipal()).map(WebUser::username).orElse("");
    }

    private void close(WebSocketSession socket, String action, String reason, String actor, String why) {
        String user = userOf(socket);
        String path = socket.getUri() == null ? "" : socket.getUri().getPath();
        SECURITY.atInfo().addKeyValue("event.action", action).addKeyValue("event.outcome", "success")
                .addKeyValue("event.reason", reason).addKeyValue("user.name", actor)
                .addKeyValue("mvtm.socket.user", user).addKeyValue("url.path", path)
                .log("closed the WebSocket {} opened for {}: {}", path, user, why);
        closer.execute(() -> {
            try {
                socket.close(new CloseStatus(CLOSE_CODE, reason));
            } catch (IOException | RuntimeException e) {
                SECURITY.debug("close of socket {} failed: {}", socket.getId(), e.toString());
            }
        });
    }
}
