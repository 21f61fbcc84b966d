package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.Refusal.assertRefused;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Screen sharing's endpoints refuse bad input with the field named and nothing changed (issue 22): a change without
 * {@code sharing}, a screen leg without an offer, a call that is not connected, someone else's conversation, and a
 * customer calling the advisor's side. The sharing itself is shown in the browser (LiveCallsInBrowserTest).
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreenShareApiTest {
    @LocalServerPort
    int port;

    @Test
    void badOrMisplacedScreenShareRequestsAreRefusedWithTheReason() {
        Browserless advisor = Browserless.signedIn(port, "ada");
        assertRefused(advisor.json("POST", "/api/agent/interactions/i-1/screen", "{}", true), 400, "sharing");
        assertRefused(advisor.json("POST", "/api/agent/interactions/i-1/screen/leg", "{}", true), 400, "sdp");
        HttpResponse<String> noCall = advisor.get("/api/agent/interactions/i-1/screen");
        assertThat(noCall.statusCode()).isEqualTo(404);
        assertThat(noCall.body()).contains("no connected call i-1");
        HttpResponse<String> start = advisor.json("POST", "/api/agent/interactions/i-1/screen", "{\"sharing\":true}", true);
        assertThat(start.statusCode()).isEqualTo(404);

        Browserless customer = Browserless.signedIn(port, "chan");
        HttpResponse<String> notHers = customer.get("/api/customer/conversations/c-nope/screen");
        assertThat(notHers.statusCode()).isEqualTo(404);
        assertThat(notHers.body()).contains("no open conversation c-nope of yours");
        assertThat(customer.get("/api/agent/interactions/i-1/screen").statusCode()).isEqualTo(403);
    }
}
