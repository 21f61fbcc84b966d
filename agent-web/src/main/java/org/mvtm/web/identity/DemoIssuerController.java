package org.mvtm.web.identity;

import java.security.Principal;
import java.util.Map;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The built-in demo issuer's endpoints (404 unless demo mode turned it on): {@code POST /demo-identity/token} gives a
 * demo customer who signed in on the demo page a signed token, and {@code GET /demo-identity/.well-known/jwks.json}
 * serves the key that verifies it.
 */
@RestController
class DemoIssuerController {
    private final CustomerTokens tokens;

    DemoIssuerController(CustomerTokens tokens) {
        this.tokens = tokens;
    }

    record Issued(String token, String tokenType, long expiresIn) {
    }

    @PostMapping("/demo-identity/token")
    Issued token(Principal principal) {
        DemoCustomerIssuer issuer = issuer();
        WebUser user = CurrentUser.require(principal);
        if (!user.has(WebRole.CUSTOMER)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the demo issuer signs tokens for customers only");
        }
        return new Issued(issuer.issue(user), "Bearer", issuer.lifetime().toSeconds());
    }

    @GetMapping("/demo-identity/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(issuer().jwks());
    }

    private DemoCustomerIssuer issuer() {
        return tokens.demoIssuer().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "the demo issuer is off (demo mode only)"));
    }
}
