package org.mvtm.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.web.api.SecondFactorSettings;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.WebPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Holds a password sign-in of an admin or compliance officer back until a TOTP code confirms it. The password step
 * leaves the user signed out, with the verified password sign-in parked in the session for {@link #PENDING_FOR};
 * a valid code (or, on first use, enrolment with a valid code) signs the user in.
 *
 * <pre>
 *   password ok, role ADMIN/COMPLIANCE --&gt; PENDING (signed out; page /login/second-factor)
 *   PENDING --valid code--&gt; SIGNED_IN
 *   PENDING --wrong code--&gt; PENDING (counted by the sign-in throttle; locked -&gt; dropped)
 *   PENDING --5 minutes pass--&gt; dropped (sign in again)
 *   password ok while the account is slowed or locked, code enrolled --&gt; PENDING (any role: {@link #park})
 * </pre>
 */
public final class SecondFactorGate {
    static final Duration PENDING_FOR = Duration.ofMinutes(5);
    static final String PENDING = SecondFactorGate.class.getName() + ".pending";

    /** What the session holds between the password and the code. */
    record Pending(Authentication authentication, Instant until, byte[] newSecret, String knownDevice)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final SecondFactorSettings settings;
    private final SecondFactorRecords store;
    private final Clock clock;
    private final Totp totp;

    public SecondFactorGate(SecondFactorSettings settings, SecondFactorRecords store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.totp = new Totp(clock);
    }

    /**
     * After a correct password: true (and the user signed out again, parked) when a code must follow.
     * {@code knownDevice}: the device the sign-in came from, if known, so that the code's outcome is counted for it.
     */
    public boolean holdsBack(HttpServletRequest request, Authentication authentication, String knownDevice) {
        if (!settings.required() || !(authentication.getPrincipal() instanceof WebPrincipal principal)) {
            return false;
        }
        WebUser user = principal.user();
        if (!user.has(WebRole.ADMIN) && !user.has(WebRole.COMPLIANCE)) {
            return false;
        }
        park(request, authentication, knownDevice);
        return true;
    }

    /** True if the user has confirmed a second factor before: a right password plus a code passes a locked account. */
    public boolean enrolled(String username) {
        return username != null && store.secret(username.strip()).isPresent();
    }

    /** Signs the user out again and waits for a code, whatever the role (an enrolled user whose account is locked). */
    public void park(HttpServletRequest request, Authentication authentication, String knownDevice) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession();
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        byte[] newSecret = store.secret(authentication.getName()).isPresent() ? null : totp.newSecret();
        session.setAttribute(PENDING, new Pending(authentication, clock.instant().plus(PENDING_FOR), newSecret,
                knownDevice));
    }

    /** The parked sign-in of this session, if it has not expired. */
    Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending p)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(p.until())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    void drop(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** Checks the code against the enrolled secret, or the new one being enrolled; true signs the user in. */
    boolean confirm(Pending pending, String code) {
        String username = pending.authentication().getName();
        byte[] secret = pending.newSecret() != null ? pending.newSecret()
                : store.secret(username).orElse(null);
        if (secret == null) {
            return false;
        }
        var step = totp.verify(secret, code);
        if (step.isEmpty() || !store.useStep(username, step.getAsLong())) {
            return false;
        }
        if (pending.newSecret() != null) {
            store.enrol(username, pending.newSecret());
        }
        return true;
    }

    String otpauthUri(String username, byte[] secret) {
        return Totp.otpauthUri(settings.issuer(), username, secret);
    }
}
