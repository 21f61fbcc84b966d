package org.mvtm.web.socket;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the sockets a request signed out or away from once its response has gone to the browser
 * ({@link #afterResponse}): the tab whose socket closes goes to {@code /} at once, and it must get there with the
 * cookie that response set (the session of whoever signed in, or none), not the one it had before, or it would land
 * on the sign-in page while someone is signed in. It sits inside Spring Session's filter (which saves a shared session
 * and sets its cookie as the response commits) and outside Spring Security's ({@link #ORDER}).
 */
final class SocketClosesAfterResponse extends OncePerRequestFilter {
    /**
     * Inside Spring Session's {@code SessionRepositoryFilter} (highest precedence + 50), outside the request context
     * filter (-105) that lets {@link #afterResponse} find the request, and Spring Security's (-100).
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    private static final String PENDING = SocketClosesAfterResponse.class.getName() + ".pending";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Runnable> pending = new ArrayList<>();
        request.setAttribute(PENDING, pending);
        try {
            chain.doFilter(request, response);
        } finally {
            request.removeAttribute(PENDING);
            if (!pending.isEmpty()) {
                try {
                    response.flushBuffer();
                } catch (IOException e) {
                    // the browser is gone: its sockets are closed all the same
                }
                pending.forEach(Runnable::run);
            }
        }
    }

    /** Runs {@code closes} once the current request's response is out, or now outside a request (an expiry). */
    @SuppressWarnings("unchecked")
    void afterResponse(Runnable closes) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getRequest().getAttribute(PENDING) instanceof List<?> pending) {
            ((List<Runnable>) pending).add(closes);
        } else {
            closes.run();
        }
    }
}
