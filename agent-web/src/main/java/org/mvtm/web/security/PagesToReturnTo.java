package org.mvtm.web.security;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which request, refused for want of a sign-in, the user is sent back to once signed in: a page someone opened
 * ({@code GET}, asking for HTML), never {@code /} (which leads to the console of whoever signs in anyway), an API
 * call, a socket or the icon. Saving one starts a session, and with it a new session cookie: on a shared desk the
 * server closes the console socket of the user before as the next one signs in, and that tab can ask for {@code /}
 * or call the API with the session cookie of before while the browser has not yet stored the new one. Saved, such a
 * request would replace the new sign-in's cookie with an empty session's and sign both tabs out.
 */
final class PagesToReturnTo {
    private PagesToReturnTo() {
    }

    /** The request cache of the web tier; {@code machineEndpoints} are the API and socket paths. */
    static RequestCache cache(RequestMatcher machineEndpoints) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                path.matcher(HttpMethod.GET, "/**"),
                html,
                new NegatedRequestMatcher(new OrRequestMatcher(machineEndpoints, path.matcher("/"),
                        path.matcher("/favicon.*")))));
        return cache;
    }
}
