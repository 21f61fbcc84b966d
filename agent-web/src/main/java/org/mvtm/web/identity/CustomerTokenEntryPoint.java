package org.mvtm.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.mvtm.web.security.ErrorAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a refused customer token with 401, the standard {@code WWW-Authenticate: Bearer error="invalid_token"}
 * header, and a body {@code {error: "invalid_token", message}} that says what was wrong (expired, signature, issuer,
 * audience, a missing claim).
 */
final class CustomerTokenEntryPoint implements AuthenticationEntryPoint {
    private static final Logger SECURITY = LoggerFactory.getLogger("mvtm.security");
    private static final String DECODER_PREFIX = "An error occurred while attempting to decode the Jwt: ";
    private final BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = explain(e.getMessage());
        SECURITY.atWarn().addKeyValue("event.action", "token-refused").addKeyValue("event.outcome", "failure")
                .addKeyValue("mvtm.channel", "WEB").addKeyValue("source.ip", request.getRemoteAddr())
                .addKeyValue("event.reason", reason)
                .log("customer token refused: address={} path={} reason={}", request.getRemoteAddr(),
                        request.getRequestURI(), reason);
        if (e instanceof CustomerClaims.ClaimTooLongException tooLong) {
            ErrorAnswer.write(response, HttpStatus.BAD_REQUEST, null, tooLong.claim(),
                    "customer token refused: " + reason);
            return;
        }
        standard.commence(request, response, e); // the status and WWW-Authenticate are the bearer-token standard's
        ErrorAnswer.writeJson(response, HttpStatus.valueOf(response.getStatus()), Map.of("error", "invalid_token",
                "message", "customer token refused: " + reason));
    }

    static String explain(String message) {
        String m = message == null ? "no reason given" : message;
        if (m.startsWith(DECODER_PREFIX)) {
            m = m.substring(DECODER_PREFIX.length());
        }
        if (m.contains("Invalid signature") || m.contains("no matching key") || m.contains("Another algorithm expected")) {
            return "the token's signature does not verify against the identity provider's keys (" + m + ")";
        }
        if (m.contains("Invalid serialized") || m.contains("Invalid JWT serialization") || m.contains("Malformed")) {
            return "the token is not a signed JWT (" + m + ")";
        }
        return m;
    }
}
