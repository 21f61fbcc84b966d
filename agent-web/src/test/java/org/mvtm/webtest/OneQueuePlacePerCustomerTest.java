package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mvtm.web.api.CustomerLimitSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Issue 15 finding 8, for a bank that lets a customer keep two conversations open (the app and a browser): they still
 * hold one queue place at a time. Asking for a person in the second while the first waits is refused with the code
 * the page translates; once the first gives its place up, the second may queue.
 */
@SpringBootTest(classes = {WebTestApplication.class, OneQueuePlacePerCustomerTest.TwoOpenConversations.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneQueuePlacePerCustomerTest {
    /** Not a @Configuration: WebTierConfiguration scans org.mvtm.web, and this must not reach other tests' contexts. */
    static class TwoOpenConversations {
        @Bean
        CustomerLimitSettings customerLimitSettings() {
            return new CustomerLimitSettings(2, 1, 10);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aCustomerWaitingInOneWindowCannotQueueInTheSecondUntilTheFirstGivesItsPlaceUp() throws Exception {
        Browserless customer = Browserless.signedIn(port, "queuer");
        Browserless.Socket app = SocketSteps.queuedPage(customer, "en", "CHAT").page();

        Browserless.Socket browser = SocketSteps.greetedPage(customer, "en"); // a second open conversation is allowed here
        browser.send("{\"type\":\"person\",\"channel\":\"CHAT\"}");
        assertThat(browser.next("\"error\"")).contains("\"code\":\"limit.queue-place\"");

        SocketSteps.leave(app); // the app gives its place up
        assertThat(SocketSteps.askForPerson(browser, "CHAT")).as("queued once the first gave its place up").isNotBlank();
        SocketSteps.leave(browser); // leaves the queue: no advisor gets an offer for it
        app.close();
        browser.close();
    }
}
