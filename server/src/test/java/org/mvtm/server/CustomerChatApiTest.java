package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The customer chat over plain HTTP ({@code /api/customer/conversations}) on the real server with its demo data: the
 * real assistant answers, "talk to a person" reaches routing once, and bad requests get clear errors. One server for
 * both: the journey first (it needs a fresh demo, nobody waiting), then the bad requests in a new conversation.
 */
@Tag("slow")
@ExtendWith(SharedDemoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerChatApiTest {
    private static final String API = "/api/customer/conversations";
    private ServerProcess server;

    @BeforeAll
    void server(ServerProcess shared) {
        server = shared;
    }

    @Test
    @Order(1)
    void anAppChatsWithTheAssistantOverHttpIsQueuedOnceAndChatsWithTheAdvisorWhoAccepts() throws Exception {
        WebSession smith = WebSession.signIn(server.baseUrl(), "smith", "demo1234");

        JsonNode opened = smith.json(201, "POST", API, "{\"language\":\"en\"}");
        String id = opened.path("conversationId").asString();
        assertThat(opened.path("status").asString()).isEqualTo("WITH_BOT");
        List<JsonNode> greeting = awaitLine(smith, id, 0, "BOT");
        assertThat(greeting.getLast().path("text").asString()).isNotBlank();

        String question = "The shop refused my card twice today, what is going on?";
        String say = "{\"text\":\"" + question + "\",\"messageId\":\"app-1\"}";
        JsonNode accepted = smith.json(202, "POST", API + "/" + id + "/messages", say);
        JsonNode retried = smith.json(202, "POST", API + "/" + id + "/messages", say);
        assertThat(accepted.path("duplicate").asBoolean()).isFalse();
        assertThat(retried.path("duplicate").asBoolean()).as("a retried POST is recognised").isTrue();
        assertThat(retried.path("after").asInt()).isEqualTo(accepted.path("after").asInt());

        List<JsonNode> reply = awaitLine(smith, id, accepted.path("after").asInt(), "BOT");
        assertThat(reply.getFirst().path("speaker").asString()).isEqualTo("CUSTOMER");
        assertThat(reply.getLast().path("text").asString()).as("the declined-card answer").contains("declined");
        JsonNode all = smith.json(200, "GET", API + "/" + id + "/messages?after=0", null);
        assertThat(all.path("lines").valueStream().filter(l -> l.path("text").asString().equals(question)))
                .as("the retried line is said once").hasSize(1);

        JsonNode asked = smith.json(202, "POST", API + "/" + id + "/person", "{\"channel\":\"CHAT\"}");
        assertThat(asked.path("conversationId").asString()).isEqualTo(id);
        smith.json(202, "POST", API + "/" + id + "/person", "{\"channel\":\"CHAT\"}");
        JsonNode queued = awaitStatus(smith, id, "QUEUED");
        assertThat(queued.path("position").asInt()).as("nobody is ready in a fresh demo: first in line").isEqualTo(1);
        assertThat(queued.path("waiting").asInt()).as("asking twice queues once").isEqualTo(1);
        String interaction = queued.path("interactionId").asString();

        WebSession chan = WebSession.signIn(server.baseUrl(), "chan", "demo1234");
        assertThat(chan.send("GET", API + "/" + id, null).statusCode())
                .as("another customer's conversation is not found").isEqualTo(404);
        String chanId = chan.json(201, "POST", API, "{\"language\":\"yue\"}").path("conversationId").asString();
        chan.json(202, "POST", API + "/" + chanId + "/messages", "{\"text\":\"我想搵真人傾下\"}");
        assertThat(awaitStatus(chan, chanId, "QUEUED").path("language").asString()).isEqualTo("yue");

        // David (English, cards) takes Smith's card question; Chan (Cantonese) is not his to take.
        WebSession david = WebSession.signIn(server.baseUrl(), "david", "demo1234");
        assertThat(david.send("GET", "/api/agent/interactions/" + interaction, null).statusCode())
                .as("not offered to david yet").isEqualTo(403);
        try (ConsoleSocket desk = ConsoleSocket.open(david, "/ws/agent")) {
            desk.await("desk", m -> true, Duration.ofSeconds(10));
            desk.send("{\"type\":\"presence\",\"state\":\"READY\"}");
            desk.await("offer", m -> m.path("customer").path("interactionId").asString().equals(interaction),
                    Duration.ofSeconds(20));

            JsonNode context = david.json(200, "GET", "/api/agent/interactions/" + interaction, null);
            assertThat(context.path("customerId").asString()).isEqualTo("smith");
            assertThat(context.path("handoffReason").asString()).isEqualTo("CUSTOMER_ASKED");
            assertThat(context.path("transcript").valueStream().map(l -> l.path("text").asString()))
                    .as("the advisor sees what the customer asked the bot over HTTP").contains(question);
            assertThat(chan.send("GET", "/api/agent/interactions/" + interaction, null).statusCode())
                    .as("a customer cannot read the advisor api").isEqualTo(403);

            desk.send("{\"type\":\"accept\",\"interactionId\":\"" + interaction + "\"}");
            assertThat(awaitStatus(smith, id, "CONNECTED").path("advisorName").asString()).isEqualTo("David Smith");
            int before = smith.json(200, "GET", API + "/" + id + "/messages?after=0", null).path("next").asInt();
            desk.send("{\"type\":\"chat\",\"interactionId\":\"" + interaction
                    + "\",\"text\":\"Hello, this is David. Let me check your card.\"}");
            assertThat(awaitLine(smith, id, before, "ADVISOR").getLast().path("text").asString())
                    .isEqualTo("Hello, this is David. Let me check your card.");
            smith.json(202, "POST", API + "/" + id + "/messages", "{\"text\":\"Thank you, David\"}");
            desk.await("chat", m -> m.path("text").asString().equals("Thank you, David")
                    && m.path("speaker").asString().equals("CUSTOMER"), Duration.ofSeconds(10));

            smith.json(200, "DELETE", API + "/" + id, null);
            desk.await("ended", m -> m.path("interactionId").asString().equals(interaction), Duration.ofSeconds(10));
        }
        assertThat(awaitGone(smith, id)).as("the finished conversation is closed").isTrue();
        assertThat(chan.json(200, "GET", API + "/" + chanId, null).path("position").asInt())
                .as("chan still waits for a Cantonese speaker").isEqualTo(1);
    }

    @Test
    @Order(2)
    void badRequestsGetAClearErrorAndChangeNothing() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        assertThat(anonymous.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + API)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("not signed in").isEqualTo(401);

        WebSession smith = WebSession.signIn(server.baseUrl(), "smith", "demo1234");
        String id = open(smith, "en");
        String messages = API + "/" + id + "/messages";

        JsonNode broken = smith.json(400, "POST", messages, "{\"text\": \"hello");
        assertThat(broken.path("message").asString()).contains("not the JSON object");
        assertThat(smith.json(400, "POST", messages, "{\"text\":\"   \"}").path("message").asString())
                .contains("text is required");
        assertThat(smith.json(413, "POST", messages, "{\"text\":\"" + "a".repeat(20_001) + "\"}")
                .path("message").asString()).contains("20001 characters");
        assertThat(smith.json(400, "GET", messages + "?after=999", null).path("message").asString())
                .contains("after must be between 0 and");
        assertThat(smith.json(400, "POST", API + "/" + id + "/person", "{\"channel\":\"FAX\"}")
                .path("message").asString()).contains("CHAT, VIDEO or VOICE");
        assertThat(smith.json(404, "GET", API + "/not-a-conversation", null).path("message").asString())
                .contains("no open conversation");
        var forged = smith.http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + messages))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(forged.statusCode()).as("a POST without the CSRF token").isEqualTo(403);

        // demo mode's built-in issuer: the token alone (no cookie) reaches smith's conversation; a tampered one not
        String token = smith.json(200, "POST", "/demo-identity/token", "{}").path("token").asString();
        var withToken = anonymous.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + API + "/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        var tampered = anonymous.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + API))
                .header("Authorization", "Bearer " + token.substring(0, token.lastIndexOf('.') + 1) + "AAAA")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.body()).contains("signature does not verify");

        JsonNode transcript = smith.json(200, "GET", messages + "?after=0", null);
        assertThat(transcript.path("lines").valueStream().map(l -> l.path("speaker").asString()))
                .as("none of the bad requests said anything").containsOnly("BOT");
        assertThat(transcript.path("status").asString()).isEqualTo("WITH_BOT");
    }

    /** Opens a conversation with the assistant in {@code language} and waits for its greeting; the conversation id. */
    static String open(WebSession s, String language) throws Exception {
        String id = s.json(201, "POST", API, "{\"language\":\"" + language + "\"}").path("conversationId").asString();
        awaitLine(s, id, 0, "BOT");
        return id;
    }

    /** Says a line and returns the bot's answer to it. */
    static String ask(WebSession s, String id, String text) throws Exception {
        int after = s.json(202, "POST", API + "/" + id + "/messages",
                "{\"text\":" + WebSession.JSON.writeValueAsString(text) + "}").path("after").asInt();
        return awaitLine(s, id, after, "BOT").getLast().path("text").asString();
    }

    /** Long-polls from {@code after} until a line of {@code speaker} arrives; all lines seen from {@code after}. */
    static List<JsonNode> awaitLine(WebSession s, String id, int after, String speaker) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        int next = after;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = s.json(200, "GET", API + "/" + id + "/messages?after=" + next + "&waitSeconds=5", null);
            page.path("lines").forEach(seen::add);
            next = page.path("next").asInt();
            if (seen.stream().anyMatch(l -> l.path("speaker").asString().equals(speaker))) {
                return seen;
            }
        }
        throw new AssertionError("no " + speaker + " line after " + after + " within 30 s; saw " + seen);
    }

    static JsonNode awaitStatus(WebSession s, String id, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = s.json(200, "GET", API + "/" + id, null);
            if (last.path("status").asString().equals(status)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("conversation " + id + " never became " + status + "; last " + last);
    }

    private static boolean awaitGone(WebSession s, String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (s.send("GET", API + "/" + id, null).statusCode() == 404) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
