package org.mvtm.core.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mvtm.core.signin.SignInObserver.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one throttle of every password and digest check (the consoles' sign-in form and SIP digest authentication),
 * so that an account locked on one channel is locked on all. Callers ask {@link #check} before looking at the
 * password, then report {@link #failed}, {@link #succeeded} or {@link #notJudged}. Nothing here waits: a slowed attempt is refused at
 * once with the time after which to try again (HTTP 429 / SIP 503 with Retry-After).
 *
 * <p>Three scopes count wrong passwords (see {@link ThrottleSettings}):
 * <pre>
 *   account  (any address, any channel)  free: accountFree  then progressive delay;  lockAfter: LOCKED for lockout
 *   address  (any account)               free: addressFree  then progressive delay   (spraying from one address)
 *   global   (per globalWindow)          free: globalFree   then progressive delay   (spraying from many)
 * </pre>
 * An attempt from a device the account signed in from before ({@link SignInAttempt#knownDevice()}) is judged only by
 * that device's own count: an attacker elsewhere can neither slow nor lock the real user at their own device.
 * A success clears the account's (or device's) count and takes its own attempt off the address's: one valid account
 * does not launder a spraying address.
 *
 * <p>Every failure, refusal and lock goes to the {@code mvtm.security} log as a structured event (ECS fields
 * {@code event.action}, {@code event.outcome}, {@code user.name}, {@code source.ip}, {@code mvtm.channel}).
 */
public final class SignInThrottle {
    private static final Logger SECURITY = LoggerFactory.getLogger("mvtm.security");

    private final Clock clock;
    private final ThrottleSettings settings;
    private final StrikeStore store;
    private final SignInObserver observer;
    private final List<Duration> accountDelays;
    private final List<Duration> addressDelays;
    private final List<Duration> globalDelays;

    public SignInThrottle(Clock clock, ThrottleSettings settings, StrikeStore store, SignInObserver observer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.observer = observer == null ? SignInObserver.none() : observer;
        this.accountDelays = delays(settings.accountFree(), settings.maxDelay());
        this.addressDelays = delays(settings.addressFree(), settings.maxDelay());
        this.globalDelays = delays(settings.globalFree(), settings.globalMaxDelay());
    }

    /** One node's throttle with default limits and nobody counting (tests, the web tier on its own). */
    public static SignInThrottle inMemory(Clock clock, ThrottleSettings settings) {
        return new SignInThrottle(clock, settings, new InMemoryStrikeStore(), SignInObserver.none());
    }

    public ThrottleSettings settings() {
        return settings;
    }

    /**
     * Before the password is looked at: may this attempt be checked now? An admitted attempt is counted in every
     * scope at once (so parallel guesses cannot slip through together); report its outcome with {@link #failed},
     * {@link #succeeded} or {@link #notJudged}. A refusal is logged and counted.
     */
    public SignInVerdict check(SignInAttempt attempt) {
        return refusedIfNotGo(attempt, admit(attempt, clock.instant(), true));
    }

    /**
     * As {@link #check}, but the account's own delay or lock does not refuse the attempt: for a user who will confirm
     * a right password with a second factor. The address and global limits still apply.
     */
    public SignInVerdict checkBesidesAccount(SignInAttempt attempt) {
        return refusedIfNotGo(attempt, admit(attempt, clock.instant(), false));
    }

    /** The admitted attempt had a wrong password (or digest): logged, counted; returns LOCKED if the account is. */
    public SignInVerdict failed(SignInAttempt attempt) {
        Instant now = clock.instant();
        Strikes counted = attempt.knownDevice() != null
                ? store.read(deviceKey(attempt), now, settings.forget())
                : store.read(accountKey(attempt.login()), now, settings.forget());
        int fromAddress = store.read(addressKey(attempt.address()), now, settings.forget())
                .failures();
        observer.observed(attempt.channel(), Outcome.FAILED);
        securityEvent(SECURITY.atWarn(), "sign-in-failed", "failure", attempt)
                .addKeyValue("mvtm.account_failures", counted.failures())
                .addKeyValue("mvtm.address_failures", fromAddress)
                .log(
                        "sign-in failed: channel={} user={} address={} account failures={} address failures={}",
                        attempt.channel(),
                        attempt.login(),
                        attempt.address(),
                        counted.failures(),
                        fromAddress);
        if (attempt.knownDevice() != null) {
            return SignInVerdict.GO;
        }
        if (counted.lockedUntil() != null) {
            return locked(counted.lockedUntil(), now);
        }
        if (counted.failures() < settings.lockAfter()) {
            return SignInVerdict.GO;
        }
        Instant until = now.plus(settings.lockout());
        store.lock(accountKey(attempt.login()), until, now);
        observer.observed(attempt.channel(), Outcome.ACCOUNT_LOCKED);
        securityEvent(SECURITY.atWarn(), "account-locked", "success", attempt)
                .addKeyValue("mvtm.locked_until", until.toString())
                .log(
                        "account {} locked on every channel until {} after {} wrong passwords (last from {} over {})",
                        attempt.login(),
                        until,
                        counted.failures(),
                        attempt.address(),
                        attempt.channel());
        return locked(until, now);
    }

    /** The admitted attempt had the right password: the account's (or device's) count starts again. */
    public void succeeded(SignInAttempt attempt) {
        Instant now = clock.instant();
        if (attempt.knownDevice() != null) {
            store.clear(deviceKey(attempt));
        } else if (store.read(accountKey(attempt.login()), now, settings.forget())
                        .lockedUntil()
                == null) {
            store.clear(accountKey(attempt.login()));
        }
        if (attempt.knownDevice() == null) {
            store.forgive(addressKey(attempt.address()));
            store.forgive(globalKey(now));
        }
        observer.observed(attempt.channel(), Outcome.SUCCEEDED);
    }

    /** The admitted attempt was neither right nor wrong (a stale or replayed nonce): it is not counted. */
    public void notJudged(SignInAttempt attempt) {
        if (attempt.knownDevice() != null) {
            store.forgive(deviceKey(attempt));
        } else {
            store.forgive(accountKey(attempt.login()));
            store.forgive(addressKey(attempt.address()));
            store.forgive(globalKey(clock.instant()));
        }
    }

    /** When the account's lock ends, if it is locked now (on every channel, except at a known device). */
    public Optional<Instant> lockedUntil(String login) {
        Instant now = clock.instant();
        Strikes s = store.read(
                accountKey(new SignInAttempt(SignInChannel.WEB, login, null, null).login()), now, settings.forget());
        return s.lockedUntil() != null && now.isBefore(s.lockedUntil())
                ? Optional.of(s.lockedUntil())
                : Optional.empty();
    }

    /** A security event about the attempt, with the fields every one of them carries. */
    private static LoggingEventBuilder securityEvent(
            LoggingEventBuilder level, String action, String outcome, SignInAttempt attempt) {
        return level.addKeyValue("event.action", action)
                .addKeyValue("event.outcome", outcome)
                .addKeyValue("mvtm.channel", attempt.channel())
                .addKeyValue("user.name", attempt.login())
                .addKeyValue("source.ip", attempt.address());
    }

    private SignInVerdict refusedIfNotGo(SignInAttempt attempt, SignInVerdict verdict) {
        if (!verdict.go()) {
            boolean locked = verdict.kind() == SignInVerdict.Kind.LOCKED;
            observer.observed(attempt.channel(), locked ? Outcome.LOCKED_OUT : Outcome.SLOWED);
            securityEvent(SECURITY.atInfo(), locked ? "sign-in-locked-out" : "sign-in-slowed", "failure", attempt)
                    .addKeyValue("mvtm.scope", verdict.scope())
                    .addKeyValue("mvtm.retry_after_seconds", verdict.retryAfterSeconds())
                    .log(
                            "sign-in refused ({} limit, retry after {} s): channel={} user={} address={}",
                            verdict.scope(),
                            verdict.retryAfterSeconds(),
                            attempt.channel(),
                            attempt.login(),
                            attempt.address());
        }
        return verdict;
    }

    /** Admits the attempt in each scope in turn; a refusal forgives the scopes admitted before it. */
    private SignInVerdict admit(SignInAttempt attempt, Instant now, boolean withAccount) {
        if (withAccount && attempt.knownDevice() == null) {
            // a locked account says so whatever the address, and the address's count is left alone
            Strikes account = store.read(accountKey(attempt.login()), now, settings.forget());
            if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
                return locked(account.lockedUntil(), now);
            }
        }
        List<String> admitted = new ArrayList<>(3);
        List<Scope> scopes = new ArrayList<>(3);
        if (attempt.knownDevice() != null) {
            scopes.add(new Scope("device", deviceKey(attempt), settings.forget(), accountDelays));
        } else {
            // the address first: a slowed address spraying random names leaves no count behind for each name
            scopes.add(new Scope("address", addressKey(attempt.address()), settings.forget(), addressDelays));
            if (withAccount) {
                scopes.add(new Scope("account", accountKey(attempt.login()), settings.forget(), accountDelays));
            }
            scopes.add(new Scope("global", globalKey(now), settings.globalWindow(), globalDelays));
        }
        for (Scope scope : scopes) {
            StrikeStore.Admission a = store.admit(scope.key(), now, scope.forget(), scope.delays());
            if (!a.admitted()) {
                admitted.forEach(store::forgive);
                return a.locked()
                        ? locked(a.notBefore(), now)
                        : new SignInVerdict(
                                SignInVerdict.Kind.SLOWED,
                                scope.name(),
                                Duration.between(now, a.notBefore()),
                                a.notBefore());
            }
            admitted.add(scope.key());
        }
        return SignInVerdict.GO;
    }

    private record Scope(String name, String key, Duration forget, List<Duration> delays) {}

    private static SignInVerdict locked(Instant until, Instant now) {
        return new SignInVerdict(SignInVerdict.Kind.LOCKED, "account", Duration.between(now, until), until);
    }

    /** The delay after n counted attempts, for n = 0 until the delay reaches its cap (the last entry repeats). */
    private List<Duration> delays(int free, Duration cap) {
        List<Duration> out = new ArrayList<>();
        for (int n = 0; ; n++) {
            Duration d = settings.delay(n, free, cap);
            out.add(d);
            if (d.equals(cap) || n > free + 40) {
                return List.copyOf(out);
            }
        }
    }

    private static String accountKey(String login) {
        return "account:" + login;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String deviceKey(SignInAttempt attempt) {
        return "device:" + attempt.login() + ":" + attempt.knownDevice();
    }

    private String globalKey(Instant now) {
        return "global:" + now.toEpochMilli() / settings.globalWindow().toMillis();
    }
}
