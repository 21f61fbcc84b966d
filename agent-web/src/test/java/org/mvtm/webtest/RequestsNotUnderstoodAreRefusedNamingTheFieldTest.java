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
 * Each is refused naming the field, with words, where these endpoints answered Spring's bare 400 before.
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
    void aBodyThatIsNotJsonIsRefusedNamingTheContentType() {
        Browserless sam = Browserless.signedIn(port, "sam");
        assertRefused(sam.send(HttpRequest.newBuilder(URI.create(sam.base() + "/api/supervisor/advisors/agent-ada/state"))
                .header("Content-Type", "text/plain").header("X-XSRF-TOKEN", sam.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("NOT_READY")).build()), 415, "Content-Type")
                .contains("application/json");
    }
}
