package org.mvtm.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.mvtm.web.security.KnownDevices;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The second step of an admin's or compliance officer's sign-in: {@code GET /login/second-factor} (the page),
 * {@code GET /login/second-factor/state} (who is signing in; on first use the new secret and its {@code otpauth://}
 * URI for the authenticator app), {@code POST /login/second-factor} with {@code code} (form, CSRF token).
 */
@Controller
class SecondFactorController {
    private final SecondFactorGate gate;
    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorController(SecondFactorGate gate, SignInThrottle throttle, KnownDevices devices) {
        this.gate = gate;
        this.throttle = throttle;
        this.devices = devices;
    }

    @GetMapping("/login/second-factor")
    String page() {
        return "forward:/second-factor.html";
    }

    @GetMapping("/login/second-factor/state")
    @ResponseBody
    ResponseEntity<Map<String, Object>> state(HttpServletRequest request) {
        return gate.pending(request).<ResponseEntity<Map<String, Object>>>map(p -> {
            String username = p.authentication().getName();
            if (p.newSecret() == null) {
                return ResponseEntity.ok(Map.of("username", username, "enrolled", true));
            }
            return ResponseEntity.ok(Map.of("username", username, "enrolled", false,
                    "secret", Totp.Base32.encode(p.newSecret()), "otpauthUri", gate.otpauthUri(username, p.newSecret())));
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "UNAUTHORIZED",
                "message", "no password sign-in is waiting for a code (it lasts 5 minutes): sign in again")));
    }

    @PostMapping("/login/second-factor")
    void confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                 HttpServletResponse response) throws IOException {
        var pending = gate.pending(request);
        if (pending.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login?error=expired");
            return;
        }
        String username = pending.get().authentication().getName();
        SignInAttempt attempt = SignInAttempt.web(username, request.getRemoteAddr(), pending.get().knownDevice());
        SignInVerdict now = throttle.check(attempt);
        boolean accountHeldBack = !now.go() && "account".equals(now.scope());
        if (accountHeldBack) {
            now = throttle.checkBesidesAccount(attempt); // the code is what passes a locked account
        }
        if (!now.go()) {
            // codes are guessed as passwords are: the address's (or device's) delay applies to them too
            gate.drop(request);
            response.sendRedirect(request.getContextPath() + "/login?error=slow&seconds=" + now.retryAfterSeconds());
            return;
        }
        boolean right = gate.confirm(pending.get(), code);
        SignInVerdict next = right ? throttle.succeeded(attempt) : throttle.failed(attempt);
        if (next.kind() == SignInVerdict.Kind.SLOWED) {
            // the address became slowed while the code was checked: refused, right or wrong, as it would have been
            gate.drop(request);
            response.sendRedirect(request.getContextPath() + "/login?error=slow&seconds=" + next.retryAfterSeconds());
            return;
        }
        if (!right) {
            if (next.kind() == SignInVerdict.Kind.LOCKED && !accountHeldBack) {
                gate.drop(request);
                response.sendRedirect(request.getContextPath() + "/login?error=locked&minutes="
                        + Math.max(1, (next.retryAfterSeconds() + 59) / 60));
                return;
            }
            response.sendRedirect(request.getContextPath() + "/login/second-factor?error=code");
            return;
        }
        devices.remember(request, response, username);
        gate.drop(request);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(pending.get().authentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }
}
