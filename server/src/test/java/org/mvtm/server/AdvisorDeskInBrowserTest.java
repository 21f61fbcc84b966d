package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advisor's working day in the consoles (issue 16 items 1, 6 and 7), in headless Chromium with a fake camera and
 * microphone on the real server started as the README starts it, with the demo data. The browser steps are in
 * server/src/test/browser/advisor-desk.js; each scenario leaves its advisors Not ready and nobody waiting, so they
 * share one server.
 */
@Tag("peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvisorDeskInBrowserTest {
    @TempDir
    static Path dir;
    private ServerProcess server;

    @BeforeAll
    void startServer() throws Exception {
        server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0");
        server.awaitHealthy(Duration.ofSeconds(180));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void scenario(String name) throws Exception {
        Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "SCENARIO", name, "PASSWORD", "demo1234",
                "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());
        try (NodeScript script = NodeScript.start("server/src/test/browser/advisor-desk.js", env, line -> { })) {
            int exit = script.await(Duration.ofMinutes(4));
            assertThat(script.output()).as("browser output; server log:\n" + server.output()).contains("ADVISOR DESK OK " + name);
            assertThat(exit).isZero();
        }
    }

    /**
     * Item 1: an advisor holds a video call and two chats at once, each in its own tab with unread marks and a kept
     * draft, switches with Alt+2, Alt+3 and Alt+1 and answers all three: each customer receives only the reply meant
     * for them, and the video keeps flowing both ways while the chats are worked; each is wrapped up in its tab.
     */
    @Test
    void anAdvisorAnswersAVideoCallAndTwoChatsAtOnce() throws Exception {
        scenario("three-at-once");
    }

    /**
     * Items 6 and 7: the supervisor moves a waiting customer to another queue from the board, sees whom an advisor
     * talks to, and sets the advisor Not ready with a reason while they are in a chat (the advisor is told at once and is
     * Not ready when the chat ends); the audit log holds both actions, the chat's recording timeline the forced change,
     * and compliance finds the chat's wrap-up code and notes by a word of the notes.
     */
    @Test
    void aSupervisorMovesAWaitingCustomerAndSetsAnAdvisorNotReadyAuditedAndOnTheTimeline() throws Exception {
        scenario("supervisor");
    }
}
