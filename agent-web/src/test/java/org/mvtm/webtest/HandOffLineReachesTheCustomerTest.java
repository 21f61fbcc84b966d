package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.webtest.JsonFields.field;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, item 6: "talk to a person" makes the assistant say it connects the customer with an advisor; that line
 * is shown to the customer (on the page's WebSocket and in the HTTP transcript), once, like every other bot line.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandOffLineReachesTheCustomerTest {
    private static final String API = "/api/customer/conversations";

    @LocalServerPort
    int port;

    @Test
    void theCantoneseHandOffLineIsShownOnTheCustomersSocket() throws Exception {
        Browserless http = Browserless.signedIn(port, "chan");
        Browserless.Socket customer = SocketSteps.greetedPage(http, "yue");
        customer.next("\"BOT\"");
        customer.send("{\"type\":\"person\",\"channel\":\"CHAT\"}");
        try {
            assertThat(customer.next("轉駁")).as("the hand-off line on the page").contains("\"BOT\"")
                    .contains("而家幫你轉駁去職員");
        } finally {
            SocketSteps.leave(customer); // leaves the queue: the advisors of other tests get no offer
            customer.close();
        }
    }

    @Test
    void theHandOffLineIsInTheHttpTranscriptOnce() throws Exception {
        Browserless app = Browserless.signedIn(port, "chan");
        HttpResponse<String> opened = app.postJson(API, "{\"language\":\"en\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = field(opened.body(), "conversationId");
        try {
            assertThat(app.postJson(API + "/" + id + "/person", "{\"channel\":\"CHAT\"}").statusCode()).isEqualTo(202);
            String handOff = "I'll connect you with one of our advisors now.";
            String transcript = "";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!transcript.contains(handOff) && Instant.now().isBefore(deadline)) {
                transcript = app.get(API + "/" + id + "/messages?after=0&waitSeconds=2").body();
            }
            assertThat(transcript).as("GET messages shows the hand-off line").contains(handOff);
            assertThat(transcript.split(Pattern.quote(handOff), -1)).as("once").hasSize(2);
        } finally {
            assertThat(app.delete(API + "/" + id).statusCode()).as("the customer leaves the queue").isEqualTo(200);
        }
    }
}
