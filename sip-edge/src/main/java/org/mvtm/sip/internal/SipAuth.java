package org.mvtm.sip.internal;

import java.text.ParseException;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Challenges and checks requests: REGISTER with 401/WWW-Authenticate/Authorization (registrar), everything else
 * with 407/Proxy-Authenticate/Proxy-Authorization. Wrong credentials get 403.
 */
final class SipAuth {
    private final SipContext sip;
    private final DigestAuthenticator digest;
    private final SipCounters counters;

    SipAuth(SipContext sip, DigestAuthenticator digest, SipCounters counters) {
        this.sip = sip;
        this.digest = digest;
        this.counters = counters;
    }

    /**
     * Returns the authenticated user, or empty after having answered the request (challenge or 403).
     */
    Optional<String> authenticate(ServerTransaction st, Request request) {
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
        DigestAuthenticator.Result r = digest.check(request.getMethod(), creds);
        switch (r.verdict()) {
            case AUTHENTICATED:
                return Optional.of(r.user());
            case MISSING:
                counters.rejected("auth-challenge");
                challenge(st, request, false);
                return Optional.empty();
            case STALE:
                counters.rejected("auth-stale");
                challenge(st, request, true);
                return Optional.empty();
            case REPLAYED:
                counters.rejected("auth-replay");
                challenge(st, request, true);
                return Optional.empty();
            case NO_CREDENTIALS:
                counters.rejected("auth-no-credentials");
                // the same reason as a wrong password, so that an attacker cannot tell accounts apart
                sip.respond(st, request, Response.FORBIDDEN, resp -> reason(resp));
                return Optional.empty();
            default:
                counters.rejected("auth-wrong");
                sip.respond(st, request, Response.FORBIDDEN, resp -> reason(resp));
                return Optional.empty();
        }
    }

    /** Only accounts with SIP phone credentials may register or call; web passwords are never SIP passwords. */
    static final String FORBIDDEN_REASON = "No SIP credentials for this user or wrong password";

    private static void reason(javax.sip.message.Response resp) {
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
