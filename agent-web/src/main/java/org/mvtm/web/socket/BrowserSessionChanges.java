package org.mvtm.web.socket;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.context.ApplicationListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.SessionFixationProtectionEvent;

/**
 * Tells {@link BrowserSessionSockets} what happens to a browser session on this node, once the response of the
 * request that did it is out ({@link SocketClosesAfterResponse}): a sign-in (Spring Security gives the session a new
 * id then and says so with a {@link SessionFixationProtectionEvent}, for a password, a second factor or OpenID
 * Connect alike), a sign-out (a step of {@code /logout}, which sees the session before it is dropped; a shared
 * session in Redis is not the servlet container's) and the end of a container's session (signed out, or expired).
 */
record BrowserSessionChanges(BrowserSessionSockets sockets, SocketClosesAfterResponse closes)
        implements ApplicationListener<SessionFixationProtectionEvent>, LogoutHandler, HttpSessionListener {
    @Override
    public void onApplicationEvent(SessionFixationProtectionEvent event) {
        String user = username(event.getAuthentication());
        closes.afterResponse(() -> sockets.signedIn(event.getOldSessionId(), event.getNewSessionId(), user));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            String id = session.getId();
            String user = authentication == null ? "" : username(authentication);
            closes.afterResponse(() -> sockets.signedOut(id, user));
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String id = event.getSession().getId();
        closes.afterResponse(() -> sockets.ended(id));
    }

    private static String username(Authentication authentication) {
        return CurrentUser.of(authentication).map(WebUser::username).orElse(authentication.getName());
    }
}
