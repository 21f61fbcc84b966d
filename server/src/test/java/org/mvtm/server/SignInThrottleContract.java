package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInObserver;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.mvtm.core.signin.StrikeStore;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.core.time.MutableClock;

/**
 * The sign-in throttle's behaviour, run against each {@link StrikeStore}: in memory and a real redis-server, so that
 * the Lua script cannot drift from the in-memory rules. Every window follows an injected clock.
 */
abstract class SignInThrottleContract {
    static final ThrottleSettings LIMITS = ThrottleSettings.defaults();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    SignInThrottle throttle;

    abstract StrikeStore store();

    @BeforeEach
    void throttle() {
        throttle = new SignInThrottle(clock, LIMITS, store(), SignInObserver.none());
    }

    /** One wrong password, if the throttle lets it be checked; returns what the throttle said first. */
    SignInVerdict wrong(SignInAttempt attempt) {
        SignInVerdict v = throttle.check(attempt);
        if (v.go()) {
            throttle.failed(attempt);
        }
        return v;
    }

    @Test
    void anAccountIsSlowedAfterItsFreeFailuresWithDelaysThatDouble() {
        for (int i = 0; i < LIMITS.accountFree(); i++) {
            assertThat(wrong(SignInAttempt.web("ada", "203.0.113." + i, null)).go()).as("failure " + i).isTrue();
        }
        SignInVerdict slowed = throttle.check(SignInAttempt.sip("ADA ", "203.0.113.99"));
        assertThat(slowed.kind()).isEqualTo(SignInVerdict.Kind.SLOWED);
        assertThat(slowed.scope()).isEqualTo("account");
        assertThat(slowed.retryAfter()).isEqualTo(LIMITS.firstDelay());
        clock.advance(LIMITS.firstDelay());
        assertThat(wrong(SignInAttempt.sip("ada", "203.0.113.99")).go()).isTrue();
        assertThat(throttle.check(SignInAttempt.web("ada", "198.51.100.1", null)).retryAfter())
                .isEqualTo(LIMITS.firstDelay().multipliedBy(2));
    }

    @Test
    void parallelGuessesCannotSlipThroughTogether() throws Exception {
        for (int i = 0; i < LIMITS.accountFree(); i++) {
            wrong(SignInAttempt.sip("bob", "203.0.113." + i));
        }
        clock.advance(LIMITS.maxDelay());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SignInVerdict>> guesses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                SignInAttempt a = SignInAttempt.sip("bob", "198.51.100." + i);
                guesses.add(() -> throttle.check(a));
            }
            long admitted = 0;
            for (Future<SignInVerdict> f : pool.invokeAll(guesses)) {
                admitted += f.get().go() ? 1 : 0;
            }
            assertThat(admitted).as("one guess per delay, however many are sent at once").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The capacity run's finding: a shift start behind one proxy (or desk phones behind one NAT). Every sign-in is
     * still in flight (checked, its password not yet judged) when the next one is checked.
     */
    @Test
    void sixtyRightPasswordsFromOneAddressAtOnceAllGetIn() throws Exception {
        InFlight shiftStart = inFlightTogether(60, i -> SignInAttempt.sip("advisor" + i, "192.0.2.80"), true);
        assertThat(shiftStart.admitted()).as("checked").isEqualTo(60);
        assertThat(shiftStart.answered()).as("let in").isEqualTo(60);
        assertThat(throttle.check(SignInAttempt.web("late-advisor", "192.0.2.80", null)).go()).isTrue();
    }

    /**
     * More right passwords at once, from many addresses, than the global limit lets wrong ones through (the limit
     * lowered to 20, as a bank's shift start of a few hundred would meet the default 200).
     */
    @Test
    void aBankWideShiftStartAboveTheGlobalFreeFailuresAllGetsIn() throws Exception {
        ThrottleSettings d = LIMITS;
        ThrottleSettings lowGlobal = new ThrottleSettings(d.accountFree(), d.addressFree(), 20, d.lockAfter(),
                d.firstDelay(), d.maxDelay(), d.globalMaxDelay(), d.lockout(), d.forget(), d.globalWindow());
        throttle = new SignInThrottle(clock, lowGlobal, store(), SignInObserver.none());
        InFlight shiftStart = inFlightTogether(60, i -> SignInAttempt.web("staff" + i, "10.1.0." + i, null), true);
        assertThat(shiftStart.admitted()).isEqualTo(60);
        assertThat(shiftStart.answered()).isEqualTo(60);

        InFlight spray = inFlightTogether(60, i -> SignInAttempt.web("name" + i, "10.2.0." + i, null), false);
        assertThat(spray.answered()).as("wrong passwords from everywhere told wrong").isEqualTo(20);
        assertThat(spray.withheldBy("global")).isEqualTo(40);
    }

    @Test
    void parallelWrongPasswordsForOneAccountGetNoMoreThroughThanOneAfterAnother() throws Exception {
        int oneAfterAnother = 0;
        while (wrong(SignInAttempt.sip("hana", "203.0.113.1")).go()) {
            oneAfterAnother++;
        }
        SignInVerdict afterThem = throttle.check(SignInAttempt.sip("hana", "198.51.100.2"));

        InFlight together = inFlightTogether(60, i -> SignInAttempt.sip("gina", "198.51.100." + (i % 3)), false);
        assertThat(oneAfterAnother).isEqualTo(LIMITS.accountFree());
        assertThat(together.admitted()).as("passwords looked at").isEqualTo(oneAfterAnother);
        assertThat(together.answered()).as("told wrong").isEqualTo(oneAfterAnother);
        SignInVerdict next = throttle.check(SignInAttempt.sip("gina", "198.51.100.2"));
        assertThat(next.scope()).isEqualTo(afterThem.scope()).isEqualTo("account");
        assertThat(next.retryAfter()).isEqualTo(afterThem.retryAfter());
    }

    @Test
    void parallelGuessesFromOneAddressAtManyNamesLearnNoMoreThanItsFreeFailures() throws Exception {
        InFlight spray = inFlightTogether(60, i -> SignInAttempt.web("user" + i, "203.0.113.7", null), false);
        assertThat(spray.answered()).as("wrong passwords told wrong").isEqualTo(LIMITS.addressFree());
        assertThat(spray.withheldBy("address")).as("answered as slowed instead").isEqualTo(60 - LIMITS.addressFree());
        SignInVerdict next = throttle.check(SignInAttempt.web("someone-else", "203.0.113.7", null));
        assertThat(next.scope()).isEqualTo("address");
        assertThat(next.retryAfter()).as("as after the same failures one by one").isEqualTo(LIMITS.firstDelay());
        assertThat(throttle.check(SignInAttempt.web("someone-else", "198.51.100.7", null)).go()).isTrue();
    }

    @Test
    void aRightPasswordReportedAfterTheAddressBecameSlowedDoesNotGetIn() {
        SignInAttempt right = SignInAttempt.web("ivan", "203.0.113.8", null);
        assertThat(throttle.check(right).go()).isTrue();
        for (int i = 0; i < LIMITS.addressFree(); i++) {
            assertThat(wrong(SignInAttempt.web("sprayed" + i, "203.0.113.8", null)).go()).isTrue();
        }
        SignInVerdict late = throttle.succeeded(right);
        assertThat(late.kind()).isEqualTo(SignInVerdict.Kind.SLOWED);
        assertThat(late.scope()).isEqualTo("address");
        SignInAttempt elsewhere = SignInAttempt.web("ivan", "198.51.100.8", null);
        assertThat(throttle.check(elsewhere).go()).isTrue();
        assertThat(throttle.succeeded(elsewhere).go()).as("from another address at the same time").isTrue();
    }

    @Test
    void oneAddressSprayingManyNamesIsSlowedAndOthersAreNot() {
        for (int i = 0; i < LIMITS.addressFree(); i++) {
            assertThat(wrong(SignInAttempt.web("user" + i, "203.0.113.7", null)).go()).isTrue();
        }
        SignInVerdict v = throttle.check(SignInAttempt.web("someone-else", "203.0.113.7", null));
        assertThat(v.kind()).isEqualTo(SignInVerdict.Kind.SLOWED);
        assertThat(v.scope()).isEqualTo("address");
        assertThat(throttle.check(SignInAttempt.web("someone-else", "198.51.100.7", null)).go()).isTrue();
    }

    /** What the throttle said to attempts in flight together: to their checks, and to their reported outcomes. */
    record InFlight(List<SignInVerdict> checks, List<SignInVerdict> reports) {
        long admitted() {
            return checks.stream().filter(SignInVerdict::go).count();
        }

        /** Reports answered as they were (a right password let in, a wrong one told wrong). */
        long answered() {
            return reports.stream().filter(SignInVerdict::go).count();
        }

        /** Reports answered as refused after all, by {@code scope}. */
        long withheldBy(String scope) {
            return reports.stream().filter(v -> !v.go() && scope.equals(v.scope())).count();
        }
    }

    /**
     * Runs {@code n} attempts on {@code n} threads: every one is checked, then all wait until every check is done
     * (so all are in flight together), then each admitted one reports a right ({@code right}) or a wrong password.
     */
    InFlight inFlightTogether(int n, IntFunction<SignInAttempt> attempt, boolean right) throws Exception {
        CyclicBarrier allChecked = new CyclicBarrier(n);
        List<SignInVerdict> checks = Collections.synchronizedList(new ArrayList<>());
        List<SignInVerdict> reports = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SignInAttempt a = attempt.apply(i);
                done.add(threads.submit(() -> {
                    SignInVerdict checked = throttle.check(a);
                    checks.add(checked);
                    allChecked.await(60, TimeUnit.SECONDS);
                    if (checked.go()) {
                        reports.add(right ? throttle.succeeded(a) : throttle.failed(a));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        }
        return new InFlight(List.copyOf(checks), List.copyOf(reports));
    }

    @Test
    void aSustainedAttackLocksTheAccountOnEveryChannelUntilTheLockoutEnds() {
        int failures = 0;
        while (throttle.lockedUntil("carol").isEmpty()) {
            clock.advance(LIMITS.maxDelay());
            SignInAttempt a = failures % 2 == 0 ? SignInAttempt.web("carol", "203.0.113." + failures, null)
                    : SignInAttempt.sip("carol", "203.0.113." + failures);
            assertThat(wrong(a).go()).isTrue();
            failures++;
        }
        assertThat(failures).isEqualTo(LIMITS.lockAfter());
        assertThat(throttle.check(SignInAttempt.sip("carol", "198.51.100.3")).kind()).isEqualTo(SignInVerdict.Kind.LOCKED);
        assertThat(throttle.check(SignInAttempt.web("carol", "198.51.100.3", null)).kind())
                .isEqualTo(SignInVerdict.Kind.LOCKED);
        assertThat(throttle.check(SignInAttempt.web("carol", "198.51.100.3", "device-1")).go())
                .as("her own browser").isTrue();
        clock.advance(LIMITS.lockout());
        assertThat(throttle.lockedUntil("carol")).isEmpty();
        assertThat(throttle.check(SignInAttempt.sip("carol", "198.51.100.3")).go()).isTrue();
    }

    @Test
    void aKnownDeviceIsJudgedByItsOwnCount() {
        for (int i = 0; i < 6; i++) {
            wrong(SignInAttempt.web("dave", "203.0.113.66", null));
        }
        SignInAttempt atHome = SignInAttempt.web("dave", "198.51.100.9", "device-7");
        assertThat(throttle.check(atHome).go()).isTrue();
        throttle.succeeded(atHome);
        for (int i = 0; i < LIMITS.accountFree(); i++) {
            assertThat(wrong(atHome).go()).isTrue();
        }
        assertThat(throttle.check(atHome).scope()).as("typos at the device slow the device").isEqualTo("device");
    }

    @Test
    void staleNoncesAndRightPasswordsDoNotCountAgainstAnAddress() {
        for (int i = 0; i < LIMITS.addressFree() * 3; i++) {
            SignInAttempt phone = SignInAttempt.sip("phone" + i, "192.0.2.10");
            assertThat(throttle.check(phone).go()).as("attempt " + i).isTrue();
            if (i % 2 == 0) {
                throttle.notJudged(phone);
            } else {
                throttle.succeeded(phone);
            }
        }
        assertThat(throttle.check(SignInAttempt.sip("another", "192.0.2.10")).go()).isTrue();
    }

    @Test
    void aCountIsForgottenAfterAQuietPeriod() {
        for (int i = 0; i < LIMITS.accountFree(); i++) {
            wrong(SignInAttempt.web("erin", "203.0.113." + i, null));
        }
        assertThat(throttle.check(SignInAttempt.web("erin", "203.0.113.50", null)).go()).isFalse();
        clock.advance(LIMITS.forget());
        for (int i = 0; i < LIMITS.accountFree(); i++) {
            assertThat(wrong(SignInAttempt.web("erin", "203.0.113.6" + i, null)).go()).isTrue();
        }
    }

    @Test
    void sprayingFromManyAddressesSlowsEveryoneWithoutAKnownDevice() {
        for (int i = 0; i < LIMITS.globalFree(); i++) {
            assertThat(wrong(SignInAttempt.web("name" + i, "10.0." + (i / 250) + "." + (i % 250), null)).go()).isTrue();
        }
        SignInVerdict v = throttle.check(SignInAttempt.web("frank", "198.51.100.44", null));
        assertThat(v.scope()).isEqualTo("global");
        assertThat(throttle.check(SignInAttempt.web("frank", "198.51.100.44", "device-2")).go()).isTrue();
        clock.advance(LIMITS.globalWindow());
        assertThat(throttle.check(SignInAttempt.web("frank", "198.51.100.44", null)).go()).as("next window").isTrue();
    }
}
