package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * Live calls and chats with more than two people (issue 16 items 4 and 2) in headless Chromium, and a SIPp caller, on
 * the real server with the demo data and its default browser audio (Opus, mixed through libopus): a supervisor
 * listens, whispers and barges in (each measured by what the other pages receive), is refused another region's call,
 * and every step is audited and on the timeline; a supervisor listens to a SIP caller, reads a live chat and sends the
 * advisor a private note (the SIP call is G.711: the PCMU mix); an advisor consults a colleague with the customer on
 * hold, talks in a three-way call, and transfers the call to the colleague. One server for all; the browser steps are in server/src/test/browser/live-calls.js.
 */
@Tag("peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveCallsInBrowserTest {
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
        try (NodeScript script = NodeScript.start("server/src/test/browser/live-calls.js", env,
                line -> System.out.println("[browser] " + line))) {
            int exit = script.await(Duration.ofMinutes(4));
            assertThat(script.output()).as("browser output; server log:\n" + server.output())
                    .contains("LIVE CALLS OK");
            assertThat(exit).isZero();
        }
    }

    @Test
    void aSupervisorListensWhispersAndBargesInOnlyInTheirRegionsAndEveryStepIsAuditedAndOnTheTimeline() throws Exception {
        scenario("web");
    }

    /**
     * Issue 16 item 2: alice holds chan (who hears music and receives nothing from the relay) and consults bob (they
     * hear each other); resumed, it is a three-way call where each receives the two others (measured with one of
     * them silent); held again and transferred to bob, chan is resumed when bob accepts and talks to him; the
     * recording keeps alice's and bob's legs and the transfer.
     */
    @Test
    void aConsultTransferWithMusicAndAThreeWayCallWhereAllThreeReceiveAudio() throws Exception {
        scenario("consult");
    }

    /** Issue 16 item 4: sam reads smith's live chat with alice and sends alice a note that smith never sees. */
    @Test
    void aSupervisorReadsALiveChatAndSendsTheAdvisorAPrivateNote() throws Exception {
        scenario("chat");
    }

    /** A SIPp caller speaks (PCMU, looped) until the test ends it; alice answers in her console, sam listens. */
    @Test
    void aSupervisorListensToASipCaller() throws Exception {
        Path speech = SipJourneyTest.speechWav(dir, "Hello, I would like to check the balance of my savings account please.");
        Path scenario = SipJourneyTest.scenario(dir, "customer-call.xml", speech);
        Files.writeString(scenario, Files.readString(scenario)
                .replace("<pause milliseconds=\"5000\"/>", "<pause milliseconds=\"180000\"/>"));
        Path injection = dir.resolve("monitored.csv");
        Files.writeString(injection, "SEQUENTIAL\n0;smith;\n");
        Process caller = SipJourneyTest.sipp(dir, "monitored", scenario, "-inf", injection.toString(), "-s", "general",
                "-au", "smith", "-ap", "phone-smith-1234", "-m", "1",
                "-p", String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
        try {
            scenario("sip");
        } finally {
            caller.destroyForcibly();
        }
    }
}
