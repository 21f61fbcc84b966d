package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a customer or an advisor does only in their own connected call (pause the recording, pass documents, share the
 * screen) is refused with the reason when there is no such call: 404 for a conversation that is not the customer's,
 * 409 while the conversation is still with the assistant, 403 for an interaction not connected with the advisor, 404
 * for a supervisor naming no live call. Every endpoint answers from the one lookup of its side
 * ({@code WebConversations.connectedCall}, {@code AdvisorDesks.connectedCall}, {@code CallMonitoring.Refused}), each in
 * its own format.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallBoundRequestsOutsideACallAreRefusedTest {
    @LocalServerPort
    int port;

    @Test
    void aCustomerIsToldWhetherTheConversationIsNotTheirsOrHasNoAdvisorYet() {
        Browserless customer = new Browserless(port);
        customer.login("nocall", WebTestApplication.PASSWORD);
        HttpResponse<String> notTheirs = customer.get("/api/customer/conversations/c-nope/pci-pause");
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body()).contains("\"error\":\"NOT_FOUND\"", "no open conversation c-nope of yours");

        HttpResponse<String> opened = customer.postJson("/api/customer/conversations", "{\"language\":\"en\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String id = ContactJourneyOverWebSocketTest.field(opened.body(), "conversationId");
        String conversation = "/api/customer/conversations/" + id;
        HttpResponse<String> pause = customer.get(conversation + "/pci-pause");
        assertThat(pause.statusCode()).isEqualTo(409);
        assertThat(pause.body()).contains("\"error\":\"CONFLICT\"",
                "conversation " + id + " is WITH_BOT: only a conversation connected with an advisor is recorded");
        HttpResponse<String> documents = customer.get(conversation + "/documents");
        assertThat(documents.statusCode()).isEqualTo(409);
        assertThat(documents.body()).contains("\"field\":\"conversation\"",
                "is WITH_BOT: documents are passed only with an advisor connected");
        HttpResponse<String> screen = customer.get(conversation + "/screen");
        assertThat(screen.statusCode()).isEqualTo(409);
        assertThat(screen.body()).contains("is WITH_BOT: a screen is shared only in a call with an advisor");
    }

    @Test
    void anAdvisorIsRefusedAnInteractionThatIsNotConnectedWithThem() {
        Browserless advisor = new Browserless(port);
        advisor.login("ada", WebTestApplication.PASSWORD);
        HttpResponse<String> pause = advisor.get("/api/agent/interactions/i-elsewhere/pci-pause");
        assertThat(pause.statusCode()).isEqualTo(403);
        assertThat(pause.body()).contains("\"error\":\"FORBIDDEN\"",
                "interaction i-elsewhere is not connected with agent-ada");
        HttpResponse<String> documents = advisor.get("/api/agent/interactions/i-elsewhere/documents");
        assertThat(documents.statusCode()).isEqualTo(403);
        assertThat(documents.body()).contains("\"field\":\"interaction\"",
                "interaction i-elsewhere is not connected with agent-ada");
    }

    @Test
    void aSupervisorIsToldThereIsNoSuchLiveCallToListenToOrChatToRead() {
        Browserless supervisor = new Browserless(port);
        supervisor.login("sam", WebTestApplication.PASSWORD);
        HttpResponse<String> noId = supervisor.get("/api/supervisor/chats/not!an!id");
        assertThat(noId.statusCode()).isEqualTo(404);
        assertThat(noId.body()).contains("\"error\":\"NOT_FOUND\"", "no interaction not!an!id");
        HttpResponse<String> noChat = supervisor.get("/api/supervisor/chats/i-elsewhere");
        assertThat(noChat.statusCode()).isEqualTo(404);
        assertThat(noChat.body()).contains("no connected interaction i-elsewhere");
        HttpResponse<String> listen = supervisor.json("POST", "/api/supervisor/monitor/not!an!id",
                "{\"mode\":\"LISTEN\",\"sdp\":\"v=0\"}", true);
        assertThat(listen.statusCode()).isEqualTo(404);
        assertThat(listen.body()).contains("\"error\":\"NOT_FOUND\"", "no interaction not!an!id");
    }
}
