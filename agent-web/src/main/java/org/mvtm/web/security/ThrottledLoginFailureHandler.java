package org.mvtm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Counts a wrong password against the login and sends the browser back to the login page with a reason the page
 * can show: {@code ?error=credentials} or {@code ?error=locked&minutes=N}.
 */
final class ThrottledLoginFailureHandler implements AuthenticationFailureHandler {
    private final LoginThrottle throttle;
    private final java.time.Clock clock;

    ThrottledLoginFailureHandler(LoginThrottle throttle, java.time.Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String login = request.getParameter("username");
        Optional<Instant> lockedUntil = exception instanceof LockedException
                ? throttle.lockedUntil(login)
                : throttle.recordFailure(login);
        String target = lockedUntil
                .map(until -> "/login?error=locked&minutes=" + Math.max(1, Duration.between(clock.instant(), until).toMinutes() + 1))
                .orElse("/login?error=credentials");
        response.sendRedirect(request.getContextPath() + target);
    }
}
