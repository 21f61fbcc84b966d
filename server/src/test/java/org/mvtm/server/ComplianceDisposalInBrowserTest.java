package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 on the real server: a customer who talks only with the assistant and leaves is kept as a chat-only
 * recording with the transcript; in the compliance console (headless Chromium, server/src/test/browser/
 * compliance-disposal.js) connie puts it on legal hold, lifts the hold and requests its deletion, cannot approve her own
 * request, and a second officer approves it in Traditional Chinese: the recording is gone and the audit shows who did
 * what.
 */
@Tag("peer")
class ComplianceDisposalInBrowserTest {
    private static final String API = "/api/customer/conversations";
    private static final String[] PURPOSE = {"X-Purpose", "erasure request E-1"};

    @Test
    void aBotOnlyChatIsRecordedAndItsDeletionNeedsASecondOfficerInTheConsole(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofMinutes(5)); // a busy shared machine starts slowly
            WebSession chan = WebSession.signIn(server.baseUrl(), "chan", "demo1234");
            String conversation = chan.json(201, "POST", API, "{\"language\":\"yue\"}").path("conversationId").asString();
            chan.json(202, "POST", API + "/" + conversation + "/messages", "{\"text\":\"信用卡年費幾多錢？\"}");
            boolean answered = false;
            for (int i = 0; i < 30 && !answered; i++) {
                for (JsonNode line : chan.json(200, "GET", API + "/" + conversation + "/messages?after=1&waitSeconds=5", null)
                        .path("lines")) {
                    answered |= "BOT".equals(line.path("speaker").asString());
                }
            }
            assertThat(answered).as("the assistant answered").isTrue();
            chan.json(200, "DELETE", API + "/" + conversation, null); // leaves while still with the assistant

            WebSession connie = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
            JsonNode recording = SipJourneyTest.sealedRecording(connie, "chan", PURPOSE);
            assertThat(recording).as("the bot-only chat is kept as a recording").isNotNull();
            assertThat(recording.path("metadata").path("channel").asString()).isEqualTo("CHAT");
            String id = recording.path("id").path("value").asString();
            assertThat(connie.json(200, "GET", "/api/compliance/recordings/" + id + "/timeline", null, PURPOSE).toString())
                    .contains("信用卡年費幾多錢？", "BOT_MESSAGE");

            WebSession admin = WebSession.signIn(server.baseUrl(), "admin", "demo1234");
            admin.json(201, "POST", "/api/admin/users", """
                    {"username":"dora","displayName":"Dora Compliance","roles":["COMPLIANCE"],"regions":["HK"],"password":"second-pair-77"}""");

            Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "PASSWORD", "demo1234",
                    "SECOND_PASSWORD", "second-pair-77", "RECORDING", id,
                    "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
            NodeScript.run("server/src/test/browser/compliance-disposal.js", env, server, "DISPOSAL OK", line -> { });
            assertThat(connie.send("GET", "/api/compliance/recordings/" + id, null, PURPOSE).statusCode()).isEqualTo(404);
            String audit = connie.json(200, "GET", "/api/compliance/audit?recording=" + id, null, PURPOSE).toString();
            assertThat(audit).contains("\"LEGAL_HOLD\"", "\"RELEASE_HOLD\"", "\"DELETE_REQUEST\"", "\"DELETE\"", "dora");
        }
    }
}
