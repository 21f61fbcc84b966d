package org.mvtm.sip.internal;

import java.text.ParseException;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.mvtm.sip.api.SipRejectionReasons;

/**
 * Challenges and checks requests: REGISTER with 401/WWW-Authenticate/Authorization (registrar), everything else
 * with 407/Proxy-Authenticate/Proxy-Authorization. Wrong credentials get 403.
 *
 * <p>Every digest carrying a user name first meets the {@link SignInThrottle} shared with the web sign-in: while the
 * user's account, the source address or the whole edge is slowed (or the account is locked), the request is answered
 * at once with 503 Service Unavailable and a {@code Retry-After}, without the digest being checked, so a right
 * password guessed while locked gets in no more than a wrong one. Nothing waits on a thread: the phone (or the
 * attacker) is told when to come back, as carrier registrars answer brute force (RFC 3261 21.5.4: the client does not
 * retry before Retry-After). A wrong digest and a user without SIP credentials count as failures; a stale or
 * replayed nonce does not (phones meet those in normal operation). Right digests never count against the source
 * address, so desk phones behind one NAT register together; a digest whose source address became slowed while it was
 * checked gets the same 503, right or wrong, so guesses sent together learn no more than guesses sent one by one.
 */
record SipAuth(SipContext sip, DigestAuthenticator digest, SignInThrottle throttle, SipCounters counters) {
    /**
     * Returns the authenticated user, or empty after having answered the request (challenge, 403, or 503 while
     * throttled).
     */
    Optional<String> authenticate(ServerTransaction st, Request request, String source) {
        boolean register = Request.REGISTER.equals(request.getMethod());
        AuthorizationHeader h = register
                ? (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME)
                : (AuthorizationHeader) request.getHeader(ProxyAuthorizationHeader.NAME);
        if (h == null && !register) {
            h = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        }
        Optional<DigestAuthenticator.Credentials> creds = Optional.ofNullable(h).map(a -> new DigestAuthenticator.Credentials(
                a.getScheme(), a.getUsername(), a.getRealm(), a.getNonce(),
                a.getURI() == null ? null : a.getURI().toString(), a.getResponse(), a.getQop(),
                a.getParameter("nc"), a.getCNonce(), a.getAlgorithm()));
        Optional<SignInAttempt> attempt = creds.map(DigestAuthenticator.Credentials::username)
                .filter(u -> !u.isBlank()).map(u -> SignInAttempt.sip(u, source));
        if (attempt.isPresent()) {
            SignInVerdict verdict = throttle.check(attempt.get());
            if (!verdict.go()) {
                return refused(st, request, verdict);
            }
        }
        DigestAuthenticator.Result r = digest.check(request.getMethod(), creds);
        if (attempt.isPresent()) {
            SignInVerdict settled = switch (r.verdict()) {
                case AUTHENTICATED -> throttle.succeeded(attempt.get());
                case WRONG, NO_CREDENTIALS -> throttle.failed(attempt.get());
                default -> {
                    throttle.notJudged(attempt.get());
                    yield null;
                }
            };
            if (settled != null && settled.kind() == SignInVerdict.Kind.SLOWED) {
                // the source address became slowed while the digest was checked: answered as if refused before it
                return refused(st, request, settled);
            }
        }
        if (r.verdict() == DigestAuthenticator.Verdict.AUTHENTICATED) {
            return Optional.of(r.user());
        }
        counters.rejected(switch (r.verdict()) {
            case MISSING -> "auth-challenge";
            case STALE -> "auth-stale";
            case REPLAYED -> "auth-replay";
            case NO_CREDENTIALS -> "auth-no-credentials";
            default -> SipRejectionReasons.AUTH_WRONG;
        });
        switch (r.verdict()) {
            case MISSING -> challenge(st, request, false);
            case STALE, REPLAYED -> challenge(st, request, true);
            // no credentials get the same reason as a wrong password, so that an attacker cannot tell accounts apart
            default -> sip.respond(st, request, Response.FORBIDDEN, resp -> reason(resp));
        }
        return Optional.empty();
    }

    /** Only accounts with SIP phone credentials may register or call; web passwords are never SIP passwords. */
    static final String FORBIDDEN_REASON = "No SIP credentials for this user or wrong password";

    static final String THROTTLED_REASON = "Too many failed authentications";

    static final String LOCKED_REASON = "Account locked after failed authentications";

    /** 503 with Retry-After, the digest unchecked or its outcome withheld. */
    private Optional<String> refused(ServerTransaction st, Request request, SignInVerdict verdict) {
        counters.rejected(verdict.kind() == SignInVerdict.Kind.LOCKED ? SipRejectionReasons.AUTH_LOCKED
                : SipRejectionReasons.AUTH_THROTTLED);
        sip.respond(st, request, Response.SERVICE_UNAVAILABLE, resp -> throttled(resp, verdict));
        return Optional.empty();
    }

    private void throttled(Response resp, SignInVerdict verdict) {
        try {
            resp.setReasonPhrase(verdict.kind() == SignInVerdict.Kind.LOCKED ? LOCKED_REASON : THROTTLED_REASON);
            resp.addHeader(sip.headers.createRetryAfterHeader((int) Math.min(Integer.MAX_VALUE,
                    verdict.retryAfterSeconds())));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reason(Response resp) {
        try {
            resp.setReasonPhrase(FORBIDDEN_REASON);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void challenge(ServerTransaction st, Request request, boolean stale) {
        boolean register = Request.REGISTER.equals(request.getMethod());
        sip.respond(st, request, register ? Response.UNAUTHORIZED : Response.PROXY_AUTHENTICATION_REQUIRED, resp -> {
            try {
                WWWAuthenticateHeader w = register
                        ? sip.headers.createWWWAuthenticateHeader("Digest")
                        : sip.headers.createProxyAuthenticateHeader("Digest");
                w.setRealm(digest.realm());
                w.setNonce(digest.newNonce());
                w.setAlgorithm("MD5");
                w.setQop("auth");
                if (stale) {
                    w.setStale(true);
                }
                resp.addHeader(w);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
