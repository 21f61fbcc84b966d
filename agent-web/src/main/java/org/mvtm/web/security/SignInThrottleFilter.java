package org.mvtm.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the sign-in form's POST: asks the {@link SignInThrottle} before the password is looked at. A slowed
 * or locked attempt is answered at once with 429 Too Many Requests and {@code Retry-After} (a browser is sent back
 * to the login page, which says how long to wait). An attempt from a known device ({@link KnownDevices}) is judged
 * by that device's own count; one whose account is slowed or locked is still let through when the user has a
 * second factor enrolled, and is then held back until the code confirms it ({@link #VIA_SECOND_FACTOR}). A post from an
 * address that has as many password checks in flight on this node as it takes at once ({@link PasswordChecksInFlight})
 * is answered the same way, with a retry after 1 s.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {
    /** Request attribute: the {@link SignInAttempt} of this form post, for the success and failure handlers. */
    static final String ATTEMPT = SignInThrottleFilter.class.getName() + ".attempt";
    /** Request attribute: the account is slowed or locked, so a right password must be confirmed by the second factor. */
    static final String VIA_SECOND_FACTOR = SignInThrottleFilter.class.getName() + ".secondFactor";
    /** The answer to a post from an address with as many password checks in flight as this node takes at once. */
    private static final SignInVerdict BUSY =
            new SignInVerdict(SignInVerdict.Kind.SLOWED, "address", Duration.ofSeconds(1), null);

    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final Predicate<String> hasSecondFactor;
    private final PasswordChecksInFlight inFlight;

    SignInThrottleFilter(SignInThrottle throttle, KnownDevices devices, Predicate<String> hasSecondFactor,
                         PasswordChecksInFlight inFlight) {
        this.throttle = throttle;
        this.devices = devices;
        this.hasSecondFactor = hasSecondFactor;
        this.inFlight = inFlight;
    }

    /** The attempt of this request: its login, address and known device. */
    static SignInAttempt attemptOf(HttpServletRequest request, String login, KnownDevices devices) {
        return SignInAttempt.web(login, request.getRemoteAddr(), devices.deviceOf(request, login).orElse(null));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String login = Optional.ofNullable(request.getParameter("username")).orElse("");
        SignInAttempt attempt = attemptOf(request, login, devices);
        request.setAttribute(ATTEMPT, attempt);
        SignInVerdict verdict = throttle.check(attempt);
        if (!verdict.go() && "account".equals(verdict.scope()) && hasSecondFactor.test(login)) {
            verdict = throttle.checkBesidesAccount(attempt);
            request.setAttribute(VIA_SECOND_FACTOR, Boolean.TRUE);
        }
        if (!verdict.go()) {
            refuse(request, response, verdict);
            return;
        }
        if (!inFlight.start(attempt.address())) {
            throttle.notJudged(attempt); // its password is not looked at: it counts for nothing
            refuse(request, response, BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.finished(attempt.address());
        }
    }

    /**
     * A right password reported while the address became slowed does not get in either: the session Spring Security
     * has just made for it is dropped, and the browser gets the same 429 as {@link #refuse}.
     */
    static void withdraw(HttpServletRequest request, HttpServletResponse response, SignInVerdict verdict)
            throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        refuse(request, response, verdict);
    }

    /** 429 with Retry-After; a browser is sent back to the login page, which says how long to wait. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, SignInVerdict verdict)
            throws IOException {
        long seconds = verdict.retryAfterSeconds();
        boolean locked = verdict.kind() == SignInVerdict.Kind.LOCKED;
        String target = request.getContextPath() + (locked
                ? "/login?error=locked&minutes=" + Math.max(1, (seconds + 59) / 60)
                : "/login?error=slow&seconds=" + seconds);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
        if (accept.contains("text/html")) {
            // no script needed: the page reloads the login form, which explains the wait in the user's language
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!doctype html><meta http-equiv=\"refresh\" content=\"0;url=" + target
                    + "\"><title>429</title>").getBytes(StandardCharsets.UTF_8));
        } else {
            ErrorAnswer.writeJson(response, HttpStatus.TOO_MANY_REQUESTS, Map.of("error",
                    locked ? "LOCKED" : "TOO_MANY_ATTEMPTS", "retryAfterSeconds", seconds));
        }
    }
}
