package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.sip.support.RtpPhone;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 3 on the real server: a SIPp customer calls the general queue (its SDP names an RTP port this test
 * listens on), alice accepts in her web console, and the caller puts the call on hold and resumes it from the phone
 * (re-INVITEs with a=sendonly, then a=sendrecv: both answered 200; a 488 fails SIPp). Then alice presses Hold: the
 * caller hears music (energy measured at its RTP port); Resume: the music stops. The queue music the caller heard
 * while waiting stopped when alice answered. Alice hangs up (SIPp receives the BYE), and the recording's timeline
 * names who held: the customer, then the advisor.
 */
@Tag("peer")
class SipCallerHeldByWebAdvisorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] PURPOSE = {"X-Purpose", "SIP hold test"};

    @Test
    void aSipCallerHeldAndResumedByAWebAdvisorHearsMusicOnlyWhileHeldAndItsOwnReInvitesGet200(@TempDir Path dir)
            throws Exception {
        SipJourneyTest.speechWav(dir, "hold"); // checks that sipp, sox and espeak-ng are installed
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0");
             RtpPhone callerMedia = new RtpPhone()) {
            server.awaitHealthy(Duration.ofMinutes(5));
            WebSession alice = WebSession.signIn(server.baseUrl(), "alice", "demo1234");
            try (ConsoleSocket console = ConsoleSocket.open(alice, "/ws/agent")) {
                console.ready(WAIT);

                Path injection = dir.resolve("held.csv");
                Files.writeString(injection, "SEQUENTIAL\n0;smith;" + callerMedia.port() + ";\n");
                Path log = dir.resolve("held-actions.log");
                Process caller = SipJourneyTest.sipp(dir, "held", SipJourneyTest.scenario(dir, "customer-held.xml", dir),
                        "-inf", injection.toString(), "-s", "general", "-au", "smith", "-ap", "phone-smith-1234",
                        "-m", "1", "-trace_logs", "-log_file", log.toString(),
                        "-p", String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                        "127.0.0.1:" + server.sipPort);
                try {
                    await("the queued caller hears the queue music").atMost(WAIT)
                            .until(() -> callerMedia.packetsHeard() > 50 && callerMedia.meanEnergy() > 100);

                    JsonNode offer = console.await("offer", m -> true, WAIT);
                    String id = offer.path("customer").path("interactionId").asString();
                    console.send("{\"type\":\"accept\",\"interactionId\":\"" + id + "\"}");
                    console.await("connected", m -> m.path("customer").path("interactionId").asString().equals(id), WAIT);

                    await("the caller held and resumed from its phone, each re-INVITE answered 200").atMost(WAIT)
                            .until(() -> SipJourneyTest.read(log).contains("CUSTOMER RESUMED") || !caller.isAlive());
                    assertThat(caller.isAlive()).as("SIPp ended early (a re-INVITE not answered 200?):\n"
                            + SipJourneyTest.read(dir.resolve("held.err")) + "\nserver:\n" + server.output()).isTrue();
                    assertThat(heardInAQuietSecond(callerMedia))
                            .as("nothing reaches the answered caller: the queue music stopped (the advisor sends no audio)")
                            .isZero();

                    console.send("{\"type\":\"hold\",\"interactionId\":\"" + id + "\",\"on\":true}");
                    callerMedia.resetHearing();
                    await("the caller held by the advisor hears music").atMost(WAIT)
                            .until(() -> callerMedia.packetsHeard() > 100 && callerMedia.meanEnergy() > 100);
                    System.out.println("held caller: " + callerMedia.packetsHeard() + " packets, mean |sample| "
                            + callerMedia.meanEnergy());

                    console.send("{\"type\":\"hold\",\"interactionId\":\"" + id + "\",\"on\":false}");
                    await("the music stops when the advisor resumes").atMost(WAIT)
                            .until(() -> heardInAQuietSecond(callerMedia) == 0);

                    console.send("{\"type\":\"hangup\",\"interactionId\":\"" + id + "\"}");
                    assertThat(caller.waitFor(60, TimeUnit.SECONDS) && caller.exitValue() == 0)
                            .as("SIPp: INVITE/auth/200/ACK, re-INVITE sendonly 200, re-INVITE sendrecv 200, BYE from the"
                                    + " server:\n" + SipJourneyTest.read(dir.resolve("held.err"))).isTrue();
                } finally {
                    caller.destroyForcibly();
                }
            }

            WebSession officer = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
            JsonNode recording = SipJourneyTest.sealedRecording(officer, "smith", PURPOSE);
            assertThat(recording).as("the held call's recording").isNotNull();
            List<String> holds = new ArrayList<>();
            for (JsonNode e : officer.json(200, "GET", "/api/compliance/recordings/"
                    + recording.path("id").path("value").asString() + "/timeline", null, PURPOSE)) {
                String kind = e.path("kind").asString();
                if (kind.equals("HOLD") || kind.equals("RESUMED")) {
                    holds.add(kind + " " + e.path("actor").asString());
                }
            }
            assertThat(holds).as("the timeline names who held")
                    .containsExactly("HOLD customer", "RESUMED customer", "HOLD advisor", "RESUMED advisor");
        }
    }

    /** Packets the caller hears in one second from now. */
    private static long heardInAQuietSecond(RtpPhone ear) throws InterruptedException {
        ear.resetHearing();
        Thread.sleep(1000);
        return ear.packetsHeard();
    }
}
