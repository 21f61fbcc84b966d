package org.mvtm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Counts a wrong password with the {@link SignInThrottle} and sends the browser back to the login page with a reason
 * the page can show: {@code ?error=credentials}, or {@code ?error=locked&minutes=N} when this failure locked the
 * account. Whether the next attempt must wait is told to that attempt (429), not here, except when the address became
 * slowed while this password was checked: then this attempt gets the 429, as a right password would.
 */
record ThrottledLoginFailureHandler(SignInThrottle throttle, KnownDevices devices)
        implements AuthenticationFailureHandler {
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        SignInAttempt attempt = request.getAttribute(SignInThrottleFilter.ATTEMPT) instanceof SignInAttempt a ? a
                : SignInThrottleFilter.attemptOf(request, request.getParameter("username"), devices);
        SignInVerdict next = throttle.failed(attempt);
        if (next.kind() == SignInVerdict.Kind.SLOWED) {
            // the address became slowed while the password was checked: refused as it would have been before
            SignInThrottleFilter.refuse(request, response, next);
            return;
        }
        String target = next.kind() == SignInVerdict.Kind.LOCKED
                ? "/login?error=locked&minutes=" + Math.max(1, (next.retryAfterSeconds() + 59) / 60)
                : "/login?error=credentials";
        response.sendRedirect(request.getContextPath() + target);
    }
}
