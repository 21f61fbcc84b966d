package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Start-up on embedded defaults, clean shutdown, and clear failures for wrong configuration values. */
@Tag("slow")
class ServerLifecycleTest {

    @Test
    void startsOnEmbeddedDefaultsReportsHealthAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofSeconds(90));
            assertThat(server.output()).contains("Customer demo page : " + server.baseUrl() + "/customer")
                    .contains("Compliance console").contains("admin");
            assertThat(SipProbe.options("127.0.0.1", server.sipPort, Duration.ofSeconds(5)))
                    .as("SIP OPTIONS answer").startsWith("SIP/2.0 200");
            // details and metrics are for a signed-in administrator (DeploymentHardeningTest)
            WebSession admin = WebSession.signIn(server.baseUrl(), "admin", "demo1234");
            String health = admin.send("GET", "/actuator/health", null).body();
            assertThat(health).contains("\"sipHealth\"").contains("\"mediaHealth\"").contains("\"recordingHealth\"")
                    .contains("\"assistantHealth\"");
            String metrics = admin.send("GET", "/actuator/prometheus", null).body();
            assertThat(metrics).contains("mvtm_sip_calls_offered_total").contains("mvtm_routing_waiting")
                    .containsPattern("mvtm_sip_requests_rejected_total\\{[^}]*reason=\"overload-recording\"[^}]*} 0\\.0");
            // an operator sees why a phone was refused, not only that something was
            assertThat(SipProbe.register(server.sipPort, "mvtm.local", "alice", "not-her-password", Duration.ofSeconds(10)))
                    .startsWith("SIP/2.0 403");
            assertThat(rejected(admin, "auth-wrong", Duration.ZERO)).isEqualTo("1.0");
            // the challenge before it is a reason not listed from the start: it appears at the next refresh
            assertThat(rejected(admin, "auth-challenge", Duration.ofSeconds(30))).isEqualTo("1.0");

            server.terminate();
            int exit = server.awaitExit(Duration.ofSeconds(10));
            assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
            try (Stream<Path> files = Files.walk(server.dataDir)) {
                assertThat(files.map(Path::toString))
                        .as("nothing half-written under the data directory")
                        .noneMatch(p -> p.endsWith(".tmp") || p.endsWith(".partial"));
            }
        }
    }

    /** The value of the rejection counter for {@code reason}, waiting up to {@code within} for it to appear. */
    private static String rejected(WebSession admin, String reason, Duration within) throws Exception {
        Pattern line = Pattern.compile("mvtm_sip_requests_rejected_total\\{[^}]*reason=\"" + Pattern.quote(reason)
                + "\"[^}]*} (\\S+)");
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Matcher m = line.matcher(admin.send("GET", "/actuator/prometheus", null).body());
            if (m.find() || System.nanoTime() > deadline) {
                return m.find(0) ? m.group(1) : "absent";
            }
            Thread.sleep(500);
        }
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("--contact.sip.udp-port=70000", "contact.sip.udp-port"),
                Arguments.of("--contact.media.port-max=100", "contact.media.port-max"),
                Arguments.of("--contact.media.mode=QUANTUM", "contact.media.mode"),
                Arguments.of("--contact.redis.url=localhost:6379", "contact.redis.url"),
                Arguments.of("--contact.no-such-setting=1", "contact"),
                Arguments.of("--contact.wait-announcements.speech-command=espeak-ng",
                        "contact.wait-announcements.speech-command: is no longer read"),
                Arguments.of("--contact.data-dir=/proc/mvtm-data", "contact.data-dir"));
    }

    @ParameterizedTest(name = "{0} stops start-up naming {1}")
    @MethodSource("wrongValues")
    void wrongConfigurationStopsStartupWithOneClearMessage(String arg, String property, @TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, arg)) {
            int exit = server.awaitExit(Duration.ofSeconds(90));
            String out = server.output();
            assertThat(exit).isNotZero();
            assertThat(out).contains("APPLICATION FAILED TO START").contains(property);
            assertThat(out.lines().filter(l -> l.startsWith("\tat ")).count())
                    .as("no stack trace wall in:\n" + out).isZero();
        }
    }
}
