package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 item 1: a SIP customer (SIPp) calls the general queue, alice accepts in her web console, and the caller
 * hangs up first. The interaction ends once: alice goes to wrap-up (console and supervisor board), finishes it and
 * is Ready again, and a second SIP caller reaches her. Her reopened console shows no dead call and one row per call.
 */
@Tag("peer")
class SipCallerHangsUpFirstTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aSipCallerWhoHangsUpFirstMovesTheAdvisorToWrapUpAndTheNextCallerReachesHer(@TempDir Path dir) throws Exception {
        Path speech = SipJourneyTest.speechWav(dir, "Hello, I would like to check my balance.");
        try (ServerProcess server = ServerProcess.start(dir, "--contact.media.port-min=0", "--contact.media.port-max=0")) {
            server.awaitHealthy(Duration.ofMinutes(5)); // a busy shared machine starts slowly
            WebSession alice = WebSession.signIn(server.baseUrl(), "alice", "demo1234");
            WebSession sam = WebSession.signIn(server.baseUrl(), "sam", "demo1234");
            try (ConsoleSocket console = ConsoleSocket.open(alice, "/ws/agent")) {
                console.ready(WAIT);

                for (int call = 1; call <= 2; call++) {
                    Process customer = callGeneral(dir, server, "call" + call, speech);
                    try {
                        JsonNode offer = console.await("offer", m -> true, WAIT);
                        String id = offer.path("customer").path("interactionId").asString();
                        console.send("{\"type\":\"accept\",\"interactionId\":\"" + id + "\"}");
                        console.await("connected", m -> m.path("customer").path("interactionId").asString().equals(id), WAIT);
                        assertThat(customer.waitFor(60, TimeUnit.SECONDS) && customer.exitValue() == 0)
                                .as("the caller was answered, talked and hung up:\n" + SipJourneyTest.read(dir.resolve("call" + call + ".err")))
                                .isTrue();
                        console.await("ended", m -> m.path("interactionId").asString().equals(id), WAIT);
                        console.await("presence", m -> m.path("state").asString().equals("WRAP_UP"), WAIT);
                        assertThat(advisorRow(sam).path("state").asString()).as("the supervisor board").isEqualTo("WRAP_UP");

                        console.send("{\"type\":\"wrapup\",\"code\":\"RESOLVED\",\"notes\":\"balance given\"}");
                        console.await("presence", m -> m.path("state").asString().equals("READY"), WAIT);
                        assertThat(advisorRow(sam).path("state").asString()).isEqualTo("READY");
                    } finally {
                        customer.destroyForcibly();
                    }
                }
            }
            try (ConsoleSocket reopened = ConsoleSocket.open(alice, "/ws/agent")) {
                JsonNode desk = reopened.await("desk", m -> true, WAIT);
                assertThat(desk.path("active")).as("no dead call comes back after a reload").isEmpty();
                assertThat(desk.path("today")).as("one row per call in today's interactions").hasSize(2);
                assertThat(desk.path("presence").path("state").asString()).isEqualTo("READY");
            }
        }
    }

    private static Process callGeneral(Path dir, ServerProcess server, String name, Path speech) throws Exception {
        Path injection = dir.resolve(name + ".csv");
        Files.writeString(injection, "SEQUENTIAL\n0;smith;\n");
        return SipJourneyTest.sipp(dir, name, SipJourneyTest.scenario(dir, "customer-call.xml", speech),
                "-inf", injection.toString(), "-s", "general", "-au", "smith", "-ap", "phone-smith-1234", "-m", "1",
                "-p", String.valueOf(ServerProcess.freeUdpPort()), "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "127.0.0.1:" + server.sipPort);
    }

    private static JsonNode advisorRow(WebSession supervisor) throws Exception {
        for (JsonNode row : supervisor.json(200, "GET", "/api/supervisor/snapshot", null).path("advisors")) {
            if (row.path("agentId").asString().equals("alice")) {
                return row;
            }
        }
        throw new AssertionError("alice is not on the supervisor board");
    }
}
