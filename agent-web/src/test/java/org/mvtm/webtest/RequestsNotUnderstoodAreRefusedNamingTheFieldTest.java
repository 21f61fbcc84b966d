package org.mvtm.webtest;

import static org.mvtm.webtest.Refusal.assertRefused;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request an endpoint cannot even read, on the endpoints outside the admin API and the customer chat (which answer
 * in formats of their own): broken JSON, a property or a query parameter of the wrong type, a body that is not JSON.
 * Each is refused naming the field, with words, where these endpoints answered Spring's bare 400 before. The customer
 * chat API keeps its own words and now names the field as well.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestsNotUnderstoodAreRefusedNamingTheFieldTest {
    @LocalServerPort
    int port;

    @Test
    void aSupervisorsBrokenOrMistypedJsonIsRefusedNamingTheBodyOrTheProperty() {
        Browserless sam = Browserless.signedIn(port, "sam");
        assertRefused(sam.send("POST", "/api/supervisor/advisors/agent-ada/state", "{\"state\":"), 400, "body")
                .contains("\"error\":\"BAD_REQUEST\"").contains("is not valid JSON (line 1, column 10)");
        assertRefused(sam.send("POST", "/api/supervisor/interactions/none/queue", "{\"queue\":{\"id\":1}}"), 400,
                "queue").contains("has the wrong type");
    }

    @Test
    void aComplianceQueryParameterOfTheWrongTypeIsRefusedNamingIt() {
        Browserless officer = Browserless.signedIn(port, "hkcomp");
        assertRefused(officer.get("/api/compliance/audit?limit=many", "X-Purpose", "case 4711"), 400, "limit")
                .contains("has the wrong type");
    }

    @Test
    void theCustomerChatNamesTheFieldOfEachValueItRefuses() {
        Browserless chan = Browserless.signedIn(port, "chan");
        String api = "/api/customer/conversations";
        assertRefused(chan.send("POST", api, "{\"language\":\"klingon\"}"), 400, "language")
                .contains("language must be one of en, zh, yue but was 'klingon'");
        String id = JsonFields.field(chan.send("POST", api, "{\"language\":\"en\"}").body(), "conversationId");
        try {
            assertRefused(chan.send("POST", api + "/" + id + "/messages", "{\"text\":\"  \"}"), 400, "text");
            assertRefused(chan.send("POST", api + "/" + id + "/person", "{\"channel\":\"FAX\"}"), 400, "channel")
                    .contains("CHAT, VIDEO or VOICE");
            assertRefused(chan.get(api + "/" + id + "/messages?waitSeconds=600"), 400, "waitSeconds");
            assertRefused(chan.get(api + "/" + id + "/messages?after=999"), 400, "after")
                    .contains("after must be between 0 and");
            assertRefused(chan.get(api + "/" + id + "/messages?after=first"), 400, "after")
                    .doesNotContain("java.lang");
        } finally {
            // chan leaves: the test classes sharing this server open conversations of their own for her
            chan.delete(api + "/" + id);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedNamingTheContentType() {
        Browserless sam = Browserless.signedIn(port, "sam");
        assertRefused(sam.send(HttpRequest.newBuilder(URI.create(sam.base() + "/api/supervisor/advisors/agent-ada/state"))
                .header("Content-Type", "text/plain").header("X-XSRF-TOKEN", sam.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("NOT_READY")).build()), 415, "Content-Type")
                .contains("application/json");
    }
}
