package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 finding 8: one customer held 5 queue places and opened 20 conversations in 2.5 s. A customer has one
 * open conversation (and so one queue place) at a time and may start only so many in a minute; the refusal is a code
 * the page translates.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneCustomerCannotHoardConversationsTest {
    @LocalServerPort
    int port;

    @Test
    void aSecondWindowIsRefusedWhileTheFirstIsOpenAndTakesOverOnceItIsClosed() throws Exception {
        Browserless customer = Browserless.signedIn(port, "hoarder");
        Browserless.Socket first = SocketSteps.queuedPage(customer, "en", "CHAT").page();

        Browserless.Socket second = customer.socket("/ws/customer");
        second.send("{\"type\":\"hello\",\"language\":\"en\"}");
        String refused = second.next("\"error\"");
        assertThat(refused).contains("\"code\":\"limit.open-conversation\"");

        first.close(); // the customer closed the first window: a new one may start over
        String welcome = null;
        for (int attempt = 0; attempt < 40 && welcome == null; attempt++) {
            second.send("{\"type\":\"hello\",\"language\":\"en\"}");
            List<String> answer = second.until("\"type\":\"");
            welcome = answer.stream().filter(m -> m.contains("\"welcome\"")).findFirst().orElse(null);
            if (welcome == null) {
                Thread.sleep(500);
            }
        }
        assertThat(welcome).as("a new window after the first was closed").isNotNull();
        second.close();
    }

    @Test
    void twentyConversationsInABurstAreCutOffByTheRateLimit() {
        Browserless app = Browserless.signedIn(port, "burst");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = app.postJson("/api/customer/conversations", "{\"language\":\"en\"}");
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 10)).as("the first ten in a minute").containsOnly(201);
        assertThat(statuses.subList(10, 20)).as("the rest of the burst").containsOnly(429);
        assertThat(last.body()).contains("\"code\":\"limit.rate\"");
    }
}
