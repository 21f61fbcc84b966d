package org.mvtm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.core.time.MutableClock;
import org.mvtm.web.api.DeviceCookieKey;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A password still being checked when its address reaches its free failures (guesses sprayed in parallel) is answered
 * with the same 429 as one sent after them, right or wrong: a wrong one is not told "wrong password", a right one does
 * not keep the session Spring Security made for it.
 */
class PasswordCheckedWhileTheAddressBecameSlowedTest {
    static final ThrottleSettings LIMITS = ThrottleSettings.defaults();
    static final String ADDRESS = "203.0.113.9";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final SignInThrottle throttle = SignInThrottle.inMemory(clock, LIMITS);
    final KnownDevices devices = new KnownDevices(DeviceCookieKey.random(), clock);

    /** Checked by the throttle (in flight), then the address's free failures reported by other guesses. */
    SignInAttempt inFlightWhileTheAddressIsSprayed(String login) {
        SignInAttempt attempt = SignInAttempt.web(login, ADDRESS, null);
        assertThat(throttle.check(attempt).go()).isTrue();
        for (int i = 0; i < LIMITS.addressFree(); i++) {
            SignInAttempt guess = SignInAttempt.web("sprayed" + i, ADDRESS, null);
            assertThat(throttle.check(guess).go()).isTrue();
            assertThat(throttle.failed(guess).go()).isTrue();
        }
        return attempt;
    }

    static MockHttpServletRequest formPost(SignInAttempt attempt) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(attempt.address());
        request.addHeader("Accept", "text/html");
        request.setAttribute(SignInThrottleFilter.ATTEMPT, attempt);
        return request;
    }

    @Test
    void aWrongPasswordIsAnsweredAsSlowedNotAsWrong() throws Exception {
        SignInAttempt attempt = inFlightWhileTheAddressIsSprayed("ada");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ThrottledLoginFailureHandler(throttle, devices)
                .onAuthenticationFailure(formPost(attempt), response, new BadCredentialsException("wrong"));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("/login?error=slow&seconds=1");

        SignInAttempt elsewhere = SignInAttempt.web("ada", "198.51.100.9", null);
        assertThat(throttle.check(elsewhere).go()).isTrue();
        MockHttpServletResponse told = new MockHttpServletResponse();
        new ThrottledLoginFailureHandler(throttle, devices)
                .onAuthenticationFailure(formPost(elsewhere), told, new BadCredentialsException("wrong"));
        assertThat(told.getRedirectedUrl()).as("from an address that is not slowed").isEqualTo("/login?error=credentials");
    }

    @Test
    void aRightPasswordLosesTheSessionItWasGiven() throws Exception {
        SignInAttempt attempt = inFlightWhileTheAddressIsSprayed("bo");
        MockHttpServletRequest request = formPost(attempt);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", "signed in as bo");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();

        SignInVerdict settled = throttle.succeeded(attempt);
        assertThat(settled.scope()).isEqualTo("address");
        SignInThrottleFilter.withdraw(request, response, settled);
        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }
}
