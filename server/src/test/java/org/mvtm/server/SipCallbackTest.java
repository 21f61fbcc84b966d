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
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, the SIP in-queue callback on the real server, with SIPp as the customer, as the SIP trunk and as the
 * advisor's desk phone. smith calls the general queue while no advisor is ready, presses 1 by SIP INFO, hears the
 * confirmation and hangs up; his interaction stays in the queue with its waiting time running on. david becomes
 * ready on his desk phone and answers the offer; the server then calls smith back through the trunk at the number his
 * phone asserted (P-Asserted-Identity): the trunk refuses the first try (486), the server tries again after the
 * interval and the second try is answered; both sides speak, the trunk hangs up, david's phone gets the BYE. The call
 * is recorded like an inbound one (both legs audible) and its timeline says it was a callback, with each try.
 */
@Tag("peer")
class SipCallbackTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String[] PURPOSE = {"X-Purpose", "SIP callback test"};
    private static final String NUMBER = "+447700900123";

    @Test
    void aSipCallerWhoPressesTheCallbackKeyHangsUpKeepsTheirPlaceAndIsCalledBackThroughTheTrunkAndRecorded(
            @TempDir Path dir) throws Exception {
        Path speech = SipJourneyTest.speechWav(dir, "Hello, thank you for calling me back about my savings account.");
        int trunkPort = ServerProcess.freeUdpPort();
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0",
                "--contact.wait.callbacks.sip-trunk=127.0.0.1:" + trunkPort, "--contact.wait.callbacks.attempts=3",
                "--contact.wait.callbacks.interval=1s", "--contact.wait.callbacks.ring-timeout=20s")) {
            server.awaitHealthy(Duration.ofMinutes(5));
            WebSession sam = WebSession.signIn(server.baseUrl(), "sam", "demo1234");

            try (IvrCallerMedia phone = new IvrCallerMedia()) {
                Process customer = askForCallback(dir, server, phone);
                try {
                    await("smith waits in the general queue").atMost(WAIT).until(() -> waiting(sam) != null);
                    JsonNode before = waiting(sam);
                    await("smith pressed the callback key").atMost(WAIT).until(() ->
                            SipJourneyTest.read(dir.resolve("smith-actions.log")).contains("CALLBACK KEY SENT"));
                    int mark = phone.mark();
                    await("smith hears the confirmation to its end").atMost(WAIT).until(() -> phone.promptEnded(mark));
                    assertThat(IvrCallerMedia.meanEnergy(phone.samples(mark))).as("the confirmation is spoken")
                            .isGreaterThan(300);
                    assertThat(customer.waitFor(60, TimeUnit.SECONDS) && customer.exitValue() == 0)
                            .as("SIPp: INVITE/auth/183/INFO 200/CANCEL 200/487:\n"
                                    + SipJourneyTest.read(dir.resolve("smith.err"))).isTrue();
                    JsonNode after = waiting(sam);
                    assertThat(after).as("smith hung up but keeps his place in the queue").isNotNull();
                    assertThat(after.path("interactionId").asString()).isEqualTo(before.path("interactionId").asString());
                    assertThat(after.path("secondsWaiting").asLong()).as("his waiting time runs on (same aging)")
                            .isGreaterThanOrEqualTo(before.path("secondsWaiting").asLong());
                } finally {
                    customer.destroyForcibly();
                }
            }

            Path trunkScenario = dir.resolve("trunk-callback.xml");
            Files.writeString(trunkScenario, Files.readString(SipJourneyTest.scenario(dir, "trunk-callback.xml", speech))
                    .replace("@NUMBER@", "\\" + NUMBER));
            Process trunk = SipJourneyTest.sipp(dir, "trunk", trunkScenario, "-m", "2", "-p", String.valueOf(trunkPort),
                    "-mp", String.valueOf(ServerProcess.freeUdpPort()), "-trace_logs",
                    "-log_file", dir.resolve("trunk-actions.log").toString());
            Process desk = readyOnDeskPhone(dir, server, "david", speech);
            try {
                assertThat(trunk.waitFor(120, TimeUnit.SECONDS) && trunk.exitValue() == 0)
                        .as("the trunk refused the first try, answered the second, heard and sent speech and hung up:\n"
                                + SipJourneyTest.read(dir.resolve("trunk.err")) + "\n"
                                + SipJourneyTest.read(dir.resolve("trunk-actions.log"))).isTrue();
                assertThat(desk.waitFor(60, TimeUnit.SECONDS) && desk.exitValue() == 0)
                        .as("david's desk phone answered the offer and got the BYE:\n"
                                + SipJourneyTest.read(dir.resolve("phone.err"))).isTrue();
            } finally {
                trunk.destroyForcibly();
                desk.destroyForcibly();
            }

            WebSession officer = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
            String id = SipJourneyTest.recordedVoiceCallWithBothLegs(officer, "smith", "david", PURPOSE, 300);
            List<String> system = new ArrayList<>();
            for (JsonNode e : officer.json(200, "GET", "/api/compliance/recordings/" + id + "/timeline", null, PURPOSE)) {
                if (e.path("kind").asString().equals("SYSTEM_MESSAGE")) {
                    system.add(e.path("text").asString());
                }
            }
            assertThat(system).as("the timeline shows a callback, each try and the outcome")
                    .anyMatch(t -> t.startsWith("callback requested at " + NUMBER))
                    .anyMatch(t -> t.contains("try 1 to " + NUMBER + " failed (the trunk answered 486"))
                    .anyMatch(t -> t.equals("callback answered at " + NUMBER + " on try 2"));
        }
    }

    private static Process askForCallback(Path dir, ServerProcess server, IvrCallerMedia phone) throws Exception {
        Path injection = dir.resolve("smith.csv");
        Files.writeString(injection, "SEQUENTIAL\n0;smith;" + phone.port() + ";tel:" + NUMBER + ";1;\n");
        return SipJourneyTest.sipp(dir, "smith", SipJourneyTest.scenario(dir, "customer-callback.xml", dir),
                "-inf", injection.toString(), "-s", "general", "-au", "smith", "-ap", "phone-smith-1234", "-m", "1",
                "-d", "8000", "-trace_logs", "-log_file", dir.resolve("smith-actions.log").toString(),
                "-p", String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
    }

    /**
     * {@code advisor}'s desk phone (SIPp answering with speech) registers first, then the advisor says READY in the
     * console: the callback already waiting is offered to the phone at once.
     */
    private static Process readyOnDeskPhone(Path dir, ServerProcess server, String advisor, Path speech)
            throws Exception {
        int answerPort = ServerProcess.freeUdpPort();
        Path injection = dir.resolve("phone.csv");
        Files.writeString(injection, "SEQUENTIAL\n" + answerPort + ";" + advisor + ";\n");
        Process phone = SipJourneyTest.sipp(dir, "phone", SipJourneyTest.scenario(dir, "phone-answer.xml", speech),
                "-s", advisor, "-m", "1", "-p", String.valueOf(answerPort), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
        Process register = SipJourneyTest.sipp(dir, "register", SipJourneyTest.scenario(dir, "phone-register.xml", speech),
                "-inf", injection.toString(), "-s", advisor, "-au", advisor, "-ap", "phone-" + advisor + "-1234", "-m", "1",
                "-p", String.valueOf(ServerProcess.freeUdpPort()), "127.0.0.1:" + server.sipPort);
        if (!(register.waitFor(30, TimeUnit.SECONDS) && register.exitValue() == 0)) {
            phone.destroyForcibly();
            throw new AssertionError("the phone did not register:\n" + SipJourneyTest.read(dir.resolve("register.err")));
        }
        WebSession web = WebSession.signIn(server.baseUrl(), advisor, "demo1234");
        try (ConsoleSocket console = ConsoleSocket.open(web, "/ws/agent")) {
            console.ready(WAIT);
        }
        return phone;
    }

    /** smith's row on the supervisor's list of waiting customers, or null. */
    private static JsonNode waiting(WebSession supervisor) throws Exception {
        for (JsonNode row : supervisor.json(200, "GET", "/api/supervisor/waiting", null)) {
            if (row.path("channel").asString().equals("VOICE")) {
                return row;
            }
        }
        return null;
    }
}
