package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.recording.export.WebmReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private String scenario(String name) throws Exception {
        Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "SCENARIO", name, "PASSWORD", "demo1234",
                "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString(),
                "EXPORTS", Files.createDirectories(dir.resolve("exports")).toString());
        try (NodeScript script = NodeScript.start("server/src/test/browser/live-calls.js", env,
                line -> System.out.println("[browser] " + line))) {
            int exit = script.await(Duration.ofMinutes(4));
            assertThat(script.output()).as("browser output; server log:\n" + server.output())
                    .contains("LIVE CALLS OK");
            assertThat(exit).isZero();
            return script.output();
        }
    }

    /**
     * Issue 22 item 1: alice shares her screen (Chromium's fake screen capture) in a video call with chan, stops and
     * shares again; chan's page decodes the screen on its own video track, shown large beside the cameras, and no
     * screen frames while alice does not share. The recording has three video legs (chan's camera, alice's camera,
     * alice's screen); the compliance console starts the screen at its offset into the recording and seeks all three
     * in step; placed on the recording's clock that way (each export from its leg's first packet), the screen's
     * frames fall inside the two shares and none in the pause, while both cameras have frames across all of it.
     */
    @Test
    void anAdvisorSharesHerScreenTwiceAndTheRecordingsThreeVideoLegsReplayInStep() throws Exception {
        String output = scenario("screen");
        JsonNode result = new JsonMapper().readTree(output.lines().filter(l -> l.startsWith("SCREEN RESULT "))
                .findFirst().orElseThrow().substring("SCREEN RESULT ".length()));
        Instant shared = Instant.parse(result.get("sharedAt").asString());
        Instant stopped = Instant.parse(result.get("stoppedAt").asString());
        Instant reshared = Instant.parse(result.get("resharedAt").asString());
        Instant ended = Instant.parse(result.get("endedAt").asString());
        assertThat(result.get("legs")).hasSize(3);
        for (JsonNode leg : result.get("legs")) {
            Instant first = Instant.parse(leg.get("firstPacketAt").asString());
            WebmReader webm = WebmReader.parse(Files.readAllBytes(Path.of(leg.get("file").asString())));
            List<Instant> frames = webm.blocks.stream().filter(b -> "V_VP8".equals(webm.codecOf(b.track())))
                    .map(b -> first.plusMillis(b.timeMillis())).toList();
            String what = leg.get("party").asString() + " " + leg.get("kind").asString() + " leg";
            Instant pauseFrom = stopped.plus(ALIGNMENT);
            Instant pauseTo = reshared.minus(ALIGNMENT);
            long inPause = frames.stream().filter(t -> t.isAfter(pauseFrom) && t.isBefore(pauseTo)).count();
            System.out.printf("%s: %d frames from %s, %d in the pause%n", what, frames.size(), first, inPause);
            assertThat(Duration.between(pauseFrom, pauseTo)).as("the pause is long enough to tell").isPositive();
            assertThat(frames).as(what + ": frames during the first share")
                    .anyMatch(t -> t.isAfter(shared) && t.isBefore(stopped));
            assertThat(frames).as(what + ": frames during the second share")
                    .anyMatch(t -> t.isAfter(reshared.plus(ALIGNMENT)) && t.isBefore(ended));
            if (leg.get("kind").asString().equals("SCREEN")) {
                assertThat(first).as("the screen leg starts when alice shares").isAfter(shared.minus(ALIGNMENT));
                assertThat(inPause).as(what + ": frames while alice did not share").isZero();
            } else {
                assertThat(first).as(what + " starts before the share").isBefore(shared);
                assertThat(inPause).as(what + ": the camera goes on while the screen pauses").isPositive();
            }
        }
    }

    /**
     * How far an exported frame's time may sit from its packet's arrival (as in FirstHourConsolesTest): the export
     * places packets by RTP timestamp from the leg's first arrival.
     */
    private static final Duration ALIGNMENT = Duration.ofMillis(400);

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
