package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.JsonFields.field;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a customer or an advisor does only in their own connected call (pause the recording, pass documents, share the
 * screen) is refused with the reason when there is no such call: 404 for a conversation that is not the customer's,
 * 409 while the conversation is still with the assistant, 403 for an interaction not connected with the advisor, 404
 * for a supervisor naming no live call. Every endpoint answers from the one lookup of its side
 * ({@code WebConversations.connectedCall}, {@code AdvisorDesks.connectedCall}, {@code CallRefused}), each in
 * its own format.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallBoundRequestsOutsideACallAreRefusedTest {
    @LocalServerPort
    int port;

    /** The request was refused with {@code status} and a body that says each of {@code says}. */
    private static void assertRefused(HttpResponse<String> response, int status, String... says) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(says);
    }

    @Test
    void aCustomerIsToldWhetherTheConversationIsNotTheirsOrHasNoAdvisorYet() {
        Browserless customer = Browserless.signedIn(port, "nocall");
        assertRefused(customer.get("/api/customer/conversations/c-nope/pci-pause"), 404,
                "\"error\":\"NOT_FOUND\"", "no open conversation c-nope of yours");

        HttpResponse<String> opened = customer.postJson("/api/customer/conversations", "{\"language\":\"en\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String id = field(opened.body(), "conversationId");
        String conversation = "/api/customer/conversations/" + id;
        assertRefused(customer.get(conversation + "/pci-pause"), 409,
                "\"error\":\"CONFLICT\"",
                "conversation " + id + " is WITH_BOT: only a conversation connected with an advisor is recorded");
        assertRefused(customer.get(conversation + "/documents"), 409,
                "\"field\":\"conversation\"",
                "is WITH_BOT: documents are passed only with an advisor connected");
        assertRefused(customer.get(conversation + "/screen"), 409,
                "is WITH_BOT: a screen is shared only in a call with an advisor");
    }

    @Test
    void anAdvisorIsRefusedAnInteractionThatIsNotConnectedWithThem() {
        Browserless advisor = Browserless.signedIn(port, "ada");
        assertRefused(advisor.get("/api/agent/interactions/i-elsewhere/pci-pause"), 403,
                "\"error\":\"FORBIDDEN\"",
                "interaction i-elsewhere is not connected with agent-ada");
        assertRefused(advisor.get("/api/agent/interactions/i-elsewhere/documents"), 403,
                "\"field\":\"interaction\"",
                "interaction i-elsewhere is not connected with agent-ada");
        assertRefused(advisor.get("/api/agent/interactions/i-elsewhere"), 404,
                "\"error\":\"NOT_FOUND\"", "no open interaction i-elsewhere");
        assertRefused(advisor.json("POST", "/api/agent/conference/i-elsewhere", "{\"colleague\":\"agent-bo\"}", true),
                404, "\"error\":\"NOT_FOUND\"", "no connected call i-elsewhere");
    }

    @Test
    void aSupervisorIsToldThereIsNoSuchLiveCallToListenToOrChatToRead() {
        Browserless supervisor = Browserless.signedIn(port, "sam");
        assertRefused(supervisor.get("/api/supervisor/chats/not!an!id"), 404,
                "\"error\":\"NOT_FOUND\"", "no interaction not!an!id");
        assertRefused(supervisor.get("/api/supervisor/chats/i-elsewhere"), 404,
                "no connected interaction i-elsewhere");
        assertRefused(supervisor.json("POST", "/api/supervisor/monitor/not!an!id",
                "{\"mode\":\"LISTEN\",\"sdp\":\"v=0\"}", true), 404,
                "\"error\":\"NOT_FOUND\"", "no interaction not!an!id");
    }
}
