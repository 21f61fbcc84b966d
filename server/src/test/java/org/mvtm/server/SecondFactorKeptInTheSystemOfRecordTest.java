package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator's second factor on the real server: enrolled at the first sign-in, kept in the system of record
 * (the server's database, not the web tier's memory), so after a restart the same authenticator app signs in and the
 * secret is not offered again. The codes are computed here from RFC 6238 (HMAC-SHA1, 30 s, 6 digits) at the server's
 * own now, the machine's clock.
 */
@Tag("slow")
class SecondFactorKeptInTheSystemOfRecordTest {
    private static final String REQUIRED = "--contact.identity.second-factor.required=true";

    @Test
    void anAdministratorsAuthenticatorStillSignsInAfterARestartAndTheSecretIsNotShownAgain(@TempDir Path dir)
            throws Exception {
        AtomicReference<byte[]> secret = new AtomicReference<>();
        AtomicLong usedStep = new AtomicLong();
        try (ServerProcess server = ServerProcess.start(dir, REQUIRED)) {
            server.awaitHealthy(Duration.ofSeconds(90));
            WebSession admin = WebSession.signInWithCode(server.baseUrl(), "admin", "demo1234", state -> {
                assertThat(state.path("enrolled").asBoolean()).as("a first sign-in enrols").isFalse();
                secret.set(base32(state.path("secret").asString()));
                usedStep.set(step(Instant.now()));
                return code(secret.get(), usedStep.get());
            });
            assertThat(admin.send("GET", "/api/me", null).body()).contains("ADMIN");
        }

        try (ServerProcess again = ServerProcess.start(dir, REQUIRED)) {
            again.awaitHealthy(Duration.ofSeconds(90));
            WebSession admin = WebSession.signInWithCode(again.baseUrl(), "admin", "demo1234", state -> {
                assertThat(state.path("enrolled").asBoolean()).as("still enrolled after the restart").isTrue();
                assertThat(state.has("secret")).as("an enrolled secret is never shown again").isFalse();
                // a code is taken once: the next step if the restart took less than one
                return code(secret.get(), Math.max(step(Instant.now()), usedStep.get() + 1));
            });
            assertThat(admin.send("GET", "/api/me", null).body()).contains("ADMIN");
        }
    }

    private static long step(Instant at) {
        return at.getEpochSecond() / 30;
    }

    /** RFC 6238 with RFC 4226's dynamic truncation: six digits of the HMAC-SHA1 of the step. */
    private static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int at = h[h.length - 1] & 0x0f;
            int value = ByteBuffer.wrap(h, at, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, as the enrolment shows the secret. */
    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
