package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 3, 10 and 11 in the advisor console, headless Chromium on the real server: a refusal reads as a
 * sentence in the advisor's language, wrap-up notes never reach the presence badge or the supervisor board, and
 * signing out shows the advisor Logged out to the supervisor. And a shared desk: once sam signs in in another tab of
 * the same browser, the server closes the socket of alice's console and her tab goes to sam's console without a
 * request of its own (its API requests are held back), instead of showing alice's while its socket still acts as her;
 * sam then opens the advisor console, not for his role, and the page he gets says who he is and leads back to his
 * own; when he signs out in the other tab, the server closes his console's socket in this one, which goes to sign
 * in. The browser steps live in server/src/test/browser/console-presence.js; the customer chats over the HTTP API.
 */
@Tag("peer")
class ConsolePresenceInBrowserTest {
    private static final String API = "/api/customer/conversations";

    @Test
    void refusalsAreTranslatedNotesStayOutOfPresenceSigningOutLogsTheAdvisorOutAndASharedDeskTabsSocketClosesForWhoSignedInOrOutAndAPageNotForYourRoleLeadsBack(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofMinutes(5)); // a busy shared machine starts slowly
            CountDownLatch ready = new CountDownLatch(1);
            Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "PASSWORD", "demo1234",
                    "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
            try (NodeScript console = NodeScript.start("server/src/test/browser/console-presence.js", env, line -> {
                if (line.equals("ADVISOR READY")) {
                    ready.countDown();
                }
            })) {
                assertThat(ready.await(3, TimeUnit.MINUTES)).as("alice ready in the console:\n" + console.output()).isTrue();
                WebSession smith = WebSession.signIn(server.baseUrl(), "smith", "demo1234");
                String id = smith.json(201, "POST", API, "{\"language\":\"en\"}").path("conversationId").asString();
                smith.json(202, "POST", API + "/" + id + "/person", "{\"channel\":\"CHAT\"}");

                console.awaitPrinted("PRESENCE OK", Duration.ofMinutes(4), server.logDigest());
                assertThat(console.output()).doesNotContain("cannot go from").contains("SHARED DESK moved to sam's console when the server closed alice's socket",
                        "SIGNED OUT desk tab went to sign in");
            }
        }
    }
}
