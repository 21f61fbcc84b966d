package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.signin.InMemoryStrikeStore;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInChannel;
import org.mvtm.core.signin.SignInObserver;
import org.mvtm.core.signin.SignInObserver.Outcome;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.core.time.MutableClock;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.SipPeer;
import org.mvtm.testing.FreePorts;
import org.mvtm.testing.LogCapture;

/**
 * Issue 15 finding 2: sipvicious' {@code svcrack} found SIP passwords in seconds. Against a real edge it now gets a
 * few wrong guesses, then 503 with Retry-After (svcrack gives up); the right password, guessed while the account is
 * slowed or locked, does not get in; each failure is counted and logged as a security event; a lock taken on the
 * web locks the phone too. The throttle's windows follow the injected clock.
 */
@Tag("peer")
class DigestGuessingIsThrottledTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final SignInObserver counting = (channel, outcome) ->
            outcomes.computeIfAbsent(channel + "/" + outcome, k -> new LongAdder()).increment();
    final SignInThrottle throttle = new SignInThrottle(clock, ThrottleSettings.defaults(), new InMemoryStrikeStore(),
            counting);
    final EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).tcpPort(-1), clock, RegistrationStores.inMemory(), throttle);
    final LogCapture security = LogCapture.of("mvtm.security");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        security.close();
        f.close();
    }

    @Test
    void svcrackIsRefusedAfterAFewGuessesAndTheRightPasswordDoesNotGetInWhileLocked() throws Exception {
        String first = svcrack("alice", List.of("123456", "password", "alice", "alice123", "letmein", "qwerty",
                "alice-secret"));
        assertThat(first).as("svcrack output").doesNotContain("The password for alice");
        long failures = count(SignInChannel.SIP, Outcome.FAILED);
        assertThat(failures).as("wrong digests counted before the account is slowed")
                .isEqualTo(ThrottleSettings.defaults().accountFree());
        assertThat(count(SignInChannel.SIP, Outcome.SLOWED)).as("svcrack was refused").isPositive();

        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String slowed = alice.register("alice-secret", 600);
            assertThat(RawSip.status(slowed)).as(slowed).isEqualTo(503);
            assertThat(RawSip.header(slowed, "Retry-After")).isNotBlank();
        }
        assertThat(f.registrations.bindings("sip:alice@bank.example", clock.instant())).isEmpty();

        // a patient attacker waits out every delay: one more guess each time, until the account locks; the right
        // password right after it is refused unchecked (svcrack's own runs are the first and the last here)
        while (count(SignInChannel.SIP, Outcome.ACCOUNT_LOCKED) == 0) {
            clock.advance(ThrottleSettings.defaults().maxDelay().plusSeconds(1));
            long before = count(SignInChannel.SIP, Outcome.FAILED);
            try (SipPeer attacker = SipPeer.udp(f.udp(), "alice")) {
                String guess = attacker.register("guess-" + before, 600);
                assertThat(RawSip.status(guess)).as(guess).isNotEqualTo(200);
                String right = attacker.register("alice-secret", 600);
                assertThat(RawSip.status(right)).as("the right password while slowed: " + right).isEqualTo(503);
            }
            assertThat(count(SignInChannel.SIP, Outcome.FAILED)).as("one guess per delay").isEqualTo(before + 1);
        }
        assertThat(count(SignInChannel.SIP, Outcome.FAILED)).isEqualTo(ThrottleSettings.defaults().lockAfter());
        clock.advance(ThrottleSettings.defaults().maxDelay().plusSeconds(1));
        assertThat(svcrack("alice", List.of("alice-secret"))).doesNotContain("The password for alice");
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            String locked = alice.register("alice-secret", 600);
            assertThat(RawSip.status(locked)).as(locked).isEqualTo(503);
            assertThat(locked).contains("Account locked");
            assertThat(Long.parseLong(RawSip.header(locked, "Retry-After").strip()))
                    .isGreaterThan(ThrottleSettings.defaults().maxDelay().toSeconds());
        }

        assertThat(security.lines()).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("sign-in failed").contains("channel=SIP").contains("user=alice");
            assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("event.action");
                assertThat(kv.value).isEqualTo("sign-in-failed");
            });
        });
        assertThat(security.lines()).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("account alice locked on every channel"));

        // when the lock is over, the phone registers with the right password
        clock.advance(ThrottleSettings.defaults().lockout());
        try (SipPeer alice = SipPeer.udp(f.udp(), "alice")) {
            assertThat(RawSip.status(alice.register("alice-secret", 600))).isEqualTo(200);
        }
    }

    @Test
    void anAccountLockedOnTheWebCannotRegisterItsPhone() {
        for (int i = 0; i < ThrottleSettings.defaults().lockAfter(); i++) {
            clock.advance(ThrottleSettings.defaults().maxDelay().plusSeconds(1));
            SignInAttempt wrong = SignInAttempt.web("BOB", "198.51.100." + i, null);
            assertThat(throttle.check(wrong).go()).isTrue();
            throttle.failed(wrong);
        }
        try (SipPeer bob = SipPeer.udp(f.udp(), "bob")) {
            String answer = bob.register("bob-secret", 600);
            assertThat(RawSip.status(answer)).as(answer).isEqualTo(503);
            assertThat(answer).contains("Account locked");
        }
        assertThat(f.registrations.bindings("sip:bob@bank.example", clock.instant())).isEmpty();
        try (SipPeer carol = SipPeer.udp(f.udp(), "carol")) {
            assertThat(RawSip.status(carol.register("carol-secret", 600))).as("others are not affected").isEqualTo(200);
        }
    }

    private long count(SignInChannel channel, Outcome outcome) {
        LongAdder a = outcomes.get(channel + "/" + outcome);
        return a == null ? 0 : a.sum();
    }

    /** Runs sipvicious' svcrack against the edge with {@code passwords} as its dictionary; returns its output. */
    private String svcrack(String user, List<String> passwords) throws Exception {
        Path dictionary = Files.write(dir.resolve("dictionary-" + System.nanoTime() + ".txt"), passwords);
        Process p = new ProcessBuilder("svcrack", "-u", user, "-d", dictionary.toString(), "-p",
                Integer.toString(f.udp()), "-b", "127.0.0.1", "-P", Integer.toString(FreePorts.udp()),
                "--maximumtime", "5", "127.0.0.1")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("svcrack finished").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
