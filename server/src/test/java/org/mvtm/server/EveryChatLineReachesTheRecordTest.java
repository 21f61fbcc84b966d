package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, finding 1: a customer writes fast around the hand-off and the advisor answers while they still write.
 * On the real server, the transcript the customer was shown, the advisor's transcript and the compliance recording's
 * timeline must hold the same lines, once each, in the same order, with the same times.
 */
@Tag("slow")
class EveryChatLineReachesTheRecordTest {
    private static final String API = "/api/customer/conversations";
    private static final String[] PURPOSE = {"X-Purpose", "chat record test"};
    private static final List<String> TRANSCRIPT_KINDS = List.of("CUSTOMER_MESSAGE", "BOT_MESSAGE", "ADVISOR_MESSAGE",
            "SYSTEM_MESSAGE");

    /** One chat line as someone saw it: who, what, when. */
    record Seen(String speaker, String text, Instant at) {
    }

    @Test
    void aBurstOfFiftyLinesAroundAHandOffReachesTheRecordOnceInOrderWithTheTimesTheCustomerSaw(@TempDir Path dir)
            throws Exception {
        try (ServerProcess server = ServerProcess.start(dir)) {
            server.awaitHealthy(Duration.ofSeconds(90));
            WebSession david = WebSession.signIn(server.baseUrl(), "david", "demo1234");
            WebSession smith = WebSession.signIn(server.baseUrl(), "smith", "demo1234");
            try (ConsoleSocket desk = ConsoleSocket.open(david, "/ws/agent")) {
                desk.await("desk", m -> true, Duration.ofSeconds(10));
                desk.send("{\"type\":\"presence\",\"state\":\"READY\"}");

                String id = smith.json(201, "POST", API, "{\"language\":\"en\"}").path("conversationId").asString();
                CustomerChatApiTest.awaitLine(smith, id, 0, "BOT");

                // 50 lines 10 ms apart; "talk to a person" after the 20th; the advisor accepts and greets mid-burst
                CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                    try {
                        for (int n = 1; n <= 50; n++) {
                            smith.json(202, "POST", API + "/" + id + "/messages",
                                    "{\"text\":\"The shop refused my card twice today, what is going on? (" + n + ")\"}");
                            if (n == 20) {
                                smith.json(202, "POST", API + "/" + id + "/person", "{\"channel\":\"CHAT\"}");
                            }
                            Thread.sleep(10);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                JsonNode offer = desk.await("offer", m -> true, Duration.ofSeconds(60));
                String interaction = offer.path("customer").path("interactionId").asString();
                desk.send("{\"type\":\"accept\",\"interactionId\":\"" + interaction + "\"}");
                desk.await("connected", m -> true, Duration.ofSeconds(20));
                desk.send("{\"type\":\"chat\",\"interactionId\":\"" + interaction + "\",\"text\":\"Hello, this is David.\"}");
                burst.get();
                CustomerChatApiTest.awaitStatus(smith, id, "CONNECTED");
                CustomerChatApiTest.awaitLine(smith, id, 0, "ADVISOR");

                List<Seen> customerSaw = new ArrayList<>();
                smith.json(200, "GET", API + "/" + id + "/messages?after=0", null).path("lines").forEach(l ->
                        customerSaw.add(new Seen(l.path("speaker").asString(), l.path("text").asString(),
                                Instant.parse(l.path("at").asString()))));
                assertThat(customerSaw).filteredOn(s -> s.speaker().equals("CUSTOMER")).as("the customer's own lines")
                        .hasSize(50);
                assertThat(customerSaw).filteredOn(s -> s.text().startsWith("I'll connect you with one of our advisors"))
                        .as("the customer is told once that an advisor comes (issue 14, item 6)").hasSize(1);

                List<Seen> advisorSaw = new ArrayList<>();
                david.json(200, "GET", "/api/agent/interactions/" + interaction, null).path("transcript")
                        .forEach(l -> advisorSaw.add(new Seen(l.path("speaker").asString(), l.path("text").asString(),
                                Instant.parse(l.path("at").asString()))));
                assertThat(advisorSaw).as("the advisor's transcript is the customer's").containsExactlyElementsOf(customerSaw);

                smith.json(200, "DELETE", API + "/" + id, null);
                desk.await("ended", m -> m.path("interactionId").asString().equals(interaction), Duration.ofSeconds(10));

                WebSession officer = WebSession.signIn(server.baseUrl(), "connie", "demo1234");
                JsonNode recording = SipJourneyTest.sealedRecording(officer, "smith", PURPOSE);
                assertThat(recording).as("the chat is recorded and sealed").isNotNull();
                List<Seen> recorded = new ArrayList<>();
                officer.json(200, "GET", "/api/compliance/recordings/" + recording.path("id").path("value").asString()
                        + "/timeline", null, PURPOSE).forEach(e -> {
                            String kind = e.path("kind").asString();
                            if (TRANSCRIPT_KINDS.contains(kind)) {
                                recorded.add(new Seen(kind.substring(0, kind.indexOf('_')), e.path("text").asString(),
                                        Instant.parse(e.path("at").asString())));
                            }
                        });
                assertThat(recorded).as("the recording's timeline is what the customer saw, line for line")
                        .containsExactlyElementsOf(customerSaw);
            }
        }
    }
}
