package org.mvtm.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mvtm.web.api.WebUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console page says whom it was opened for ({@value #HEADER}, URL-encoded, set by the pages' shared start); when
 * someone else has signed in in the same browser since (a shared desk: one session cookie for every tab), the
 * request is refused with 409 and {@value #CHANGED} before anything is done, so an action taken in a tab that shows
 * one advisor is never done as another; the page then goes to the console of whoever is signed in now. A request
 * without the header (a bank's app, a script) is not affected; one that is not signed in any more goes on to the
 * usual 401.
 */
final class PageUserCheck extends OncePerRequestFilter {
    /** The request header a page sends with the user it was opened for. */
    static final String HEADER = "X-Mvtm-Page-User";
    /** The response header of a refused request, naming who is signed in now (URL-encoded). */
    static final String CHANGED = "X-Mvtm-Signed-In-User";
    private static final Logger SECURITY = LoggerFactory.getLogger("mvtm.security");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String page = request.getHeader(HEADER);
        if (page == null) {
            // read the signed-in user only for our pages' requests: a style sheet, a script or an app's call without
            // the header must not load the session (a round trip to Redis in a cluster, and a failure while it is down)
            chain.doFilter(request, response);
            return;
        }
        Optional<String> now = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .map(WebUser::username);
        if (now.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String pageUser = URLDecoder.decode(page, StandardCharsets.UTF_8);
        if (pageUser.equals(now.get())) {
            chain.doFilter(request, response);
            return;
        }
        SECURITY.atInfo().addKeyValue("event.action", "page-user-changed").addKeyValue("event.outcome", "failure")
                .addKeyValue("user.name", now.get()).addKeyValue("mvtm.page.user", pageUser)
                .addKeyValue("url.path", request.getRequestURI()).addKeyValue("http.request.method", request.getMethod())
                .log("refused {} {}: the page was opened for {} and {} has signed in in this browser since",
                        request.getMethod(), request.getRequestURI(), pageUser, now.get());
        response.setHeader(CHANGED, URLEncoder.encode(now.get(), StandardCharsets.UTF_8));
        ErrorAnswer.write(response, HttpStatus.CONFLICT, "SIGNED_IN_USER_CHANGED", HEADER, "this page was opened for "
                + "another user; someone else has signed in in this browser since: open the page again");
    }
}
