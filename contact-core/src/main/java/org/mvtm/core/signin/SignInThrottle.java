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
 * password, then report {@link #failed}, {@link #succeeded} or {@link #notJudged}, and refuse the attempt after all if
 * the report says SLOWED. Nothing here waits: a slowed attempt is refused at once with the time after which to try
 * again (HTTP 429 / SIP 503 with Retry-After).
 *
 * <p>Three scopes count wrong passwords (see {@link ThrottleSettings}):
 * <pre>
 *   account  (any address, any channel)  free: accountFree  then progressive delay;  lockAfter: LOCKED for lockout
 *   address  (any account)               free: addressFree  then progressive delay   (spraying from one address)
 *   global   (per globalWindow)          free: globalFree   then progressive delay   (spraying from many)
 * </pre>
 * When each scope counts an attempt, so that parallel guesses get no more through than sequential ones while right
 * passwords sent together (a shift start behind one proxy, desk phones behind one NAT) are never refused:
 * <ul>
 *   <li>The <b>account</b> (or known device) counts an attempt when {@link #check} admits it, before its password is
 *       looked at: attempts on one account in flight together are judged as if one followed the other, and each
 *       reported outcome settles it ({@link #succeeded} clears it, {@link #notJudged} takes it back).
 *   <li>The <b>address</b> and <b>global</b> scopes count only failures, when they are reported ({@link #failed}).
 *       {@link #check} refuses while they are slowed; an outcome reported while they are slowed is withheld: the
 *       attempt is answered SLOWED, whether its password was wrong (not counted there) or right (it does not get in).
 *       So of attempts sent together, those reported after the address's free failures are refused, as they would
 *       have been one after the other, and right passwords never count against the address (nor take anything off
 *       it: one valid account does not launder a spraying address).
 * </ul>
 * An attempt from a device the account signed in from before ({@link SignInAttempt#knownDevice()}) is judged only by
 * that device's own count: an attacker elsewhere can neither slow nor lock the real user at their own device.
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
     * Before the password is looked at: may this attempt be checked now? Refuses while the account (or device), the
     * address or everyone is slowed, or the account is locked; an admitted attempt is counted against its account (or
     * device) at once, so parallel guesses at one account cannot slip through together. Report its outcome with
     * {@link #failed}, {@link #succeeded} or {@link #notJudged}. A refusal is logged and counted.
     */
    public SignInVerdict check(SignInAttempt attempt) {
        return refusedIfNotGo(attempt, admit(attempt, clock.instant(), true));
    }

    /**
     * As {@link #check}, but the account's own delay or lock does not refuse the attempt (nor is it counted there):
     * for a user who will confirm a right password with a second factor. The address and global limits still apply.
     */
    public SignInVerdict checkBesidesAccount(SignInAttempt attempt) {
        return refusedIfNotGo(attempt, admit(attempt, clock.instant(), false));
    }

    /**
     * The admitted attempt had a wrong password (or digest): logged, counted against the account, the address and
     * everyone. Returns LOCKED if the account is; SLOWED if the address or everyone became slowed while the attempt was
     * in flight: answer it as refused, not as a wrong password (it is then not counted against the address).
     */
    public SignInVerdict failed(SignInAttempt attempt) {
        Instant now = clock.instant();
        Optional<SignInVerdict> withheld =
                attempt.knownDevice() != null ? Optional.empty() : countAgainstShared(attempt, now);
        Strikes counted = attempt.knownDevice() != null
                ? store.read(deviceKey(attempt), now, settings.forget())
                : store.read(accountKey(attempt.login()), now, settings.forget());
        int fromAddress = store.read(addressKey(attempt.address()), now, settings.forget())
                .failures();
        observer.observed(attempt.channel(), Outcome.FAILED);
        securityEvent(SECURITY.atWarn(), "sign-in-failed", "failure", attempt)
                .addKeyValue("mvtm.account_failures", counted.failures())
                .addKeyValue("mvtm.address_failures", fromAddress)
                .addKeyValue(
                        "mvtm.answered",
                        withheld.map(v -> "slowed by the " + v.scope() + " limit")
                                .orElse("failed"))
                .log(
                        "sign-in failed: channel={} user={} address={} account failures={} address failures={}{}",
                        attempt.channel(),
                        attempt.login(),
                        attempt.address(),
                        counted.failures(),
                        fromAddress,
                        withheld.map(v -> " (answered as slowed by the " + v.scope() + " limit)")
                                .orElse(""));
        if (attempt.knownDevice() != null) {
            return SignInVerdict.GO;
        }
        if (counted.lockedUntil() != null) {
            return withheld.orElseGet(() -> locked(counted.lockedUntil(), now));
        }
        if (counted.failures() < settings.lockAfter()) {
            return withheld.orElse(SignInVerdict.GO);
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
        // a wrong password whose answer is withheld is not told apart from a right one by the lock either
        return withheld.orElseGet(() -> locked(until, now));
    }

    /**
     * The admitted attempt had the right password: the account's (or device's) count starts again. Returns SLOWED if
     * the address or everyone became slowed while the attempt was in flight: then the right password does not get in
     * either (refuse the sign-in as {@link #check} would have), so that guesses sent together learn no more than
     * guesses sent one after the other.
     */
    public SignInVerdict succeeded(SignInAttempt attempt) {
        Instant now = clock.instant();
        if (attempt.knownDevice() != null) {
            store.clear(deviceKey(attempt));
            observer.observed(attempt.channel(), Outcome.SUCCEEDED);
            return SignInVerdict.GO;
        }
        Optional<SignInVerdict> withheld = slowedShared(attempt, now);
        if (withheld.isPresent()) {
            store.forgive(accountKey(attempt.login())); // neither a failure nor a success: as if refused
            SignInVerdict v = withheld.get();
            observer.observed(attempt.channel(), Outcome.SLOWED);
            // a right password among guesses from a slowed address: the account's password may be known to them
            securityEvent(SECURITY.atWarn(), "sign-in-slowed", "failure", attempt)
                    .addKeyValue("mvtm.scope", v.scope())
                    .addKeyValue("mvtm.retry_after_seconds", v.retryAfterSeconds())
                    .addKeyValue("mvtm.answered", "right password refused")
                    .log(
                            "right password refused ({} limit reached while it was checked, retry after {} s):"
                                    + " channel={} user={} address={}",
                            v.scope(),
                            v.retryAfterSeconds(),
                            attempt.channel(),
                            attempt.login(),
                            attempt.address());
            return v;
        }
        if (store.read(accountKey(attempt.login()), now, settings.forget()).lockedUntil() == null) {
            store.clear(accountKey(attempt.login()));
        }
        observer.observed(attempt.channel(), Outcome.SUCCEEDED);
        return SignInVerdict.GO;
    }

    /** The admitted attempt was neither right nor wrong (a stale or replayed nonce): it is not counted. */
    public void notJudged(SignInAttempt attempt) {
        store.forgive(attempt.knownDevice() != null ? deviceKey(attempt) : accountKey(attempt.login()));
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

    /**
     * The address and everyone refuse while slowed, without counting (they count failures only); then the account (or
     * the known device) counts the attempt. The address first: a slowed address spraying random names leaves no count
     * behind for each name.
     */
    private SignInVerdict admit(SignInAttempt attempt, Instant now, boolean withAccount) {
        if (attempt.knownDevice() != null) {
            return counted(new Scope("device", deviceKey(attempt), settings.forget(), accountDelays), now);
        }
        if (withAccount) {
            // a locked account says so whatever the address
            Strikes account = store.read(accountKey(attempt.login()), now, settings.forget());
            if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
                return locked(account.lockedUntil(), now);
            }
        }
        Optional<SignInVerdict> slowed = slowedShared(attempt, now);
        if (slowed.isPresent()) {
            return slowed.get();
        }
        return withAccount
                ? counted(new Scope("account", accountKey(attempt.login()), settings.forget(), accountDelays), now)
                : SignInVerdict.GO;
    }

    /** The address and global scopes, in the order they are asked. */
    private List<Scope> shared(SignInAttempt attempt, Instant now) {
        return List.of(
                new Scope("address", addressKey(attempt.address()), settings.forget(), addressDelays),
                new Scope("global", globalKey(now), settings.globalWindow(), globalDelays));
    }

    /** SLOWED by the first shared scope whose delay has not passed at {@code now}, if any; nothing is counted. */
    private Optional<SignInVerdict> slowedShared(SignInAttempt attempt, Instant now) {
        for (Scope scope : shared(attempt, now)) {
            Strikes s = store.read(scope.key(), now, scope.forget());
            if (s.slows(now, scope.delays())) {
                return Optional.of(slowed(scope, s.notBefore(scope.delays()), now));
            }
        }
        return Optional.empty();
    }

    /**
     * Counts a failure against the address, then everyone, each only if that scope is not slowed now (atomically in
     * the store, so failures reported together are counted as if one followed the other). Empty when both counted it;
     * else the SLOWED verdict that withholds it (a scope counted before is forgiven).
     */
    private Optional<SignInVerdict> countAgainstShared(SignInAttempt attempt, Instant now) {
        List<String> counted = new ArrayList<>(2);
        for (Scope scope : shared(attempt, now)) {
            StrikeStore.Admission a = store.admit(scope.key(), now, scope.forget(), scope.delays());
            if (!a.admitted()) {
                counted.forEach(store::forgive);
                return Optional.of(slowed(scope, a.notBefore(), now));
            }
            counted.add(scope.key());
        }
        return Optional.empty();
    }

    /** Counts the attempt under {@code scope} if it may come now. */
    private SignInVerdict counted(Scope scope, Instant now) {
        StrikeStore.Admission a = store.admit(scope.key(), now, scope.forget(), scope.delays());
        if (a.admitted()) {
            return SignInVerdict.GO;
        }
        return a.locked() ? locked(a.notBefore(), now) : slowed(scope, a.notBefore(), now);
    }

    private record Scope(String name, String key, Duration forget, List<Duration> delays) {}

    private static SignInVerdict slowed(Scope scope, Instant notBefore, Instant now) {
        return new SignInVerdict(SignInVerdict.Kind.SLOWED, scope.name(), Duration.between(now, notBefore), notBefore);
    }

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
