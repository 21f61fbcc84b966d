package org.mvtm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.core.time.MutableClock;
import org.mvtm.web.api.DeviceCookieKey;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The throttle counts only wrong passwords against an address (staff behind one proxy all sign in at a shift start),
 * so a burst of guesses from one address is bounded another way: a node checks at most so many passwords from one
 * address at once; the next post gets 429 with a retry after 1 s, its password is not looked at and nothing is counted
 * against its account. Other addresses are not held up, and once a check finishes the address may post again.
 */
class PasswordChecksFromOneAddressAreBoundedTest {
    static final String PROXY = "203.0.113.20";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final SignInThrottle throttle = SignInThrottle.inMemory(clock, ThrottleSettings.defaults());
    final SignInThrottleFilter filter = new SignInThrottleFilter(throttle,
            new KnownDevices(DeviceCookieKey.random(), clock), login -> false, new PasswordChecksInFlight(3));

    /** The password check: held until {@code release} opens, counting how many are in it at once. */
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger checking = new AtomicInteger();
    final FilterChain slowHash = (request, response) -> {
        checking.incrementAndGet();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            checking.decrementAndGet();
        }
    };

    MockHttpServletResponse post(String login, String address, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        request.setParameter("username", login);
        request.addHeader("Accept", "application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void postsPastTheChecksInFlightAreRefusedUntilOneFinishesAndOtherAddressesGoOn() throws Exception {
        ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<MockHttpServletResponse>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String login = "guess" + i;
                held.add(posts.submit(() -> post(login, PROXY, slowHash)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (checking.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(checking.get()).as("three passwords from the proxy being checked").isEqualTo(3);

            AtomicInteger hashedAfter = new AtomicInteger();
            MockHttpServletResponse fourth = post("cy", PROXY, (rq, rs) -> hashedAfter.incrementAndGet());
            assertThat(fourth.getStatus()).isEqualTo(429);
            assertThat(fourth.getHeader("Retry-After")).isEqualTo("1");
            assertThat(fourth.getContentAsString()).contains("TOO_MANY_ATTEMPTS");
            assertThat(hashedAfter.get()).as("the fourth password is not looked at").isZero();

            MockHttpServletResponse elsewhere = post("bo", "198.51.100.7", (rq, rs) -> hashedAfter.incrementAndGet());
            assertThat(elsewhere.getStatus()).as("another address is not held up").isEqualTo(200);
            assertThat(hashedAfter.get()).isEqualTo(1);

            release.countDown();
            for (Future<MockHttpServletResponse> f : held) {
                f.get(30, TimeUnit.SECONDS);
            }
            MockHttpServletResponse again = post("ada", PROXY, (rq, rs) -> hashedAfter.incrementAndGet());
            assertThat(again.getStatus()).as("the checks finished: the proxy may post again").isEqualTo(200);
            assertThat(hashedAfter.get()).isEqualTo(2);
            // cy's account still has all its free tries: the refused post counted nothing against it
            for (int i = 0; i < ThrottleSettings.defaults().accountFree(); i++) {
                SignInAttempt more = SignInAttempt.web("cy", "198.51.100.8", null);
                assertThat(throttle.check(more).go()).as("cy's try " + (i + 1)).isTrue();
                throttle.failed(more);
            }
        } finally {
            release.countDown();
            posts.shutdownNow();
        }
    }
}
