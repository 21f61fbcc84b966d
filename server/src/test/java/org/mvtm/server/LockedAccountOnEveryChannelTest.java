package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 findings 2 and 3 on the whole server: the web sign-in and the SIP registrar share one throttle, so an
 * account locked by wrong web passwords cannot REGISTER its desk phone either (it could before); every outcome is
 * counted in {@code /actuator/prometheus} and the lock is a security event in the log. Limits are lowered so the
 * test reaches a lock in a few attempts; the wait between them is the server's own Retry-After.
 */
@Tag("slow")
class LockedAccountOnEveryChannelTest {

    @Test
    void anAccountLockedOnTheWebCannotRegisterItsDeskPhoneAndTheMetricCountsIt(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0",
                "--contact.sign-in.account-free=2", "--contact.sign-in.lock-after=3")) {
            server.awaitHealthy(Duration.ofSeconds(120));
            assertThat(SipProbe.register(server.sipPort, "mvtm.local", "alice", "phone-alice-1234", Duration.ofSeconds(10)))
                    .as("her desk phone registers before the attack").startsWith("SIP/2.0 200");

            AtomicInteger wrong = new AtomicInteger();
            // wrong passwords until the failure that locks (a 429 in between means: wait, as Retry-After says)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    WebSession.signInAnswer(server.baseUrl(), "alice", "guess-" + wrong.incrementAndGet())
                            .headers().firstValue("Location").orElse("").contains("error=locked"));

            String register = SipProbe.register(server.sipPort, "mvtm.local", "alice", "phone-alice-1234",
                    Duration.ofSeconds(10));
            assertThat(register).as("the right SIP password while the account is locked").startsWith("SIP/2.0 503")
                    .contains("Account locked").containsIgnoringCase("Retry-After:");
            assertThat(WebSession.signInAnswer(server.baseUrl(), "alice", "demo1234").statusCode())
                    .as("the right web password from a browser she never signed in from").isEqualTo(429);

            // metrics are for a signed-in administrator (DeploymentHardeningTest); her sign-in is counted too
            String metrics = WebSession.signIn(server.baseUrl(), "admin", "demo1234")
                    .send("GET", "/actuator/prometheus", null).body();
            assertThat(metrics).contains("mvtm_signin_attempts_total{channel=\"web\",outcome=\"failed\"} 3.0")
                    .contains("mvtm_signin_attempts_total{channel=\"web\",outcome=\"account_locked\"} 1.0")
                    .contains("mvtm_signin_attempts_total{channel=\"sip\",outcome=\"locked_out\"} 1.0");
            assertThat(server.output()).contains("account alice locked on every channel")
                    .contains("sign-in failed: channel=WEB user=alice");
        }
    }
}
