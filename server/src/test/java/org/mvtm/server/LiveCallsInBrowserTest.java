package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvtm.recording.export.WebmReader;
import tools.jackson.databind.JsonNode;

/**
 * Live calls and chats with more than two people (issue 16 items 4 and 2) in headless Chromium, on the real server with
 * the demo data and its default browser audio (Opus, mixed through libopus): a supervisor listens, whispers and barges
 * in (each measured by what the other pages receive), is refused another region's call, and every step is audited and
 * on the timeline; a supervisor reads a live chat and sends the advisor a private note; an advisor consults a colleague
 * with the customer on hold, talks in a three-way call, and transfers the call to the colleague; an advisor shares her
 * screen. One server for all; the browser steps are in server/src/test/browser/live-calls.js, whose scenarios with
 * desk phones and a SIP caller are {@link LiveCallsWithDeskPhonesTest}.
 */
class LiveCallsInBrowserTest extends ServerForTheClass {
    private String scenario(String name) throws Exception {
        return scenario(server, dir, name);
    }

    /**
     * Runs the scenario {@code name} of live-calls.js against {@code server}, its exports under {@code dir}; answers
     * what the script printed.
     */
    static String scenario(ServerProcess server, Path dir, String name) throws Exception {
        Map<String, String> env = NodeScript.scenarioEnv(server, name);
        env.put("EXPORTS", Files.createDirectories(dir.resolve("exports")).toString());
        return NodeScript.run("server/src/test/browser/live-calls.js", env, server, "LIVE CALLS OK",
                line -> System.out.println("[browser] " + line));
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
        JsonNode result = NodeScript.result(scenario("screen"), "SCREEN");
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

    @Test
    void aSupervisorListensWhispersAndBargesInOnlyInTheirRegionsAndEveryStepIsAuditedAndOnTheTimeline() throws Exception {
        scenario("web");
    }

    /**
     * Issue 16 item 2: alice holds chan (who hears music and receives nothing from the relay) and consults bob (they
     * hear each other); resumed, it is a three-way video call where each receives the two others: their audio
     * (measured with one of them silent) and both their cameras, each decoded on a video stream of its own (frames
     * decoded growing on two received streams per page; chan and alice show bob in a tile beside the main video, bob
     * shows chan and alice in two tiles; screenshots three-way-video-*.png); held again and transferred to bob, chan
     * is resumed when bob accepts and talks to him, and sees one camera again (bob's; the colleague tile is gone); the
     * recording keeps alice's and bob's legs, bob's three-way camera as a video leg of its own, and the transfer.
     */
    @Test
    void aConsultTransferWithMusicAndAThreeWayCallWhereAllThreeReceiveAudioAndVideo() throws Exception {
        scenario("consult");
    }

    /** Issue 16 item 4: sam reads smith's live chat with alice and sends alice a note that smith never sees. */
    @Test
    void aSupervisorReadsALiveChatAndSendsTheAdvisorAPrivateNote() throws Exception {
        scenario("chat");
    }
}
