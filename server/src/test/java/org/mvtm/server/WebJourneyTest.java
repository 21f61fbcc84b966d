package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journey on the real server started as the README starts it, with the demo data: a customer chats in Cantonese
 * on the demo page, asks for a person on video, the Cantonese advisor accepts in the console, both decode each
 * other's video and receive audio, they chat, the advisor wraps up, the supervisor reads the routing explanation,
 * and the SZ compliance officer finds the session by customer and by a chat word, replays and verifies it, and
 * sees the replay in the audit trail. The browser steps live in agent-web/src/test/browser/journey.js (the only
 * class that runs them: agent-web's own run of the same script against a test server was the same journey again).
 */
@Tag("peer")
class WebJourneyTest {
    /** The pages the journey photographs on its way. */
    private static final List<String> SHOTS = List.of("login-zh-Hant", "customer-queued", "agent-offer",
            "customer-call", "agent-call", "agent-wrapup", "supervisor", "compliance");

    @Test
    void customerAdvisorAndComplianceJourneyInChromium(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            server.awaitHealthy(Duration.ofSeconds(120));
            Path screenshots = NodeScript.REPO.resolve("server/target/screenshots");
            for (String shot : SHOTS) {
                Files.deleteIfExists(screenshots.resolve(shot + ".png"));
            }
            Map<String, String> env = Map.of(
                    "BASE_URL", server.baseUrl(),
                    "CUSTOMER_USER", "li", "ADVISOR_USER", "alice", "ADVISOR_ID", "alice", "SUPERVISOR_USER", "sam", "COMPLIANCE_USER", "shen",
                    "PASSWORD", "demo1234",
                    "SCREENSHOTS", screenshots.toString());
            try (NodeScript journey = NodeScript.start("agent-web/src/test/browser/journey.js", env, line -> { })) {
                journey.awaitPrinted("JOURNEY OK", Duration.ofMinutes(5), server.logDigest());
                assertThat(journey.output()).contains("Alice Wong").contains("唔該晒").contains("framesDecoded");
                for (String shot : SHOTS) {
                    assertThat(screenshots.resolve(shot + ".png")).as(shot).exists();
                }
            }
        }
    }
}
