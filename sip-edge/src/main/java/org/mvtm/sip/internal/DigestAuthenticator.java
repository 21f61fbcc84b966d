package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvtm.core.digest.Digests;
import org.mvtm.sip.api.SipCredentials;

/**
 * HTTP digest authentication for SIP (RFC 2617 / RFC 7616 with MD5, qop=auth), as RFC 3261 section 22 uses it.
 *
 * <p>Nonces are stateless: {@code base64(issuedMillis ":" hmac(secret, issuedMillis))}, so any request carrying a
 * nonce this edge did not issue is rejected (challenged again with stale=true when the digest itself was right, as
 * after a restart), and a nonce older than the configured lifetime is answered with a
 * fresh challenge marked {@code stale=true}. Replay protection: the nonce-count ({@code nc}) of each nonce must
 * strictly increase; a repeated or lower count is a replay.
 */
final class DigestAuthenticator {

    /** What checking an Authorization/Proxy-Authorization header found. */
    enum Verdict { AUTHENTICATED, MISSING, STALE, REPLAYED, WRONG, NO_CREDENTIALS }

    record Result(Verdict verdict, String user) {
        boolean ok() {
            return verdict == Verdict.AUTHENTICATED;
        }
    }

    /** The fields of a Digest credentials header, as jain-sip parsed them. */
    record Credentials(String scheme, String username, String realm, String nonce, String uri, String response,
                       String qop, String nc, String cnonce, String algorithm) {
    }

    private final String realm;
    private final SipCredentials passwords;
    private final Clock clock;
    private final Duration lifetime;
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> highestCount = new ConcurrentHashMap<>();

    DigestAuthenticator(String realm, SipCredentials passwords, Clock clock, Duration lifetime) {
        this.realm = realm;
        this.passwords = passwords;
        this.clock = clock;
        this.lifetime = lifetime;
        random.nextBytes(secret);
    }

    String realm() {
        return realm;
    }

    /** A new nonce issued now. */
    String newNonce() {
        byte[] salt = new byte[9];
        random.nextBytes(salt);
        // issued time and a random salt, both covered by the HMAC: unique even within one millisecond
        String issued = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((issued + ":" + hmac(issued)).getBytes(StandardCharsets.US_ASCII));
    }

    /** Checks credentials for a request with {@code method}; {@code creds} empty = no header. */
    Result check(String method, Optional<Credentials> creds) {
        if (creds.isEmpty()) {
            return new Result(Verdict.MISSING, null);
        }
        Credentials c = creds.get();
        if (c.scheme() == null || !c.scheme().equalsIgnoreCase("Digest") || c.username() == null
                || c.nonce() == null || c.response() == null || c.uri() == null) {
            return new Result(Verdict.MISSING, null);
        }
        if (c.realm() == null || !c.realm().equals(realm)) {
            return new Result(Verdict.MISSING, c.username());
        }
        if (c.algorithm() != null && !c.algorithm().equalsIgnoreCase("MD5")) {
            return new Result(Verdict.MISSING, c.username());
        }
        long issued = issuedAt(c.nonce());
        Optional<String> stored;
        try {
            stored = passwords.ha1(c.username(), realm);
        } catch (RuntimeException e) {
            // the credentials store is unreachable: nobody is let in
            return new Result(Verdict.WRONG, c.username());
        }
        if (stored.isEmpty()) {
            return new Result(Verdict.NO_CREDENTIALS, c.username());
        }
        String ha1 = stored.get().toLowerCase(Locale.ROOT);
        String ha2 = Digests.md5Hex(method + ":" + c.uri());
        boolean withQop = c.qop() != null;
        if (withQop && (!c.qop().equalsIgnoreCase("auth") || c.nc() == null || c.cnonce() == null)) {
            return new Result(Verdict.WRONG, c.username());
        }
        String expected = withQop
                ? Digests.md5Hex(ha1 + ":" + c.nonce() + ":" + c.nc() + ":" + c.cnonce() + ":" + c.qop() + ":" + ha2)
                : Digests.md5Hex(ha1 + ":" + c.nonce() + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Verdict.WRONG, c.username());
        }
        long now = clock.millis();
        if (issued < 0) {
            // the right password with a nonce we did not issue (e.g. from before a restart): challenge again
            return new Result(Verdict.STALE, c.username());
        }
        if (now - issued > lifetime.toMillis()) {
            highestCount.remove(c.nonce());
            return new Result(Verdict.STALE, c.username());
        }
        if (!withQop) {
            // RFC 2069 style: no nonce-count, hence no replay protection; we insist on qop=auth
            return new Result(Verdict.STALE, c.username());
        }
        long nc;
        try {
            nc = Long.parseLong(c.nc(), 16);
        } catch (NumberFormatException e) {
            return new Result(Verdict.WRONG, c.username());
        }
        String key = c.nonce() + "/" + c.username();
        boolean[] fresh = {false};
        highestCount.compute(key, (k, prev) -> {
            if (prev == null || nc > prev) {
                fresh[0] = true;
                return nc;
            }
            return prev;
        });
        purge(now);
        return fresh[0] ? new Result(Verdict.AUTHENTICATED, c.username()) : new Result(Verdict.REPLAYED, c.username());
    }

    private void purge(long now) {
        if (highestCount.size() > 10_000) {
            highestCount.keySet().removeIf(k -> now - issuedAt(k.substring(0, k.indexOf('/'))) > lifetime.toMillis());
        }
    }

    /** Milliseconds at which we issued {@code nonce}, or -1 if it is not ours. */
    long issuedAt(String nonce) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int colon = s.indexOf(':');
            if (colon < 1) {
                return -1;
            }
            String issued = s.substring(0, colon);
            if (!MessageDigest.isEqual(hmac(issued).getBytes(StandardCharsets.US_ASCII),
                    s.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
                return -1;
            }
            int dot = issued.indexOf('.');
            return Long.parseLong(dot < 0 ? issued : issued.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
