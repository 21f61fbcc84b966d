package org.mvtm.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A request Spring Security refused with 403 outside {@code /api/compliance} (where {@code ComplianceRefusals} writes
 * it to the recording audit instead): a signed-in user without the role, a missing or wrong CSRF token. Each is a
 * structured security event on the {@code mvtm.security} log (ECS fields {@code event.action=access-denied},
 * {@code user.name}, {@code source.ip}, {@code url.path}, {@code http.request.method}, {@code event.reason}), then
 * answered 403 as before.
 */
final class LoggedRefusals implements AccessDeniedHandler {
    private static final Logger SECURITY = LoggerFactory.getLogger("mvtm.security");
    private final AccessDeniedHandler answer = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        // a CSRF refusal comes before the request knows its principal: the security context does already
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        String user = signedIn != null && signedIn.isAuthenticated()
                && !(signedIn instanceof AnonymousAuthenticationToken)
                ? signedIn.getName() : "anonymous";
        String path = request.getRequestURI();
        SECURITY.atWarn().addKeyValue("event.action", "access-denied").addKeyValue("event.outcome", "failure")
                .addKeyValue("user.name", user).addKeyValue("source.ip", request.getRemoteAddr())
                .addKeyValue("url.path", path).addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("event.reason", refused.getMessage())
                .log("access denied: user={} {} {} address={} reason={}", user, request.getMethod(), path,
                        request.getRemoteAddr(), refused.getMessage());
        answer.handle(request, response, refused);
    }
}
